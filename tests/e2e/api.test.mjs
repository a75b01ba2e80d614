// The JS API's TypeScript types (types/yingji-types.d.ts → pkg/) against the Rust structs they describe
// and against real results: every interface has exactly the struct's fields, and a result has exactly
// the keys its interface declares. Runs the built pkg/ in Node (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, ROOT } from './helpers.mjs';

/** interface name → {field: optional?} from a .d.ts (flat interfaces, one field a line). */
function interfaces(dts) {
  const out = {};
  for (const m of dts.matchAll(/export interface (\w+)(?: extends \w+)? \{([\s\S]*?)\n\}/g)) {
    const fields = {};
    for (const f of m[2].matchAll(/^\s+(\w+)(\?)?:/gm)) fields[f[1]] = !!f[2];
    out[m[1]] = fields;
  }
  return out;
}

/** struct name → field names (serde names) from Rust source. */
function structs(rs) {
  const out = {};
  for (const m of rs.matchAll(/pub struct (\w+) \{([\s\S]*?)\n\}/g)) {
    const fields = [];
    for (const f of m[2].matchAll(/(?:#\[serde\(rename = "(\w+)"\)\]\s*)?pub (\w+):/g)) fields.push(f[1] || f[2]);
    out[m[1]] = fields;
  }
  return out;
}

const dts = readFileSync(join(REPO, 'types', 'yingji-types.d.ts'), 'utf8');
const ifs = interfaces(dts);

test('every interface matches its Rust struct field for field', () => {
  const rust = {
    ...structs(readFileSync(join(REPO, 'src', 'engine', 'outcome.rs'), 'utf8')),
    ...structs(readFileSync(join(REPO, 'src', 'plan', 'model.rs'), 'utf8')),
  };
  let compared = 0;
  for (const [name, fields] of Object.entries(ifs)) {
    if (!rust[name]) continue;
    assert.deepEqual(Object.keys(fields).sort(), [...rust[name]].sort(), `interface ${name} vs. struct ${name}`);
    compared++;
  }
  for (const must of ['Outcome', 'Schema', 'PlanSummary', 'Deadline', 'ResponseOutcome', 'Criterion', 'FactDef', 'Cite']) {
    assert.ok(ifs[must] && rust[must], `${must} is declared and compared`);
  }
  assert.ok(compared >= 20, `compared ${compared} interfaces`);
});

test('real results have exactly the declared keys', async () => {
  const mod = await import(pathToFileURL(join(ROOT, 'pkg', 'yingji.js')).href);
  await mod.default({ module_or_path: readFileSync(join(ROOT, 'pkg', 'yingji_bg.wasm')) });
  const conform = (value, name, path) => {
    const decl = ifs[name];
    assert.ok(decl, `no interface ${name}`);
    for (const k of Object.keys(value)) assert.ok(k in decl, `${path}.${k} is not declared in ${name}`);
    for (const [k, optional] of Object.entries(decl)) if (!optional) assert.ok(k in value, `${path}.${k} (${name}) missing`);
  };
  const list = mod.plans();
  for (const p of list) conform(p, 'PlanSummary', 'plans()[]');
  for (const { id } of list) {
    const s = mod.schema(id);
    conform(s, 'Schema', `schema(${id})`);
    for (const f of s.facts) conform(f, 'FactDef', `schema(${id}).facts[]`);
    // Facts the plan has: a casualty plan gets deaths and a time, a forecast plan its forecast, a
    // support procedure its request and notice times.
    const sample = {
      deaths: 5,
      incident_time: '2026-11-23T14:30',
      aqi: [201, 301, 301, 201],
      request_time: '2026-11-23T14:30',
      notice_time: '2026-11-23T14:40',
    };
    const ids = new Set(s.facts.map((f) => f.id));
    const facts = Object.fromEntries(Object.entries(sample).filter(([k]) => ids.has(k)));
    const r = mod.evaluate(id, facts, '2026-11-23T15:00:00+08:00');
    conform(r, 'Outcome', `evaluate(${id})`);
    if (r.activation) conform(r.activation, 'ActivationOutcome', 'activation');
    if (r.response) conform(r.response, 'ResponseOutcome', 'response');
    for (const d of r.deadlines) conform(d, 'Deadline', 'deadlines[]');
    for (const c of r.criteria) conform(c, 'Criterion', 'criteria[]');
    for (const t of r.tasks) conform(t, 'TaskGroup', 'tasks[]');
    for (const c of r.citations) conform(c, 'Cite', 'citations[]');
    for (const w of r.warnings) {
      conform(w, 'WarningOutcome', 'warnings[]');
      for (const b of w.basis) conform(b, 'HazardBasis', 'warnings[].basis[]');
    }
    conform(r.organisation, 'OrganisationOutcome', 'organisation');
    for (const t of r.tables) conform(t, 'Table', 'tables[]');
  }
  // Bad input throws an Error with .field and a Chinese message (InputError).
  assert.throws(() => mod.evaluate(list[0].id, { deaths: -1 }, '2026-11-23T15:00:00+08:00'), (e) => e instanceof Error && e.field === 'deaths' && /[\u4e00-\u9fff]/.test(e.message));
});
