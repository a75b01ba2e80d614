// The JS API demo of www/embed.html: the ES module and its init, as a portal script would use them.
import init, { evaluate } from '../pkg/yingji.js';

const out = document.getElementById('api-result');
try {
  await init({ module_or_path: new URL('../pkg/yingji_bg.wasm', import.meta.url) });
  const r = evaluate('jincheng-noncoal-mine', { deaths: 5 }, new Date().toISOString());
  out.textContent = `死亡 5 人 → ${r.grade}事故，${r.response.level}（${r.response.commands}指挥）`;
  out.dataset.yingjiState = 'ready';
} catch (e) {
  out.textContent = `加载失败：${e && e.message ? e.message : e}`;
  out.dataset.yingjiState = 'error:init';
}
