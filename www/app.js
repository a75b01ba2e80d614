// @ts-check
// 应急预案助手 — the page. No framework, no network beyond its own files.
//
// One state (state.js) for the plan shown; the incidents (incident.js) keep what was typed. Every
// input goes: form event → state → save → evaluate → the panels whose inputs changed (each panel is a
// pure view, render-*.js; lists are keyed, so unchanged nodes stay). Nothing is read back from the DOM.
//
// Rules the page keeps (it runs under a strict CSP and shows untrusted plan text): DOM is built with
// createElement + textContent only, never from HTML strings; no inline styles; no code from strings.
// tests/e2e/page.test.mjs checks the sources for the forbidden APIs.

import { afterPaint, painted } from './after-paint.js';
import { setupAlerts } from './alerts.js';
import { setPlanContacts, setupBook } from './contacts.js';
import { el, panel, redrawNext } from './dom.js';
import { LoadError, loadEngine } from './engine.js';
// The engine's glue with the page, not import()ed in boot (README "The page"); preflight.js says if missing.
import * as glue from '../pkg/yingji.js';
import { showFieldState, showForm, syncInputs } from './form.js';
import { draftMark } from './draft-mark.js';
import { setupEditorLazy } from './editor-lazy.js';
import { guardEngine, showEngineFailure } from './guard.js';
import { setupFinder } from './finder.js';
import { placeImportBox, setupImport } from './import.js';
import { module, whenIdle } from './lazy.js';
import { setupMenus } from './menu.js';
import { createIncidents } from './incident.js';
import { download } from './incident-view.js';
import { tickCockpit } from './render-cockpit.js';
import { tick } from './render-deadlines.js';
import { renderScope } from './render-plan.js';
import { setupReportsLazy } from './report-lazy.js';
import { markStale, resultSteps } from './result-view.js';
import { redrawer } from './redraw.js';
import { createState, evaluateState, readState, setPlan, setValue, takeValues } from './state.js';
import { setLoadState, showLoadFailure, startStatus } from './status.js';
import { startTicker } from './ticker.js';
import { setupTabs } from './tabs.js';
import { SAVE_FAILED, createStore } from './storage.js';

const ROOT = /** @type {HTMLElement} */ (document.getElementById('app'));
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const REFRESH_MS = 30_000; // re-evaluate so the deadline countdowns stay current

const store = createStore();
const state = createState();
/** @type {any} */
let api = null;
/** @type {{id: string, title: string, city: string, date?: string, imported?: string}[]} */
let plans = [];
/** @type {ReturnType<typeof createIncidents>} */
let incidents;
/** The result's tabs (tabs.js): only the one shown is drawn; shown mid-drawing, it gets the newest result. */
const tabs = setupTabs($('tablist'), { beforeShow: () => later.flush() });
const reveal = afterPaint(() => $('fields').classList.remove('swapping')); // a switched plan's form (selectPlan)
/** The pictures and the 依据 tab, loaded when their tab is first shown (issue 14 §5). */
const why = module(() => import('./render-why.js'));
const aqi = module(() => import('./svg-aqi.js'));

// ---------------------------------------------------------------------------------------------
// Loading

/** The start failed: the page says what happened and what to do (status.js). @param {string} code @param {unknown} err */
const fail = (code, err) => showLoadFailure(ROOT, code, err);

