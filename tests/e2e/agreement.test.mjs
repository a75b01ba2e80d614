// The WASM build and the native build give the same result on the same random fact sets, for every
// plan: the page and the CLI can never disagree about a grade, a level or a deadline. Both the compact
// result (`evaluate`) and the full one: the JS join of (schema, compact) (www/join.js, what the page
// reads) deep-equals the Rust join the CLI prints with `eval --full`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { join as joinResult } from '../../www/join.js';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CASES_PER_PLAN = 25;
const NOW = '2026-11-23T16:00:00+08:00';

// Deterministic pseudo-random numbers, so a failure can be replayed.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const COUNTS = [0, 1, 2, 3, 5, 9, 10, 29, 30, 49, 50, 99, 100, 300];
const MONEY = [0, 0.5, 999.99, 1000, 4999.99, 5000, 9999.99, 10000, 12345.6];
const TIMES = ['2026-11-23T14:30', '2026-11-23T15:10', '2026-11-22T23:45'];
// Forecast values around the forecast plans' thresholds (AQI 200/300/500, SO₂ 500/650/800).
const SERIES = [0, 150, 200, 201, 300, 301, 499, 500, 650, 651, 800, 801];

function randomFacts(schema, next) {
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const facts = {};
  for (const f of schema.facts) {
    if (next() < 0.25) continue; // leave some facts out: defaults must agree too
    if (f.type === 'count') facts[f.id] = pick(COUNTS);
    else if (f.type === 'money') facts[f.id] = pick(MONEY);
    else if (f.type === 'yesno') facts[f.id] = next() < 0.5;
    else if (f.type === 'choice') facts[f.id] = pick(f.options).value;
    else if (f.type === 'datetime' && f.id === 'incident_time') facts[f.id] = pick(TIMES);
    else if (f.type === 'series') {
      const len = Math.floor(next() * ((f.max_items || 7) + 1));
      facts[f.id] = Array.from({ length: len }, () => pick(SERIES));
    }
  }
  return facts;
}

test('native CLI and WASM agree on random fact sets for every plan', async () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'yingji'], { cwd: REPO, stdio: 'inherit' });
  const cli = join(REPO, 'target', 'debug', 'yingji');
  const wasm = await import(join(REPO, 'pkg', 'yingji.js'));
  await wasm.default({ module_or_path: readFileSync(join(REPO, 'pkg', 'yingji_bg.wasm')) });

  const native = (args, input = '') => JSON.parse(execFileSync(cli, args, { input, encoding: 'utf8' }));
  assert.deepEqual(wasm.plans(), native(['plans']));
  let compared = 0;
  for (const [i, plan] of native(['plans']).entries()) {
    const schema = native(['schema', plan.id]);
    assert.deepEqual(wasm.schema(plan.id), schema, `${plan.id}: schema`);
    const next = rng(1000 + i);
    for (let n = 0; n < CASES_PER_PLAN; n++) {
      const facts = randomFacts(schema, next);
      const input = JSON.stringify({ ...facts, now: NOW });
      const fromCli = native(['eval', plan.id], input);
      const fromWasm = wasm.evaluate(plan.id, facts, NOW);
      assert.deepEqual(fromWasm, fromCli, `${plan.id}: ${JSON.stringify(facts)}`);
      const full = native(['eval', '--full', plan.id], input);
      assert.deepEqual(joinResult(schema, fromWasm), full, `${plan.id} joined: ${JSON.stringify(facts)}`);
      compared++;
    }
  }
  assert.ok(compared >= 6 * CASES_PER_PLAN, `compared ${compared}`);
});
