// @ts-check
// 应急预案助手 — incidents: what a duty officer keeps through an incident, kept in the browser.
//
// One or more incidents (plan, facts as typed, report fields, ticks, notes, report marks, log),
// autosaved in localStorage (one versioned key) on every change. Two tabs share them: each write
// merges field by field with what another tab wrote since (incident-record.js), and another tab's
// write shows here at once. The log records a result only from valid input (incident-log.js).
// DOM from createElement + textContent only, no inline styles, no code from strings, no network.

import { el, keyed, setText } from './dom.js';
import { clockText } from './format.js';
import { blank, exportText, legacyValues, mergeIncident, newId, parseIncidentFile, pushLog, readDb, writeDb } from './incident-record.js';
import { logChanges, summarise } from './incident-log.js';
import { markHandlers } from './incident-marks.js';
import { SAVE_FAILED } from './storage.js';
import { INFO_FIELDS, infoText, setupBar } from './incident-bar.js';
import { download, fileName, logText, renderChanges as drawChanges, renderLog as drawLog, showConflicts as drawConflicts } from './incident-view.js';

const STORE_KEY = 'incidents:v1';
const LOG_DEBOUNCE_MS = 1200;
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const now = () => Date.now();
const nowIso = () => new Date().toISOString();

/** @typedef {import('./incident-record.js').Incident} Incident */

/**
 * ctx: { store, plans: PlanSummary[], planIds(): Set, titleOf(id), switchPlan(id), current() → the page's
 *        State, redraw() (the result panels after a mark), reload() (the form after another tab's edit) }
 * @param {any} ctx
 */