async function boot() {
  // www/preflight.js (a classic script) has already reported file:// and browsers without modules.
  if (String(ROOT.dataset.yingjiState).startsWith('error:')) return;
  try {
    // The single-file build (tools/single-file.mjs) defines YINGJI_INLINE: the glue and the .wasm.
    // @ts-ignore
    const inline = typeof YINGJI_INLINE === 'object' ? YINGJI_INLINE : null;
    const loading = loadEngine(inline || { base: new URL('../pkg/', import.meta.url), loaded: glue });
    // Opens the origin's storage while the .wasm compiles (the start reads the stored incidents next).
    store.get('plan');
    const engine = await loading;
    api = guardEngine(engine, (failure) => showEngineFailure(ROOT, failure));
    plans = api.list;
  } catch (e) {
    return fail(e instanceof LoadError ? e.code : 'init', e);
  }
  const sel = /** @type {HTMLSelectElement} */ ($('plan'));
  sel.replaceChildren(...plans.map((p) => el('option', { text: p.title, attrs: { value: p.id } })));
  sel.addEventListener('change', () => selectPlan(sel.value));
  // Awaited: an incident kept from an earlier visit may be on an imported plan.
  const imports = await setupImport({ engine: api, select: sel, onSelect: usePlan, fallback: () => plans[0].id });
  setupEditorLazy({ root: ROOT, engine: api, plans, imports });
  setupFinder({ find: (text, city) => api.find(text, city), plans, usePlan });
  setupBook($('local-book-body'), store, () => state.out && draw(false), download);
  $('status').hidden = true;
  for (const id of ['banner', 'summary', 'facts', 'results', 'incident-bar', 'log-card', 'cockpit']) $(id).hidden = false;
  placeImportBox($('plan-import'));
  setupMenus($('incident-bar'));

  incidents = createIncidents({
    store,
    plans,
    planIds: () => new Set([...plans.map((p) => p.id), ...[...sel.options].map((o) => o.value)]),
    titleOf: (/** @type {string} */ id) => plans.find((p) => p.id === id)?.title || [...sel.options].find((o) => o.value === id)?.textContent || id,
    switchPlan: usePlan,
    print: () => reports.print('report'),
    current: () => {
      later.flush(1); // a keystroke's result not yet evaluated is now (its first step): the record reads the state
      return state;
    },
    redraw: () => draw(true),
    reload: () => {
      const before = state.values;
      takeValues(state, incidents.values(/** @type {string} */ (state.planId)));
      followFocused(before);
      syncInputs(state.facts, state.values);
      update();
    },
  });
  const first = incidents.start(store.get('plan'));
  reports = setupReportsLazy({ context: reportContext, record: incidents.record }, say);
  // The first screen of the result (grade, level, the next report, who commands) at once; the form in
  // the frame after its paint (on a laptop it is below the fold), then the lists (issue 14 §5).
  if (!usePlan(first, false)) return;
  save();
  redrawLater(false);
  later.firstNow();
  ROOT.dataset.yingjiFirst = 'drawn'; // bench/coldstart.mjs times the frame that paints it
  await painted();
  showPlanForm();
  steps[0](); // the boxes say what the state says of them (errors, what was understood, the grade reached)
  steps[1]();
  setLoadState(ROOT, 'ready');
  performance.mark('yingji-ready'); // not named «first result»: bench/coldstart.mjs times the painted frame
  // What the start did not load: ready before a print from the browser's menu (beforeprint draws every tab).
  whenIdle(() => void Promise.all([reports.load(), why.load(), aqi.load()]).catch(() => {}));
  startStatus(ROOT, plans); // version badge, offline worker, update prompt
  setInterval(() => {
    if (!document.hidden && !typingNote() && !later.pending()) update(true); // not mid-typing: its result follows
  }, REFRESH_MS);
}

// T-10 and overdue alerts (alerts.js): checked every second against the result shown.
const alerts = setupAlerts({
  store,
  deadlines: () => (state.out && state.out.deadlines) || [],
  reports: () => (incidents && incidents.current()?.reports) || {},
  incident: () => (incidents && incidents.current()?.id) || '',
  anchor: $('status'),
  notifyBox: $('deadlines'),
});


// Every second: the countdowns, the 北京时间 clock, the tab title's countdown and the alerts (ticker.js).
const everySecond = startTicker([tick, tickCockpit, (now) => alerts.check(now)]);

/**
 * Another tab changed the field that has the focus here. Every keystroke is saved at once, so the box
 * holds nothing of this tab's that is not saved unless an input method is still composing: then what
 * is in the box stays, and both values are shown with a way to take the other's; else the box follows.
 * @param {Record<string, string>} before the values before the other tab's change came in
 */
function followFocused(before) {
  const a = /** @type {HTMLInputElement | null} */ (document.activeElement);
  const f = a && a.name ? state.facts.find((x) => x.id === a.name) : null;
  if (!a || !f || f.type === 'series' || f.type === 'yesno' || !$('fields').contains(a)) return;
  const theirs = state.values[f.id];
  const mine = a.value === '' ? undefined : a.value;
  if ((theirs ?? '') === (mine ?? '')) return;
  if ((mine ?? '') === (before[f.id] ?? '')) {
    a.value = theirs ?? '';
    return;
  }
  setValue(state, f.id, mine);
  incidents.conflict([{ part: 'values', key: f.id, mine, theirs }]);
}

