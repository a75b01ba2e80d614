#!/usr/bin/env node
// Evaluation speed in Node (issue 8): yingji's WASM `evaluate` (pkg/, built by scripts/build.sh) vs
// json-rules-engine on equivalent rules — the 晋城 非煤矿山 grade (1.5: deaths / serious injuries incl.
// acute poisoning / direct loss in 万元, "以上" inclusive, "以下" exclusive, highest grade wins) and
// the response level (4.2: grade → level, raised by the three judgement answers).
//
//   (cd bench/js && npm install) && node bench/js/evaluate.mjs [--ms 2000] [--rounds 5]
//
// First checks that both give the same grade and level on every input of a grid that puts each
// threshold on both sides (prints the agreement count), then times each: warm-up, several rounds of
// about --ms each, the median evaluations/s. yingji's figure is for its compact result (grade, band
// of every criterion, response level and reasons, every deadline's due time and status, task, note
// and warning ids … as a JS object); beside it the same joined with the cached schema (www/join.js:
// the full object the page reads). json-rules-engine's is for grade + level only.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Engine } from 'json-rules-engine';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const PLAN = 'jincheng-noncoal-mine';
const NOW = '2026-11-23T16:00:00+08:00';

const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROUND_MS = opt('ms', 2000);
const ROUNDS = opt('rounds', 5);

function machine() {
  let cpu = 'unknown';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m);
    if (m) cpu = m[1];
  } catch {
    cpu = cpus()[0]?.model || cpu;
  }
  let rustc = 'n/a';
  try {
    rustc = execSync('rustc --version', { encoding: 'utf8' }).trim();
  } catch {
    /* not needed here */
  }
  return { cpu, cores: cpus().length, node: process.version, rustc };
}

// ---------------------------------------------------------------------------------------------
// Inputs: every threshold on both sides, crossed with the judgement answers.

function inputs() {
  const deaths = [0, 2, 3, 9, 10, 29, 30];
  const injured = [
    [0, 0],
    [9, 0],
    [0, 10],
    [5, 5],
    [49, 0],
    [25, 25],
    [99, 0],
    [60, 40],
    [0, 100],
  ];
  const loss = [0, 999.99, 1000, 4999.99, 5000, 9999.99, 10000];
  const out = [];
  for (const d of deaths)
    for (const [s, p] of injured)
      for (const l of loss)
        for (const county of [false, true])
          for (const city of [false, true])
            for (const may of ['no', 'larger', 'major'])
              out.push({
                deaths: d,
                serious_injuries: s,
                poisoned: p,
                direct_loss_wan: l,
                beyond_county_capacity: county,
                beyond_city_capacity: city,
                may_become: may,
              });
  return out;
}

// ---------------------------------------------------------------------------------------------
// yingji (WASM)

async function loadYingji() {
  const glue = join(REPO, 'pkg', 'yingji.js');
  let mod;
  try {
    mod = await import(pathToFileURL(glue).href);
  } catch (e) {
    throw new Error(`cannot load ${glue} (run bash scripts/build.sh first): ${e.message}`);
  }
  // Start-up, once per page: compile + instantiate, then the first call (which loads and checks every
  // embedded plan), then the first evaluation.
  const bytes = readFileSync(join(REPO, 'pkg', 'yingji_bg.wasm'));
  let t = performance.now();
  mod.initSync({ module: bytes });
  const init = performance.now() - t;
  t = performance.now();
  if (typeof mod.plans === 'function') mod.plans();
  const firstCall = performance.now() - t;
  console.log(`start-up: initSync ${init.toFixed(1)} ms; first call (plans(): loads every embedded plan) ${firstCall.toFixed(1)} ms`);
  // Today facts go in as a JS object and the result comes back as one. If the boundary takes or gives
  // JSON text instead, the facts are stringified / the result parsed, as the page would have to.
  let asText = false;
  try {
    mod.evaluate(PLAN, { deaths: 1 }, NOW);
  } catch {
    asText = true;
  }
  const evaluate = (facts) => {
    const r = mod.evaluate(PLAN, asText ? JSON.stringify(facts) : facts, NOW);
    return typeof r === 'string' ? JSON.parse(r) : r;
  };
  const { join: joinResult } = await import(pathToFileURL(join(REPO, 'www', 'join.js')).href);
  const schema = mod.schema(PLAN);
  return { evaluate, joined: (facts) => joinResult(schema, evaluate(facts)) };
}

// ---------------------------------------------------------------------------------------------
// json-rules-engine: the same table. Grade rules (priorities 9…6, one per grade) lower the runtime fact `grade_rank`
// (1 = 特别重大 … 4 = 一般; every input is at least 一般, as every axis's lowest band starts at 0);
// response rules (priority 1) then read it. json-rules-engine has no arithmetic, so the injuries axis
// (serious injuries + poisoned) is a computed fact.

const GRADES = ['特别重大', '重大', '较大', '一般'];
const LEVELS = ['I', 'II', 'III'];