export function createIncidents(ctx) {
  /** @type {{current: string | null, incidents: Incident[]}} */
  let db = { current: null, incidents: [] };
  /** What storage held for each incident when this tab last read or wrote it: the base of a merge. */
  let base = new Map();
  /** @type {any} */
  let logTimer = null;
  let saved = '';
  /** The text this tab last stored. */
  let written = /** @type {string | null} */ (null);

  const cur = () => db.incidents.find((i) => i.id === db.current) || null;
  const snapshot = () => (base = new Map(db.incidents.map((i) => [i.id, JSON.stringify(i)])));

  /** Merges what another tab stored since our last read into ours; conflicts are shown. @param {string | null} raw */
  function absorb(raw) {
    // Nothing stored (storage unavailable, or cleared): nothing to take in, nothing deleted.
    if (raw == null) return;
    const theirs = readDb(raw).incidents;
    const conflicts = [];
    for (const t of theirs) {
      const mine = db.incidents.find((i) => i.id === t.id);
      const b = base.get(t.id);
      if (!mine) {
        // New in the other tab, or deleted here: only what this tab never saw is added.
        if (!b) db.incidents.push(t);
        continue;
      }
      if (b === JSON.stringify(t)) continue;
      const m = mergeIncident(b ? JSON.parse(b) : null, mine, t);
      Object.assign(mine, m.merged);
      conflicts.push(...m.conflicts.map((c) => ({ ...c, incident: t.id })));
    }
    // Deleted in the other tab (known to both before): gone here too, unless it is the one open.
    db.incidents = db.incidents.filter((i) => theirs.some((t) => t.id === i.id) || !base.has(i.id) || i.id === db.current);
    if (conflicts.length) showConflicts(conflicts);
  }

  /** @param {{part: string, key: string, mine?: string, theirs?: string, incident: string}[]} list */
  function showConflicts(list) {
    const labelOf = (/** @type {string} */ k) => (ctx.current().facts.find((/** @type {any} */ x) => x.id === k) || {}).label || k;
    drawConflicts($('incident-conflict'), list, labelOf, (c) => {
      const i = db.incidents.find((x) => x.id === c.incident);
      if (!i) return;
      const part = /** @type {Record<string, string>} */ (/** @type {any} */ (i)[c.part] || {});
      if (c.theirs === undefined) delete part[c.key];
      else part[c.key] = c.theirs;
      persist();
      ctx.reload();
    });
  }
  const renderChanges = () => drawChanges($('changes'), cur(), now());
  const renderLog = () => drawLog($('log'), cur(), now());

  /** Writes the incidents, first taking in what another tab wrote meanwhile. Returns '' or why it failed. */
  function persist() {
    const i = cur();
    if (i) i.updated = nowIso();
    // Another tab wrote since our last write: take that in first (a string compare when nobody did).
    const stored = ctx.store.get(STORE_KEY);
    if (stored !== written) absorb(stored);
    const text = writeDb(db.current, db.incidents);
    saved = ctx.store.set(STORE_KEY, text);
    if (!saved) {
      written = text;
      snapshot();
    }
    const s = $('save-state');
    const say = saved ? SAVE_FAILED[/** @type {'full' | 'unavailable'} */ (saved)] : '输入已自动保存在本机浏览器中';
    if (s.textContent !== say) s.textContent = say;
    const state = saved ? 'failed' : 'ok';
    if (s.dataset.save !== state) {
      s.dataset.save = state;
      s.setAttribute('role', saved ? 'alert' : 'status');
    }
    return saved;
  }

  /** Another tab wrote: merge, then show the result here (within the same event, well under a second). @param {string | null} raw */
  function onOtherTab(raw) {
    const before = JSON.stringify(cur());
    const plan = cur()?.plan;
    if (raw == null) return;
    absorb(raw);
    for (const t of readDb(raw).incidents) base.set(t.id, JSON.stringify(t));
    if (!cur()) db.current = db.incidents[0]?.id ?? null;
    renderBar();
    if (JSON.stringify(cur()) === before) return;
    if (cur()?.plan !== plan) ctx.switchPlan(availablePlan());
    else ctx.reload();
    renderChanges();
    renderLog();
  }

  /** @param {string} kind @param {string} text @param {object} [extra] */
  function log(kind, text, extra) {
    const i = cur();
    if (i) pushLog(i, { t: nowIso(), kind, text, ...(extra || {}) });
  }

  /** Records the fact and result changes since the last record — only from a valid input. */
  function commitLog() {
    clearTimeout(logTimer);
    logTimer = null;
    const i = cur();
    const s = ctx.current();
    if (!i || !s || s.planId !== i.plan || !s.valid || !s.out) return;
    const r = logChanges(i.logged, { plan: i.plan, values: s.values, facts: s.facts, result: summarise(s.out), empty: s.empty });
    if (!r) return;
    for (const e of r.entries) log(e.kind, e.text, e.fact ? { fact: e.fact } : undefined);
    if (r.lines.length) {
      const kept = Object.keys(i.ticks).length;
      i.changes = { t: nowIso(), lines: kept ? [...r.lines, `已勾选的${kept}项任务保留`] : r.lines };
    }
    i.logged = r.logged;
    persist();
    renderChanges();
    renderLog();
  }
  const flush = () => logTimer && commitLog();

  // ---- the incident bar

  /** @param {Incident} i */
  const optionText = (i) => `${(i.info.title || '').trim() || '未命名事件'} · ${ctx.titleOf(i.plan).replace(/应急预案$/, '')} · ${clockText(i.created, now())}`;

  function renderBar() {
    const sel = /** @type {HTMLSelectElement} */ ($('incident'));
    // Keyed: a plan switch rewrites the one option whose text changed, not the whole list.
    const list = [...db.incidents].sort((a, b) => b.created.localeCompare(a.created)).map((i) => ({ id: i.id, text: optionText(i) }));
    keyed(sel, list, (o) => o.id, (o) => o.text, (o) => el('option', { text: o.text, attrs: { value: o.id } }));
    if (sel.value !== (db.current || '')) sel.value = db.current || '';
    setText($('incident-count'), `共${db.incidents.length}个事件`);
    const i = cur();
    for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('#incident-info [data-info]'))) {
      const v = i ? i.info[/** @type {string} */ (input.dataset.info)] || '' : '';
      if (input.value !== v && input !== document.activeElement) input.value = v;
    }
  }

  /** @param {string} text @param {string} [kind] */
  function message(text, kind = 'ok') {
    const m = $('incident-msg');
    m.textContent = text;
    m.dataset.kind = kind;
    m.hidden = !text;
  }

  /** @param {string} id */
  function open(id) {
    // A fact field still focused saves into the incident being left, not the one being opened.
    const a = /** @type {HTMLElement | null} */ (document.activeElement);
    if (a && $('fields').contains(a)) a.blur();
    commitLog();
    db.current = id;
    persist();
    renderBar();
    ctx.switchPlan(availablePlan());
    renderChanges();
    renderLog();
  }

  /** The incident's plan, or (said on screen) the first plan when it is not on offer any more. */
  function availablePlan() {
    const i = /** @type {Incident} */ (cur());
    if (ctx.planIds().has(i.plan)) return i.plan;
    message(`此事件所用的预案（${i.plan}）已不在预案列表中（导入的预案已移除？）：已改用第一个预案显示，输入的情况都保留；重新导入该预案后可改回。`, 'error');
    return ctx.plans[0].id;
  }

  /** @param {string} plan */
  const fresh = (plan) => blank(plan, ctx.titleOf(plan), now(), newId(now(), Math.random()));

  function create() {
    commitLog();
    const i = fresh(ctx.current().planId || ctx.plans[0].id);
    db.incidents.push(i);
    message('');
    open(i.id);
    $('info-title').focus();
  }

  function remove() {
    const i = cur();
    if (!i) return;
    if (!window.confirm(`确定删除事件“${(i.info.title || '').trim() || '未命名事件'}”吗？删除前可先导出保存。`)) return;
    db.incidents = db.incidents.filter((x) => x.id !== i.id);
    base.delete(i.id);
    if (!db.incidents.length) db.incidents.push(fresh(i.plan));
    message('已删除事件');
    open(db.incidents[0].id);
  }

  // Export works from the page's memory: with storage full or unavailable, the typed values still leave.
  const exporters = {
    json() {
      commitLog();
      const i = cur();
      if (!i) return;
      download(`${fileName(i)}.json`, exportText(i, ctx.titleOf(i.plan), nowIso()), 'application/json');
      message(`已导出：${fileName(i)}.json`);
    },
    log() {
      commitLog();
      const i = cur();
      if (!i) return;
      download(`${fileName(i)}-记录.txt`, logText(i, ctx.titleOf(i.plan)), 'text/plain;charset=utf-8');
    },
    /** @param {File | undefined} file */
    async file(file) {
      if (!file) return;
      let text;
      try {
        text = await file.text();
      } catch {
        message(`无法读取文件“${file.name}”，未导入，现有事件没有改动。`, 'error');
        return;
      }
      const r = parseIncidentFile(text, ctx.planIds());
      if ('error' in r) {
        message(`未导入“${file.name}”：${r.error}。现有事件没有改动。`, 'error');
        return;
      }
      commitLog();
      const inc = r.incident;
      if (db.incidents.some((x) => x.id === inc.id)) inc.id = newId(now(), Math.random());
      pushLog(inc, { t: nowIso(), kind: 'import', text: `从文件“${file.name}”导入` });
      db.incidents.push(inc);
      message(`已导入“${file.name}”：${(inc.info.title || '').trim() || '未命名事件'}`);
      open(inc.id);
    },
  };

  /** @param {string} k @param {string} value @param {boolean} done */
  function onInfo(k, value, done) {
    const i = cur();
    if (!i) return;
    i.info[k] = value;
    if (done) {
      flush();
      log('info', `${(INFO_FIELDS.find((x) => x[0] === k) || [k, k])[1]}：${infoText(k, value)}`);
      renderLog();
    }
    persist();
    ctx.redraw();
    if (k === 'title') {
      const opt = /** @type {HTMLSelectElement} */ ($('incident')).selectedOptions[0];
      if (opt) opt.textContent = optionText(i);
    }
  }

  return {
    /** Loads (or starts) the incidents; returns the plan to show. `legacy`: the old per-plan store's plan. @param {string | null} legacyPlan */
    start(legacyPlan) {
      setupBar({ open: (/** @type {string} */ id) => (message(''), open(id)), create, remove, onInfo, exporters, print: () => (commitLog(), ctx.print ? ctx.print() : (ctx.redraw(), window.print())) });
      const stored = readDb(ctx.store.get(STORE_KEY));
      if (stored.damaged) message('本机保存的事件记录有部分已损坏，无法读取的部分未载入。', 'error');
      db = { current: stored.current, incidents: stored.incidents };
      if (!db.incidents.length) {
        const plan = legacyPlan && ctx.planIds().has(legacyPlan) ? legacyPlan : ctx.plans[0].id;
        const i = fresh(plan);
        const values = legacyPlan ? legacyValues(ctx.store.get(`values:${legacyPlan}`)) : null;
        if (values) Object.assign(i.values, values);
        db = { current: i.id, incidents: [i] };
        persist();
      }
      snapshot();
      ctx.store.watch(STORE_KEY, onOtherTab);
      renderBar();
      renderChanges();
      renderLog();
      const on = markHandlers({ cur, flush, log, persist, renderLog, redraw: ctx.redraw, out: () => ctx.current().out });
      $('tasks').addEventListener('change', on.task);
      $('tasks').addEventListener('input', on.task);
      $('deadlines').addEventListener('click', on.deadline);
      // Whatever is still waiting to be logged goes in before the page goes away.
      window.addEventListener('pagehide', commitLog);
      document.addEventListener('visibilitychange', () => document.hidden && commitLog());
      return availablePlan();
    },
    current: cur,
    /** Records an act on the current incident in its log (a report issued). @param {string} kind @param {string} text */
    record(kind, text) {
      commitLog();
      log(kind, text);
      persist();
      renderLog();
    },
    /** Shows fields both tabs changed (the current incident's). @param {{part: string, key: string, mine?: string, theirs?: string}[]} list */
    conflict: (list) => showConflicts(list.map((c) => ({ ...c, incident: db.current || '' }))),
    /** The values of the current incident for a plan's facts; a plan switch is logged. @param {string} planId */
    values(planId) {
      const i = cur();
      if (!i) return {};
      if (i.plan !== planId) {
        commitLog();
        log('plan', `预案改为《${ctx.titleOf(planId)}》`);
        i.plan = planId;
        i.changes = null;
        persist();
        renderLog();
        renderChanges();
        renderBar();
      }
      return { ...i.values };
    },
    /**
     * Saves the values typed for the current plan (facts of other plans typed in this incident are
     * kept); an officer's own change to a prefilled time confirms it. Returns '' or why saving failed.
     * @param {Record<string, string>} values @param {any[]} facts
     */
    saveValues(values, facts) {
      const i = cur();
      if (!i) return 'unavailable';
      const ids = new Set(facts.map((f) => f.id));
      const next = Object.fromEntries(Object.entries(i.values).filter(([k]) => !ids.has(k)));
      Object.assign(next, values);
      if (JSON.stringify(next) === JSON.stringify(i.values)) return saved;
      if (i.prefilled) for (const k of Object.keys(i.prefilled)) if (next[k] !== i.values[k]) delete i.prefilled[k];
      if (i.prefilled && !Object.keys(i.prefilled).length) delete i.prefilled;
      i.values = next;
      clearTimeout(logTimer);
      logTimer = setTimeout(commitLog, LOG_DEBOUNCE_MS);
      return persist();
    },
    /** The officer confirms a prefilled time as it is. @param {string} id */
    confirm(id) {
      const i = cur();
      if (!i || !i.prefilled || !i.prefilled[id]) return;
      delete i.prefilled[id];
      if (!Object.keys(i.prefilled).length) delete i.prefilled;
      flush();
      log('confirm', `事发时间已核实：${(i.values[id] || '').replace('T', ' ')}`);
      persist();
      renderLog();
    },
    /** Called after every evaluation: the first valid one is recorded at once, later ones after a pause. */
    evaluated() {
      const i = cur();
      if (i && !(i.logged && i.logged.plan === i.plan)) commitLog();
    },
  };
}
