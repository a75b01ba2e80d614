// @ts-check
// The page's one state for the plan shown: the plan and its facts, the values as typed (strings, by
// fact id), the facts as understood, the errors and the last good result. Every change goes through
// the functions here (pure but for the evaluate function passed in); the views are drawn from it.

import { readFacts } from './parse.js';

/**
 * @typedef {{planId: string | null, schema: any, facts: any[], values: Record<string, string>, bad: Set<string>,
 *   read: {facts: Record<string, unknown>, errors: Record<string, string>, understood: Record<string, string>},
 *   out: any, valid: boolean, empty: boolean, key: string}} State
 */

/** @returns {State} */
export function createState() {
  return { planId: null, schema: null, facts: [], values: {}, bad: new Set(), read: { facts: {}, errors: {}, understood: {} }, out: null, valid: true, empty: true, key: '' };
}

/**
 * Shows a plan: its facts, the values kept for it (only those of its facts), no result yet.
 * @param {State} s @param {string} planId @param {any} schema @param {Record<string, string>} values
 */
export function setPlan(s, planId, schema, values) {
  s.planId = planId;
  s.schema = schema;
  s.facts = Array.isArray(schema.facts) ? schema.facts : [];
  takeValues(s, values);
  s.bad = new Set();
  s.out = null;
  s.valid = true;
  s.key = '';
}

/**
 * The values kept for the plan shown: only those of its facts (the incident keeps every plan's).
 * @param {State} s @param {Record<string, string>} values
 */
export function takeValues(s, values) {
  const ids = new Set(s.facts.map((f) => f.id));
  s.values = Object.fromEntries(Object.entries(values).filter(([k, v]) => ids.has(k) && typeof v === 'string'));
}

/**
 * One field as typed (undefined: left empty). `bad`: the box itself cannot read what is in it.
 * Returns whether anything changed.
 * @param {State} s @param {string} id @param {string | undefined} raw @param {boolean} [bad]
 */
export function setValue(s, id, raw, bad = false) {
  const was = s.values[id];
  const wasBad = s.bad.has(id);
  if (raw === undefined) delete s.values[id];
  else s.values[id] = raw;
  if (bad) s.bad.add(id);
  else s.bad.delete(id);
  return was !== raw || wasBad !== bad;
}

/**
 * Reads the values as typed (what each box was understood as, its error) without evaluating: a
 * keystroke's own feedback, shown before the evaluation (which reads them again).
 * @param {State} s
 */
export function readState(s) {
  s.read = readFacts(s.values, s.facts, s.bad);
}

/**
 * Reads the values and, when they are valid, evaluates them. An invalid input keeps the last good
 * result (shown as stale) and marks the state invalid: nothing may be recorded from it.
 * Returns false when nothing changed since the last call (same plan, same facts, same errors) and
 * `force` is not set.
 * @param {State} s @param {(plan: string, facts: Record<string, unknown>, now: string) => any} evaluate
 * @param {string} nowIso @param {boolean} [force]
 */
export function evaluateState(s, evaluate, nowIso, force = false) {
  const read = readFacts(s.values, s.facts, s.bad);
  const key = JSON.stringify([s.planId, read.facts, read.errors]);
  s.read = read;
  if (!force && key === s.key) return false;
  s.key = key;
  // The incident time alone (a new incident starts "now") is not a description of the incident.
  s.empty = Object.keys(read.facts).every((k) => (s.facts.find((f) => f.id === k) || {}).type === 'datetime');
  if (Object.keys(read.errors).length) {
    s.valid = false;
    return true;
  }
  try {
    const out = evaluate(/** @type {string} */ (s.planId), read.facts, nowIso);
    if (!out || typeof out !== 'object') throw Object.assign(new Error('引擎没有返回结果'), { field: '' });
    s.out = out;
    s.valid = true;
  } catch (e) {
    const err = /** @type {any} */ (e);
    const field = err && typeof err === 'object' && err.field != null ? String(err.field) : '';
    s.read = { ...read, errors: { [field]: (err && err.message) || String(e) || '输入有误' } };
    s.valid = false;
  }
  return true;
}
