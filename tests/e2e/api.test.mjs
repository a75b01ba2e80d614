// The JS API against its TypeScript contract (types/yingji-types.d.ts, generated from the Rust types by
// tests/types.rs, copied into pkg/): real results of every plan — plans(), schema(), the compact
// evaluate(), the joined result (www/join.js), find(), import errors — are written into a TypeScript
// file as literals assigned to the generated types, and `tsc --noEmit` must accept it (a missing key,
// an extra key or a wrong kind of value fails). The same file calls pkg/yingji.d.ts's signatures.
// Runs the built pkg/ in Node (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, ROOT } from './helpers.mjs';
import { join as joinResult } from '../../www/join.js';

const NOW = '2026-11-23T15:00:00+08:00';
// Facts the plans have: a casualty plan gets deaths and a time, a forecast plan its forecast, a
// support procedure its request and notice times; each plan gets those it asks for.
const SAMPLES = [
  {},
  { deaths: 5, incident_time: '2026-11-23T14:30', aqi: [201, 301, 301, 201], request_time: '2026-11-23T14:30', notice_time: '2026-11-23T14:40' },
  { deaths: 31, serious_injuries: 120, direct_loss_wan: 20000, incident_time: '2026-11-22T08:00', aqi: [501, 501, 501, 501, 501] },
];

async function engine() {
  const mod = await import(pathToFileURL(join(ROOT, 'pkg', 'yingji.js')).href);
  await mod.default({ module_or_path: readFileSync(join(ROOT, 'pkg', 'yingji_bg.wasm')) });
  const check = await import(pathToFileURL(join(ROOT, 'pkg', 'yingji_check.js')).href);
  await check.default({ module_or_path: readFileSync(join(ROOT, 'pkg', 'yingji_check_bg.wasm')) });
  return { mod, check };
}

test('real results of every plan type-check against the generated types', async () => {
  const { mod, check } = await engine();
  const lines = [
    `import type { Candidate, CheckResult, Evaluation, ImportResult, Outcome, PlanSummary, Schema } from ${JSON.stringify(join(ROOT, 'pkg', 'yingji-types'))};`,
    `import init, * as api from ${JSON.stringify(join(ROOT, 'pkg', 'yingji.js'))};`,
  ];
  let n = 0;
  const put = (type, value) => lines.push(`export const v${n++}: ${type} = ${JSON.stringify(value)};`);
  const list = mod.plans();
  put('PlanSummary[]', list);
  for (const { id } of list) {
    const schema = mod.schema(id);
    put('Schema', schema);
    const ids = new Set(schema.facts.map((f) => f.id));
    for (const sample of SAMPLES) {
      const facts = Object.fromEntries(Object.entries(sample).filter(([k]) => ids.has(k)));
      const ev = mod.evaluate(id, facts, NOW);
      put('Evaluation', ev);
      put('Outcome', joinResult(schema, ev));
    }
  }
  put('Candidate[]', mod.find('尾矿库溃坝 3人死亡', ''));
  put('CheckResult', check.check('bad.toml', 'title = '));
  put('ImportResult', mod.import_plan('junk.bin', new Uint8Array([1, 2, 3])));
  // The module's own signatures name the same types.
  lines.push(
    'export async function use(): Promise<void> {',
    '  await init();',
    "  const plans: PlanSummary[] = api.plans();",
    "  const s: Schema = api.schema(plans[0].id);",
    "  const e: Evaluation = api.evaluate(s.plan.id, { deaths: 3 }, new Date().toISOString());",
    "  const c: Candidate[] = api.find('尾矿库', '');",
    "  const i: ImportResult = api.import_plan('a.toml', new Uint8Array());",
    "  const f: boolean = api.forget_plan('x');",
    "  const p: string = api.last_panic();",
    '  void [s, e, c, i, f, p];',
    '}',
  );
  const dir = mkdtempSync(join(tmpdir(), 'yingji-types-'));
  try {
    const file = join(dir, 'results.ts');
    writeFileSync(file, lines.join('\n') + '\n');
    const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    let out = '';
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--skipLibCheck', 'false', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch (e) {
      out = String(e.stdout || e.message).split('\n').slice(0, 20).join('\n');
    }
    assert.equal(out, '', `tsc finds results that disagree with the generated types:\n${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(n > list.length * 7, `${n} values checked`);
});

test('bad input throws an Error naming the field, in Chinese', async () => {
  const { mod } = await engine();
  const id = mod.plans()[0].id;
  assert.throws(
    () => mod.evaluate('jincheng-noncoal-mine', { deaths: -1 }, NOW),
    (e) => e instanceof Error && e.field === 'deaths' && /[\u4e00-\u9fff]/.test(e.message),
  );
  assert.throws(() => mod.evaluate('nowhere', {}, NOW), (e) => e.field === 'plan');
  assert.ok(id);
});

test('the shipped module has no test-only export and no untyped signature', async () => {
  const { mod } = await engine();
  assert.equal(mod.__armPanicForTest, undefined);
  assert.doesNotMatch(readFileSync(join(ROOT, 'pkg', 'yingji.js'), 'utf8'), /armPanic/);
  for (const f of ['yingji.d.ts', 'yingji_check.d.ts']) {
    const dts = readFileSync(join(ROOT, 'pkg', f), 'utf8');
    for (const m of dts.matchAll(/^export function (\w+)\(([^)]*)\): ([^;]*);/gm)) {
      if (m[1] !== 'initSync') assert.doesNotMatch(m[2] + m[3], /\bany\b/, `pkg/${f}: ${m[0]}`);
    }
  }
  assert.equal(readFileSync(join(ROOT, 'pkg', 'yingji-types.d.ts'), 'utf8'), readFileSync(join(REPO, 'types', 'yingji-types.d.ts'), 'utf8'));
});

test('the compact result of 非煤矿山 at 3 deaths is under 5 KB; its join is the full result', async () => {
  const { mod } = await engine();
  const ev = mod.evaluate('jincheng-noncoal-mine', { deaths: 3 }, NOW);
  const bytes = Buffer.byteLength(JSON.stringify(ev));
  assert.ok(bytes <= 5000, `${bytes} bytes`);
  const full = joinResult(mod.schema('jincheng-noncoal-mine'), ev);
  assert.equal(full.response.level, 'Ⅱ级响应');
  assert.ok(Buffer.byteLength(JSON.stringify(full)) > 5 * bytes);
  // A schema of another plan does not fit: the join says so instead of inventing a result.
  assert.throws(() => joinResult(mod.schema('ordos-noncoal-mine'), ev), /预案说明/);
});