function bands(fact, [t1, t2, t3]) {
  // rank 1: ≥ t1; rank 2: [t2, t1); rank 3: [t3, t2); rank 4: < t3 — "以上" inclusive, "以下" exclusive.
  return [
    { rank: 1, all: [{ fact, operator: 'greaterThanInclusive', value: t1 }] },
    {
      rank: 2,
      all: [
        { fact, operator: 'greaterThanInclusive', value: t2 },
        { fact, operator: 'lessThan', value: t1 },
      ],
    },
    {
      rank: 3,
      all: [
        { fact, operator: 'greaterThanInclusive', value: t3 },
        { fact, operator: 'lessThan', value: t2 },
      ],
    },
    { rank: 4, all: [{ fact, operator: 'lessThan', value: t3 }] },
  ];
}

function makeJre() {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addFact('injuries', async (_p, almanac) => (await almanac.factValue('serious_injuries')) + (await almanac.factValue('poisoned')));
  const axes = [
    ['deaths', [30, 10, 3]],
    ['injuries', [100, 50, 10]],
    ['direct_loss_wan', [10000, 5000, 1000]],
  ];
  for (const [fact, t] of axes)
    for (const b of bands(fact, t))
      engine.addRule({
        name: `${fact}-${b.rank}`,
        // One priority per grade, most severe first: rules of one priority run concurrently, so two
        // grades racing on grade_rank would be wrong; within one grade they all write the same rank.
        priority: 10 - b.rank,
        conditions: { all: b.all },
        event: { type: 'grade', params: { rank: b.rank } },
        onSuccess: async (event, almanac) => {
          const cur = await almanac.factValue('grade_rank');
          if (event.params.rank < cur) almanac.addRuntimeFact('grade_rank', event.params.rank);
        },
      });
  const level = (rank, any) =>
    engine.addRule({ name: `level-${rank}`, priority: 1, conditions: { any }, event: { type: 'level', params: { rank } } });
  level(1, [
    { fact: 'grade_rank', operator: 'lessThanInclusive', value: 2 },
    { fact: 'beyond_city_capacity', operator: 'equal', value: true },
    { fact: 'may_become', operator: 'equal', value: 'major' },
  ]);
  level(2, [
    { fact: 'grade_rank', operator: 'equal', value: 3 },
    { fact: 'beyond_county_capacity', operator: 'equal', value: true },
  ]);
  level(3, [{ fact: 'grade_rank', operator: 'equal', value: 4 }]);
  return async (facts) => {
    const { events, almanac } = await engine.run({ ...facts, grade_rank: 4 });
    const rank = await almanac.factValue('grade_rank');
    const lv = Math.min(...events.filter((e) => e.type === 'level').map((e) => e.params.rank));
    return { grade: GRADES[rank - 1], level: LEVELS[lv - 1] };
  };
}

// ---------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Evaluations per second of `fn` over `cases` (cycled): warm-up, then ROUNDS rounds. */
async function rate(fn, cases, isAsync) {
  let sink = 0;
  const run = async (ms) => {
    const t0 = performance.now();
    let n = 0;
    let t = t0;
    while (t - t0 < ms) {
      for (let i = 0; i < 64; i++) {
        const r = isAsync ? await fn(cases[n % cases.length]) : fn(cases[n % cases.length]);
        sink += r.grade ? r.grade.length : 0;
        n++;
      }
      t = performance.now();
    }
    return (n * 1000) / (t - t0);
  };
  await run(Math.min(1000, ROUND_MS));
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await run(ROUND_MS));
  if (sink < 0) console.log(sink);
  return { median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds), rounds };
}

const m = machine();
console.log(`machine: ${m.cpu}, ${m.cores} cores; node ${m.node}; ${m.rustc}`);
const { evaluate: yingji, joined } = await loadYingji();
const jre = makeJre();
const cases = inputs();

let agree = 0;
const disagree = [];
for (const f of cases) {
  const a = yingji(f);
  const y = { grade: a.grade, level: a.response ? a.response.level : null };
  const j = await jre(f);
  if (y.grade === j.grade && y.level === j.level) agree++;
  else disagree.push({ facts: f, yingji: y, jre: j });
}
console.log(`agreement: ${agree}/${cases.length} inputs give the same grade and response level`);
for (const d of disagree.slice(0, 5)) console.log('  differ:', JSON.stringify(d));
if (disagree.length) process.exitCode = 1;

const ry = await rate(yingji, cases, false);
const rf = await rate(joined, cases, false);
const rj = await rate(jre, cases, true);
const f = (x) => Math.round(x).toLocaleString('en-US');
console.log(`yingji WASM evaluate (compact result → JS object): median ${f(ry.median)} eval/s (min ${f(ry.min)}, max ${f(ry.max)}; ${ROUNDS} rounds × ${ROUND_MS} ms)`);
console.log(`yingji evaluate + join with the cached schema:     median ${f(rf.median)} eval/s (min ${f(rf.min)}, max ${f(rf.max)})`);
console.log(`json-rules-engine (grade + level):                 median ${f(rj.median)} eval/s (min ${f(rj.min)}, max ${f(rj.max)})`);
console.log(`ratio yingji / json-rules-engine: ${(ry.median / rj.median).toFixed(2)}× (joined: ${(rf.median / rj.median).toFixed(2)}×)`);