// ---------------------------------------------------------------------------------------------
// Plan finder and plan picker

/** @param {string} id @param {boolean} [evaluate] false: the start (it draws the form and the result itself) */
function usePlan(id, evaluate = true) {
  /** @type {HTMLSelectElement} */ ($('plan')).value = id;
  return selectPlan(id, evaluate);
}

/** @param {string} id @param {boolean} [evaluate] */
function selectPlan(id, evaluate = true) {
  // A field still focused fires "change" when the form is rebuilt: let it land before the values change hands.
  const a = /** @type {HTMLElement | null} */ (document.activeElement);
  if (a && $('fields').contains(a)) a.blur();
  let sch;
  try {
    sch = api.schema(id);
  } catch (e) {
    fail('init', e);
    return false;
  }
  setPlan(state, id, sch, incidents.values(id));
  const p = sch.plan || {};
  setPlanContacts(sch.contacts, p.city);
  $('plan-meta').textContent = [draftMark(p), p.imported && `（导入）文件“${p.imported}”`, p.doc_number, p.date && `${p.date} 印发`].filter(Boolean).join(' · ');
  renderScope($('plan-scope'), sch, plans, usePlan);
  if (evaluate) showPlanForm();
  for (const box of ['organisation', 'termination', 'banner']) redrawNext($(box));
  if (evaluate) {
    // The switch's frame paints the plan chosen; the new form is laid out in the frame after it (kept in
    // its place, not drawn: style.css #fields.swapping), then its result (the old one struck through
    // meanwhile). The form's nodes and the state are the new plan's at once (issue 14 §5).
    $('fields').classList.add('swapping');
    reveal.schedule();
    markStale(true);
    redrawLater(false);
  }
  return true;
}

/** The plan's form (built once per plan, form.js), its boxes holding the state's values. */
function showPlanForm() {
  showForm($('fields'), state.facts, {
    set(fid, raw, opts = {}) {
      if (setValue(state, fid, raw, !!opts.bad)) typed(fid);
    },
    get: (fid) => state.values[fid],
    confirm(fid) {
      incidents.confirm(fid);
      draw(true);
    },
  });
  syncInputs(state.facts, state.values, true);
}

function resetForm() {
  if (Object.keys(state.values).length && !window.confirm('确定清空本预案的全部输入吗？清空后无法恢复。')) return;
  for (const k of Object.keys(state.values)) setValue(state, k, undefined);
  syncInputs(state.facts, state.values, true);
  update(true);
}

// ---------------------------------------------------------------------------------------------
// Evaluate and show

/** Keeps what was typed (before the engine runs: if it ever fails, the input is kept, guard.js). */
function save() {
  const saved = incidents.saveValues(state.values, state.facts);
  const text = saved ? SAVE_FAILED[/** @type {'full' | 'unavailable'} */ (saved)] : '';
  if (saved && $('save-state').textContent !== text) $('save-state').textContent = text;
}

/**
 * The result's steps (result-view.js): a keystroke's result is evaluated after its paint, then drawn
 * one step per frame (issue 14 §5); `draw` runs them all at once.
 */
const steps = resultSteps({
  state,
  incident: () => incidents.current(),
  tabs,
  marked: (reports) => alerts.clearMarked(reports),
  ticked: () => everySecond(),
  why,
  aqi,
});
const later = redrawer({
  first: [
    () => {
      evaluated(false);
      steps[0](); // run even when nothing changed: an earlier keystroke's later steps may not have run yet
    },
    () => {
      steps[1]();
      performance.mark('yingji-first'); // bench/keystroke.mjs: the first screen is drawn
    },
  ],
  lists: [...steps.slice(2), () => finished(false)],
});

/**
 * A keystroke (or any edit of a box): the box's own feedback (what was understood, the error) and the
 * save in the event; the evaluation and the panels just after the next paint (issue 14 §5), or at once
 * when anything reads the state first (the record, the report) or the page is left.
 * @param {string} fid the fact edited
 */
