// @ts-check
// The JS API demo of www/embed.html: the ES module and its init, as a portal script would use them.
// `evaluate` gives the compact result: the response level by id, its name and who commands in
// `schema(id).levels` (README "The contract").
import init, { evaluate, schema } from '../pkg/yingji.js';

const out = /** @type {HTMLElement} */ (document.getElementById('api-result'));
try {
  await init({ module_or_path: new URL('../pkg/yingji_bg.wasm', import.meta.url) });
  const id = 'jincheng-noncoal-mine';
  const r = evaluate(id, { deaths: 5 }, new Date().toISOString());
  const level = schema(id).levels.find((l) => l.id === r.response?.level);
  out.textContent = `死亡 5 人 → ${r.grade}事故，${level ? `${level.name}，指挥：${level.commands}` : '未达到响应条件'}`;
  out.dataset.yingjiState = 'ready';
} catch (e) {
  out.textContent = `加载失败：${e && e.message ? e.message : e}`;
  out.dataset.yingjiState = 'error:init';
}
