// The written report and the 电话快报 on every embedded plan (issue 15 §3), from the built engine in
// Node: with every fact at its most severe answer (the scope question at its first, "按本预案处理")
// and with only the incident time, each report is statements only — no 未填, no question, no
// undefined/null/NaN, every paragraph a finished sentence, sections numbered 一、二、… in order, every
// citation line naming a line of the plan — and a graded result is said with its grade and level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

const NOW = '2024-05-01T03:00:00Z';
const www = (f) => import(pathToFileURL(join(ROOT, 'www', f)).href);

test('every plan: the report is statements only, numbered, each conclusion with its citation line', async () => {
  assert.ok(existsSync(join(ROOT, 'pkg', 'yingji_bg.wasm')), 'run scripts/build.sh first');
  const mod = await import(pathToFileURL(join(ROOT, 'pkg', 'yingji.js')).href);
  mod.initSync({ module: readFileSync(join(ROOT, 'pkg', 'yingji_bg.wasm')) });
  const { join: joinResult } = await www('join.js');
  const { reportModel } = await www('report-model.js');
  const { quickReport } = await www('quick-report.js');
  const plans = mod.plans();
  assert.ok(plans.length >= 14);
  let graded = 0;
  for (const p of plans) {
    const schema = mod.schema(p.id);
    for (const severe of [true, false]) {
      const facts = {};
      const values = { incident_time: '2024-05-01T10:00' };
      if (severe) {
        for (const f of schema.facts) {
          if (f.type === 'count' || f.type === 'money') [facts[f.id], values[f.id]] = [f.type === 'count' ? 3 : 1500, f.type === 'count' ? '3' : '1500'];
          else if (f.type === 'yesno') [facts[f.id], values[f.id]] = [true, 'yes'];
          else if (f.type === 'choice') facts[f.id] = values[f.id] = (/scope|ruling/.test(f.id) ? f.options[0] : f.options.at(-1)).value;
          else if (f.type === 'number') [facts[f.id], values[f.id]] = [Math.round((f.min + f.max) / 2), String(Math.round((f.min + f.max) / 2))];
        }
      }
      const out = joinResult(schema, mod.evaluate(p.id, facts, NOW));
      const i = { info: { title: '' }, values, ticks: {}, notes: {}, reports: {}, log: [] };
      const c = { title: schema.plan.title, facts: schema.facts, out };
      const m = reportModel(i, c, Date.parse(NOW));
      const q = quickReport(i, c);
      const all = `${JSON.stringify(m)}\n${q}`;
      const where = `${p.id}${severe ? ' (severe)' : ' (time only)'}`;
      for (const bad of ['未填', '?', '？', 'undefined', 'null', 'NaN', '[object']) assert.ok(!all.includes(bad), `${where}: no ${bad}:\n${all}`);
      const heads = m.blocks.filter((b) => b.kind === 'heading').map((b) => b.text.slice(0, 2));
      assert.deepEqual(heads, ['一、', '二、', '三、', '四、', '五、'].slice(0, heads.length), `${where}: sections in order`);
      for (const b of m.blocks.filter((x) => x.kind === 'para')) assert.match(b.text, /[。）]$/, `${where}: a finished sentence: ${b.text}`);
      for (const b of m.blocks.filter((x) => x.kind === 'cite')) assert.match(b.text, /^依据：.*原文第\d+/, `${where}: ${b.text}`);
      if (severe && out.grade) {
        graded += 1;
        assert.ok(m.blocks.some((b) => b.text.includes(`属${out.grade}`) && (!out.response || b.text.includes(`建议启动${out.response.level}`))), `${where}: grade and level said`);
        assert.ok(q.includes(`初判为${out.grade}`), `${where}: 电话快报 has the grade`);
      }
    }
  }
  assert.ok(graded >= 10, `graded plans reached: ${graded}`);
});