function typed(fid) {
  if (!api || !state.planId) return;
  readState(state);
  const i = incidents.current();
  showFieldState(state.facts, state.read.errors, state.read.understood, (i && i.prefilled) || {}, fid);
  // Kept at once, not after the paint: a hidden tab may get no frame for a second, and what was typed
  // must reach storage (and the other tabs) even if this tab is closed or crashes before its result.
  save();
  const type = state.facts.find((f) => f.id === fid)?.type;
  redrawLater(type !== 'yesno' && type !== 'choice');
}

/**
 * The result after the next paint, step by step (redraw.js); the page says it is being drawn until the
 * last step. @param {boolean} typing a keystroke in a text box: the lists wait for a pause in typing
 */
function redrawLater(typing) {
  ROOT.dataset.yingjiResult = 'pending';
  later.schedule(typing);
}
// Leaving the page (closed, reloaded, put in the background) or another tab's write (before incident.js,
// whose listener comes later, merges it with this tab's) makes a result still waiting.
window.addEventListener('pagehide', () => later.flush());
window.addEventListener('storage', () => later.flush());
document.addEventListener('visibilitychange', () => {
  if (document.hidden) later.flush();
});

/** Saves what was typed, evaluates it if valid, and redraws what changed. @param {boolean} [force] */
function update(force = false) {
  if (!api || !state.planId) return;
  save();
  later.cancel();
  if (evaluated(force)) draw(false);
}

/** Evaluates what is kept; false when nothing changed. @param {boolean} force */
function evaluated(force) {
  if (!evaluateState(state, api.evaluate, new Date().toISOString(), force)) return false;
  incidents.evaluated();
  return true;
}

/**
 * Draws every panel from the state now (a click, a mark, another tab's change).
 * @param {boolean} marks a mark or a tick: the written report too, at once
 */
function draw(marks) {
  later.cancel();
  for (const step of steps) step();
  finished(marks);
}

/** After the last step: the written report, which is for paper. @param {boolean} marks */
function finished(marks) {
  // Drawn on a mark, before printing, and after a pause: not while a keystroke's lists wait (reading
  // the state would draw them all at once, mid-typing; their own finish brings the report).
  clearTimeout(reportTimer);
  if (marks) drawReport();
  else reportTimer = setTimeout(() => later.pending() || drawReport(), 800);
  // Read by the tests (helpers.mjs waitText) and bench/keystroke.mjs: the whole result is drawn.
  ROOT.dataset.yingjiResult = 'drawn';
  performance.mark('yingji-drawn');
}

/** @type {any} */
let reportTimer = null;
/** @type {ReturnType<typeof setupReportsLazy>} */
let reports;
/** The incident and its plan's result, for the report and the files (null before the first result). */
function reportContext() {
  later.flush();
  const i = incidents.current();
  const out = state.out;
  if (!i || !out) return null;
  const p = state.schema.plan || {};
  return { i, c: { title: p.title || '', doc: p.doc_number || '', facts: state.facts, out, unconfirmed: Number(p.unconfirmed) || 0 } };
}
function drawReport() {
  clearTimeout(reportTimer);
  const x = reportContext();
  if (!x) return;
  const render = reports.sheets();
  // The report modules are loaded on first use: the first draw (after the first result) loads them.
  if (!render) return void reports.load().then(drawReport, () => {});
  const nowMs = Date.now();
  const { i, c } = x;
  panel($('report'), JSON.stringify([i.info, i.values, i.ticks, i.notes, i.reports, i.prefilled, c.out, c.unconfirmed, Math.floor(nowMs / 60_000)]), () => render(i, c, nowMs));
}
window.addEventListener('beforeprint', () => {
  later.flush();
  tabs.flushAll(); // a print may show a panel whose tab is not shown
  drawReport();
});

/** A message in the incident bar (a module that could not be loaded). @param {string} text */
function say(text) {
  const m = $('incident-msg');
  m.textContent = text;
  m.dataset.kind = 'error';
  m.hidden = false;
}

/** A note being typed in the checklist is not interrupted by the periodic redraw. */
function typingNote() {
  const a = document.activeElement;
  return !!a && a.classList.contains('item-note');
}

$('facts').addEventListener('submit', (e) => e.preventDefault());
$('reset').addEventListener('click', resetForm);

boot().catch((e) => fail('init', e));
