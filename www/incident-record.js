// @ts-check
// The incident record, pure: a new incident, checking and normalising one (from storage or a file),
// the export file, and merging two copies of one incident edited in two tabs. No DOM, no clock.

import { chinaLocal } from './format.js';

export const INCIDENT_FORMAT = 'yingji-incident';
export const INCIDENT_VERSION = 1;
const MAX_LOG = 5000;

/** @typedef {{t: string, kind: string, text: string, fact?: string}} LogEntry */
/**
 * @typedef {{id: string, plan: string, created: string, updated: string, info: Record<string, string>,
 *   values: Record<string, string>, ticks: Record<string, string>, notes: Record<string, string>,
 *   reports: Record<string, string>, log: LogEntry[], logged: any, changes: any, prefilled?: Record<string, string>}} Incident
 */

export const isObj = (/** @type {unknown} */ x) => !!x && typeof x === 'object' && !Array.isArray(x);
const strMap = (/** @type {any} */ x) => isObj(x) && Object.values(x).every((v) => typeof v === 'string');
const isTime = (/** @type {unknown} */ x) => typeof x === 'string' && Number.isFinite(Date.parse(x));

/** @param {number} nowMs @param {number} rand in [0, 1) */
export function newId(nowMs, rand) {
  return `i-${nowMs.toString(36)}-${Math.floor(rand * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/**
 * A new incident on the plan the officer chose. Its time is prefilled with the moment it was created
 * and marked so (`prefilled`) until the officer confirms or changes it: a countdown from a time
 * nobody checked is too optimistic.
 * @param {string} plan @param {string} planTitle @param {number} nowMs @param {string} id
 * @returns {Incident}
 */
export function blank(plan, planTitle, nowMs, id) {
  const now = new Date(nowMs).toISOString();
  return {
    id,
    plan,
    created: now,
    updated: now,
    info: {},
    values: { incident_time: chinaLocal(nowMs) },
    ticks: {},
    notes: {},
    reports: {},
    log: [{ t: now, kind: 'create', text: `新建事件，预案：《${planTitle}》` }],
    logged: null,
    changes: null,
    prefilled: { incident_time: now },
  };
}

/**
 * Checks an incident object (from storage or a file); returns what is wrong, or ''.
 * @param {any} x @param {{has(id: string): boolean}} planIds
 */
export function invalidIncident(x, planIds) {
  if (!isObj(x)) return '内容不是一个事件';
  if (typeof x.id !== 'string' || !x.id) return '缺少事件编号';
  if (typeof x.plan !== 'string' || !planIds.has(x.plan)) return `预案“${String(x.plan)}”不在本工具中`;
  if (!isTime(x.created)) return '创建时间无效';
  if (!strMap(x.values)) return '事件情况（values）格式不对';
  if (x.info != null && !strMap(x.info)) return '事件信息（info）格式不对';
  if (x.notes != null && !strMap(x.notes)) return '任务备注（notes）格式不对';
  for (const k of ['ticks', 'reports', 'prefilled']) {
    if (x[k] != null && !(isObj(x[k]) && Object.values(x[k]).every(isTime))) return `${{ ticks: '任务勾选', reports: '已报告标记', prefilled: '预填标记' }[k]}格式不对`;
  }
  if (x.log != null && !(Array.isArray(x.log) && x.log.every((/** @type {any} */ e) => isObj(e) && isTime(e.t) && typeof e.text === 'string'))) return '事件记录（log）格式不对';
  return '';
}

/** A checked incident with every part present (copies: the input is never shared). @param {any} x @returns {Incident} */
export function normalise(x) {
  /** @type {Incident} */
  const i = {
    id: x.id,
    plan: x.plan,
    created: x.created,
    updated: isTime(x.updated) ? x.updated : x.created,
    info: { ...(x.info || {}) },
    values: { ...x.values },
    ticks: { ...(x.ticks || {}) },
    notes: { ...(x.notes || {}) },
    reports: { ...(x.reports || {}) },
    log: (x.log || []).map((/** @type {any} */ e) => ({ ...e, kind: typeof e.kind === 'string' ? e.kind : 'note' })),
    logged: isObj(x.logged) ? x.logged : null,
    changes: isObj(x.changes) && isTime(x.changes.t) && Array.isArray(x.changes.lines) ? x.changes : null,
  };
  if (isObj(x.prefilled) && Object.keys(x.prefilled).length) i.prefilled = { ...x.prefilled };
  return i;
}

/** Appends to the log, keeping at most MAX_LOG entries. @param {Incident} i @param {LogEntry} e */
export function pushLog(i, e) {
  i.log.push(e);
  if (i.log.length > MAX_LOG) i.log.splice(0, i.log.length - MAX_LOG);
}

/** The export file's text. @param {Incident} i @param {string} planTitle @param {string} nowIso */
export function exportText(i, planTitle, nowIso) {
  return `${JSON.stringify({ format: INCIDENT_FORMAT, version: INCIDENT_VERSION, exported: nowIso, plan_title: planTitle, incident: i }, null, 2)}\n`;
}

/**
 * Reads an exported file's text: {incident} or {error: Chinese message}. Never throws.
 * @param {string} text @param {{has(id: string): boolean}} planIds
 * @returns {{incident: Incident} | {error: string}}
 */
export function parseIncidentFile(text, planIds) {
  let obj;
  try {
    obj = JSON.parse(text);
  } catch {
    return { error: '文件不是有效的 JSON 文件（可能已损坏或不完整）' };
  }
  if (!isObj(obj) || obj.format !== INCIDENT_FORMAT) return { error: '这不是本工具导出的事件文件' };
  if (obj.version !== INCIDENT_VERSION) return { error: `事件文件的版本（${String(obj.version)}）本工具不支持，只能导入版本 ${INCIDENT_VERSION}` };
  const bad = invalidIncident(obj.incident, planIds);
  if (bad) return { error: `事件文件内容有误：${bad}` };
  return { incident: normalise(obj.incident) };
}

const MAPS = /** @type {const} */ (['values', 'info', 'ticks', 'notes', 'reports', 'prefilled']);

/**
 * Two tabs edited one incident: `mine` and `theirs` both started from `base` (the copy last read from
 * or written to storage). Field by field, a change on one side wins over an unchanged field; a field
 * both changed to different values is a conflict: mine is kept and the conflict is returned for the
 * officer to settle. Log entries from both are kept, in time order.
 * @param {Incident | null} base @param {Incident} mine @param {Incident} theirs
 * @returns {{merged: Incident, conflicts: {part: string, key: string, mine?: string, theirs?: string}[]}}
 */
export function mergeIncident(base, mine, theirs) {
  const b = base || /** @type {Incident} */ ({ values: {}, info: {}, ticks: {}, notes: {}, reports: {}, log: [] });
  const merged = normalise({ ...theirs, ...mine });
  const conflicts = [];
  for (const part of MAPS) {
    const bp = b[part] || {};
    const mp = mine[part] || {};
    const tp = theirs[part] || {};
    /** @type {Record<string, string>} */
    const out = {};
    for (const key of new Set([...Object.keys(bp), ...Object.keys(mp), ...Object.keys(tp)])) {
      const [bv, mv, tv] = [bp[key], mp[key], tp[key]];
      let v = mv;
      if (mv === bv) v = tv;
      else if (tv !== bv && tv !== mv) conflicts.push({ part, key, mine: mv, theirs: tv });
      if (v !== undefined) out[key] = v;
    }
    if (part === 'prefilled') {
      if (Object.keys(out).length) merged.prefilled = out;
      else delete merged.prefilled;
    } else merged[part] = out;
  }
  if (mine.plan === b.plan && theirs.plan !== b.plan) merged.plan = theirs.plan;
  const seen = new Set();
  merged.log = [...theirs.log, ...mine.log]
    .filter((e) => {
      const k = JSON.stringify([e.t, e.kind, e.text]);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => x.t.localeCompare(y.t));
  // The logged baseline and the change box: the newer side's.
  const newer = theirs.updated > mine.updated ? theirs : mine;
  merged.logged = newer.logged;
  merged.changes = newer.changes;
  merged.updated = newer.updated;
  return { merged, conflicts };
}

/**
 * The stored database (one JSON text) → its incidents; a damaged store gives none, never a throw.
 * Stored incidents are kept even if their plan is gone (an imported plan removed): nothing is lost.
 * @param {string | null} raw
 * @returns {{current: string | null, incidents: Incident[], damaged: boolean}}
 */
export function readDb(raw) {
  if (!raw) return { current: null, incidents: [], damaged: false };
  try {
    const obj = JSON.parse(raw);
    if (!isObj(obj) || !Array.isArray(obj.incidents)) return { current: null, incidents: [], damaged: true };
    const any = { has: (/** @type {unknown} */ id) => typeof id === 'string' && id !== '' };
    const incidents = obj.incidents.filter((/** @type {any} */ x) => !invalidIncident(x, any)).map(normalise);
    const current = incidents.some((i) => i.id === obj.current) ? obj.current : incidents[0]?.id ?? null;
    return { current, incidents, damaged: incidents.length !== obj.incidents.length };
  } catch {
    return { current: null, incidents: [], damaged: true };
  }
}

/** @param {string | null} current @param {Incident[]} incidents */
export const writeDb = (current, incidents) => JSON.stringify({ version: INCIDENT_VERSION, current, incidents });

/**
 * Before incidents the page kept one set of values per plan (yingji:v1:values:<plan>): they seed the
 * first incident. Returns the values to keep (strings only, as typed), or null.
 * @param {string | null} raw
 */
export function legacyValues(raw) {
  if (!raw) return null;
  try {
    const obj = JSON.parse(raw);
    return strMap(obj) ? /** @type {Record<string, string>} */ (obj) : null;
  } catch {
    return null;
  }
}
