// 应急预案助手 — the page. No framework, no network beyond its own files.
//
// Rules this file keeps (the page runs under a strict CSP and shows untrusted plan text):
//   * DOM is built with createElement + textContent only, never from HTML strings;
//   * no inline styles: appearance changes go through classes, `hidden` and data attributes;
//   * no code from strings.
// tests/e2e/page.test.mjs checks the source for the forbidden APIs.

import { el } from './dom.js';
import { LOAD_ERRORS, LoadError, errText, loadEngine } from './engine.js';
import { guardEngine, showEngineFailure } from './guard.js';
import { setupImport } from './import.js';
import { createIncidents } from './incident.js';

const ROOT = document.getElementById('app');
const $ = (id) => document.getElementById(id);

const STORE_PREFIX = 'yingji:v1:';
const REFRESH_MS = 30_000; // re-evaluate so the deadline countdowns stay current

// ---------------------------------------------------------------------------------------------
// Small helpers

function clear(node) {
  node.replaceChildren();
  return node;
}

const isNum = (x) => typeof x === 'number' && Number.isFinite(x);

/** Formats a number without ever printing NaN/Infinity. */
function fmtNum(x) {
  if (!isNum(x)) return '—';
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10000) / 10000);
}

/** "第1.5条 · 原文第1174–1176行 · 第12字起" */
function citeText(c) {
  if (!c || typeof c !== 'object') return '';
  const parts = [];
  const clause = c.clause == null ? '' : String(c.clause).trim();
  // "1.5" → 第1.5条, "1.5(3)" → 第1.5(3)条; anything not starting with a digit ("附录8.3") as is.
  if (clause) parts.push(/^[0-9０-９]/.test(clause) ? `第${clause}条` : clause);
  if (isNum(c.line)) {
    parts.push(
      isNum(c.line_end) && c.line_end !== c.line ? `原文第${c.line}–${c.line_end}行` : `原文第${c.line}行`,
    );
  }
  if (Array.isArray(c.chars) && isNum(c.chars[0])) parts.push(`第${c.chars[0] + 1}字起`);
  return parts.join(' · ');
}

function citeEl(c, cls = 'cite') {
  const t = citeText(c);
  return t ? el('cite', { class: cls, text: t }) : null;
}

/** A quoted passage of the plan with its citation. */
function quoteEl(quote, cite) {
  const q = quote == null ? '' : String(quote);
  if (!q && !cite) return null;
  const box = el('figure', { class: 'quote' });
  if (q) box.append(el('blockquote', { text: `“${q}”` }));
  const c = citeEl(cite);
  if (c) box.append(el('figcaption', {}, c));
  return box;
}

function fmtMinutes(m) {
  if (!isNum(m)) return '';
  m = Math.abs(Math.trunc(m));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const mm = m % 60;
  if (d) return `${d}天${h}小时`;
  if (h) return `${h}小时${mm}分钟`;
  return `${mm}分钟`;
}

/** Current China time (UTC+8, no DST) as the `YYYY-MM-DDTHH:MM` a datetime-local input takes. */
function chinaNowLocal() {
  const d = new Date(Date.now() + 8 * 3600_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

// localStorage may be missing, disabled, full or throw on access (private mode, file policies).
const store = {
  get(key) {
    try {
      return window.localStorage.getItem(STORE_PREFIX + key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      window.localStorage.setItem(STORE_PREFIX + key, value);
      return true;
    } catch {
      return false;
    }
  },
  remove(key) {
    try {
      window.localStorage.removeItem(STORE_PREFIX + key);
      return true;
    } catch {
      return false;
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Loading

function setState(s) {
  ROOT.dataset.yingjiState = s;
  if (s !== 'loading') ROOT.removeAttribute('aria-busy');
}

function fail(code, err) {
  if (ROOT.dataset.yingjiState === 'error:engine') return; // guard.js already says what happened
  setState(`error:${code}`);
  const status = $('status');
  status.classList.add('status-error');
  status.setAttribute('role', 'alert');
  $('status-text').textContent = err instanceof LoadError ? err.message : LOAD_ERRORS[code] || LOAD_ERRORS.init;
  const hint = $('status-hint');
  const detail = errText(err);
  if (detail) {
    hint.textContent = `技术信息：${detail}`;
    hint.hidden = false;
  } else {
    hint.hidden = true;
  }
  status.hidden = false;
}

let api = null;

async function boot() {
  // www/preflight.js (a classic script) has already reported file:// and browsers without modules.
  if (String(ROOT.dataset.yingjiState).startsWith('error:')) return;
  let list;
  try {
    // The single-file build (tools/single-file.mjs) defines YINGJI_INLINE: the glue and the .wasm.
    // eslint-disable-next-line no-undef
    const engine = await loadEngine(typeof YINGJI_INLINE === 'object' ? YINGJI_INLINE : { base: new URL('../pkg/', import.meta.url) });
    api = guardEngine(engine, (failure) => showEngineFailure(ROOT, failure));
    list = api.list;
  } catch (e) {
    return fail(e instanceof LoadError ? e.code : 'init', e);
  }

  setupPlanPicker(list);
  // Awaited: an incident kept from an earlier visit may be on an imported plan.
  await setupImport({ engine: api, select: $('plan'), onSelect: usePlan, fallback: () => list[0].id });
  setupFinder(list);
  $('status').hidden = true;
  $('banner').hidden = false;
  $('summary').hidden = false;
  $('facts').hidden = false;
  $('results').hidden = false;

  const first = startIncidents(list);
  $('plan').value = first;
  if (!selectPlan(first)) return;
  setState('ready');
  registerServiceWorker();

  setInterval(() => {
    if (!document.hidden && !typingNote()) update({ force: true });
  }, REFRESH_MS);
}

/**
 * The installable offline app: www/sw.js precaches every file of this build (versioned by a hash
 * of their contents, see tools/sw-manifest.mjs). Only over http(s), and never for the single file.
 * Registered once the engine works, so a broken deployment is never cached.
 */
function registerServiceWorker() {
  // eslint-disable-next-line no-undef
  if (typeof YINGJI_INLINE === 'object' || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).then(
    (reg) => {
      ROOT.dataset.yingjiOffline = 'registered';
      const mark = () => {
        if (navigator.serviceWorker.controller) ROOT.dataset.yingjiOffline = 'ready';
      };
      mark();
      navigator.serviceWorker.addEventListener('controllerchange', mark);
      reg.addEventListener('updatefound', () => {
        // A new version is being installed; it takes over at once (skipWaiting) and is used on the next load.
        if (navigator.serviceWorker.controller) $('save-state').textContent = '已下载新版本，刷新页面后使用';
      });
    },
    () => {
      // Private windows and some portal policies forbid service workers: the page still works online.
      ROOT.dataset.yingjiOffline = 'unavailable';
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Plan and form

/** The page's current plan: its schema, the raw values typed (strings, by fact id) and the last good result. */
const cur = {
  planId: null,
  schema: null,
  facts: new Map(), // fact id → FactDef
  values: {}, // fact id → raw string the user set (absent = left empty / untouched)
  lastKey: null,
  lastGood: null,
};

const FIND_STATUS = { applies: '适用', yields: '应改用专项预案', excluded: '不适用' };

/** The plan finder: city + words → candidate plans with the reason, each one a click away. */
function setupFinder(list) {
  const city = clear($('find-city'));
  city.append(el('option', { text: '全部城市', attrs: { value: '' } }));
  for (const c of [...new Set(list.map((p) => p.city))]) city.append(el('option', { text: c, attrs: { value: c } }));
  const run = () => renderFound($('find-text').value.trim(), city.value);
  $('find-text').addEventListener('input', run);
  city.addEventListener('change', run);
}

function usePlan(id) {
  $('plan').value = id;
  selectPlan(id);
}

function renderFound(text, city) {
  const box = clear($('find-results'));
  if (!text && !city) return;
  let found;
  try {
    found = api.find(text, city);
  } catch (e) {
    box.append(el('li', { class: 'field-error', text: errText(e) }));
    return;
  }
  if (!found.length) {
    box.append(el('li', { class: 'empty', text: '没有找到适用的预案，请换个说法（如事故类型、设施、物质名称），或直接在下方选择预案。' }));
    return;
  }
  const titles = new Map((cur.plans || []).map((p) => [p.id, p.title]));
  for (const c of found) {
    const li = el('li', { class: `found found-${c.status}`, data: { plan: c.plan.id, status: c.status } });
    li.append(el('strong', { text: c.plan.title }), ' ', el('span', { class: 'badge', text: FIND_STATUS[c.status] || c.status }));
    li.append(el('p', { text: c.reason }));
    const q = quoteEl(c.quote, c.cite);
    if (q) li.append(q);
    const target = c.status === 'applies' ? c.plan.id : c.go_to;
    if (target && titles.has(target)) {
      const btn = el('button', { class: 'use-plan', text: c.status === 'applies' ? '使用此预案' : `改用《${titles.get(target)}》`, attrs: { type: 'button' } });
      btn.addEventListener('click', () => usePlan(target));
      li.append(btn);
    }
    box.append(li);
  }
}

function setupPlanPicker(list) {
  cur.plans = list;
  const sel = clear($('plan'));
  for (const p of list) {
    sel.append(el('option', { text: p.title, attrs: { value: p.id } }));
  }
  sel.addEventListener('change', () => {
    selectPlan(sel.value);
  });
}

function selectPlan(id) {
  // A field still focused fires "change" when the form is rebuilt: let it land before the values change hands.
  if (document.activeElement && $('fields').contains(document.activeElement)) document.activeElement.blur();
  let sch;
  try {
    sch = api.schema(id);
  } catch (e) {
    fail('init', e);
    return false;
  }
  cur.planId = id;
  cur.schema = sch;
  cur.facts = new Map((sch.facts || []).map((f) => [f.id, f]));
  cur.values = loadValues(id);
  cur.lastKey = null;
  cur.lastGood = null;
  cur.lastShown = null;

  const p = sch.plan || {};
  $('plan-meta').textContent = [p.imported && `（导入）文件“${p.imported}”`, p.doc_number, p.date && `${p.date} 印发`].filter(Boolean).join(' · ');
  renderScope(sch);
  buildForm(sch.facts || []);
  update({ force: true });
  return true;
}

/** The plan's scope and what it excludes, with a way to switch to the plan that applies instead. */
function renderScope(sch) {
  const box = clear($('plan-scope'));
  const scope = sch.scope;
  if (scope && scope.quote) {
    const d = el('details', { class: 'scope' }, el('summary', { text: '适用范围' }));
    const q = quoteEl(scope.quote, scope.cite);
    if (q) d.append(q);
    box.append(d);
  }
  const exclusions = Array.isArray(sch.exclusions) ? sch.exclusions : [];
  if (!exclusions.length) return;
  const list = el('ul', { class: 'exclusions' });
  for (const x of exclusions) {
    const li = el('li', { class: 'exclusion' }, el('strong', { text: '不适用：' }), x.text || '', '。改用：', x.instead || '');
    const target = (cur.plans || []).find((p) => p.id === x.instead_plan);
    if (target) {
      const btn = el('button', { class: 'switch-plan', text: `切换到《${target.title}》`, attrs: { type: 'button' } });
      btn.addEventListener('click', () => usePlan(target.id));
      li.append(' ', btn);
    }
    const q = quoteEl(x.quote, x.cite);
    if (q) li.append(q);
    list.append(li);
  }
  box.append(list);
}

function loadValues(planId) {
  // The values belong to the current incident (www/incident.js); the old per-plan store only seeds the first one.
  if (incidents) return incidents.values(planId, cur.facts);
  const raw = store.get(`values:${planId}`);
  if (!raw) return {};
  let obj;
  try {
    obj = JSON.parse(raw);
  } catch {
    return {};
  }
  const out = {};
  if (!obj || typeof obj !== 'object') return out;
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' && cur.facts.has(k)) out[k] = v;
  }
  return out;
}

function saveValues() {
  const ok = incidents ? incidents.saveValues(cur.values, cur.facts) : store.set(`values:${cur.planId}`, JSON.stringify(cur.values));
  $('save-state').textContent = ok ? '输入已自动保存在本机浏览器中' : '注意：本浏览器无法保存输入，刷新页面会丢失';
}

const TYPE_UNIT_DEFAULT = { count: '人', money: '万元' };

function labelText(f) {
  return f.label || f.id;
}

function buildForm(facts) {
  const box = clear($('fields'));
  // Facts with a `group` (one per hazard, say) go under that heading, in order of first appearance.
  const groups = new Map();
  for (const f of facts) {
    const field = f.type === 'yesno' ? yesNoField(f) : f.type === 'series' ? seriesField(f) : inputField(f);
    if (!f.group) {
      box.append(field);
      continue;
    }
    if (!groups.has(f.group)) {
      const g = el('details', { class: 'fact-group', attrs: { open: '' }, data: { group: f.group } }, el('summary', { text: f.group }));
      groups.set(f.group, g);
      box.append(g);
    }
    groups.get(f.group).append(field);
  }
  restoreInputs();
}

function fieldHelp(f) {
  const parts = [];
  if (f.help) parts.push(el('span', { class: 'help-text', text: f.help }));
  const c = citeEl(f.cite);
  if (c) parts.push(c);
  if (!parts.length) return null;
  return el('p', { class: 'help', id: `help-${f.id}` }, ...parts);
}

function errorEl(f) {
  return el('p', { class: 'field-error', id: `error-${f.id}`, attrs: { role: 'alert', hidden: true } });
}

function describedBy(f) {
  const ids = [`error-${f.id}`];
  if (f.help || f.cite) ids.unshift(`help-${f.id}`);
  return ids.join(' ');
}

function inputField(f) {
  const id = `fact-${f.id}`;
  const wrap = el('div', { class: `field type-${f.type}${f.judgement ? ' judgement' : ''}`, data: { fact: f.id } });
  const unit = f.unit || TYPE_UNIT_DEFAULT[f.type] || '';
  const label = el('label', { attrs: { for: id } }, el('span', { class: 'label-text', text: labelText(f) }));
  if (f.judgement) label.append(el('span', { class: 'tag', text: '需人工判断' }));
  if (f.required) label.append(el('span', { class: 'required', text: '（必填）' }));
  wrap.append(label);

  const row = el('div', { class: 'input-row' });
  let input;
  const common = { id, attrs: { name: f.id, 'aria-describedby': describedBy(f) } };
  if (f.type === 'count' || f.type === 'money' || f.type === 'number') {
    input = el('input', common);
    input.type = 'number';
    input.min = f.type === 'number' && f.min != null ? String(f.min) : '0';
    if (f.type === 'number' && f.max != null) input.max = String(f.max);
    input.step = f.type === 'count' ? '1' : 'any';
    input.inputMode = f.type === 'count' ? 'numeric' : 'decimal';
    input.placeholder = '未填';
    // A scroll wheel over a focused number field silently changes it: never let that happen.
    input.addEventListener('wheel', () => {
      if (document.activeElement === input) input.blur();
    }, { passive: true });
  } else if (f.type === 'choice') {
    input = el('select', common);
    for (const o of f.options || []) input.append(el('option', { text: o.label, attrs: { value: o.value } }));
  } else if (f.type === 'datetime') {
    input = el('input', common);
    input.type = 'datetime-local';
    input.step = '60';
  } else {
    // series (and anything unknown): free text, numbers separated by commas/spaces
    input = el('input', common);
    input.type = 'text';
    input.inputMode = 'decimal';
    if (f.type === 'series') input.placeholder = '多个数值用逗号分隔';
  }
  if (f.required) input.required = true;
  row.append(input);
  if (unit && f.type !== 'choice' && f.type !== 'datetime') row.append(el('span', { class: 'unit', text: unit }));
  if (f.type === 'datetime') {
    row.append(el('span', { class: 'unit', text: '北京时间' }));
    const now = el('button', { class: 'now', id: `now-${f.id}`, text: '现在', attrs: { type: 'button' } });
    now.addEventListener('click', () => {
      input.value = chinaNowLocal();
      update();
    });
    row.append(now);
  }
  wrap.append(row);
  const help = fieldHelp(f);
  if (help) wrap.append(help);
  wrap.append(errorEl(f));
  return wrap;
}

function yesNoField(f) {
  const fs = el('fieldset', {
    class: `field type-yesno${f.judgement ? ' judgement' : ''}`,
    id: `fact-${f.id}`,
    data: { fact: f.id },
    attrs: { 'aria-describedby': describedBy(f) },
  });
  const legend = el('legend', {}, el('span', { class: 'label-text', text: labelText(f) }));
  if (f.judgement) legend.append(el('span', { class: 'tag', text: '需人工判断' }));
  fs.append(legend);
  const help = fieldHelp(f);
  if (help) fs.append(help);
  const row = el('div', { class: 'radio-row' });
  for (const [value, text] of [['yes', '是'], ['no', '否']]) {
    const input = el('input', { id: `fact-${f.id}-${value}`, attrs: { type: 'radio', name: f.id, value } });
    row.append(el('label', { class: `radio radio-${value}`, attrs: { for: input.id } }, input, el('span', { text })));
  }
  fs.append(row);
  fs.append(errorEl(f));
  return fs;
}

// A series fact (a forecast): one number box per day, labelled 第N天, with add/remove buttons. Its
// value is kept in cur.values as the boxes' texts joined by commas ("180,210,,250"), so blank days and
// the number of days survive a reload like any other input.
const SERIES_DEFAULT_ITEMS = 3;

function seriesMax(f) {
  return Math.max(1, Number(f.max_items) || 366);
}

function seriesField(f) {
  const fs = el('fieldset', {
    class: `field type-series${f.judgement ? ' judgement' : ''}`,
    id: `fact-${f.id}`,
    data: { fact: f.id },
    attrs: { 'aria-describedby': describedBy(f) },
  });
  const legend = el('legend', {}, el('span', { class: 'label-text', text: labelText(f) }));
  if (f.required) legend.append(el('span', { class: 'required', text: '（必填）' }));
  fs.append(legend);
  fs.append(el('div', { class: 'series-days', id: `series-${f.id}` }));
  const item = f.item || '项';
  const add = el('button', { class: 'series-add', id: `series-add-${f.id}`, text: `加一${item}`, attrs: { type: 'button' } });
  const remove = el('button', { class: 'series-remove', id: `series-remove-${f.id}`, text: `减一${item}`, attrs: { type: 'button' } });
  add.addEventListener('click', () => {
    const raws = seriesRaws(f);
    if (raws.length >= seriesMax(f)) return;
    cur.values[f.id] = [...raws, ''].join(',');
    seriesBoxes(f);
    update();
    const boxes = seriesInputs(f);
    if (boxes.length) boxes[boxes.length - 1].focus();
  });
  remove.addEventListener('click', () => {
    const raws = seriesRaws(f);
    if (raws.length <= 1) return;
    cur.values[f.id] = raws.slice(0, -1).join(',');
    seriesBoxes(f);
    update();
  });
  fs.append(el('div', { class: 'series-buttons' }, add, remove));
  const help = fieldHelp(f);
  if (help) fs.append(help);
  fs.append(errorEl(f));
  return fs;
}

function seriesInputs(f) {
  return [...document.querySelectorAll(`input[data-series="${CSS.escape(f.id)}"]`)];
}

/** The day texts: from the boxes when they are on the page, else from cur.values. */
function seriesRaws(f) {
  const boxes = seriesInputs(f);
  if (boxes.length) return boxes.map((b) => b.value.trim());
  const v = cur.values[f.id];
  const raws = typeof v === 'string' && v !== '' ? v.split(',') : [];
  while (raws.length < SERIES_DEFAULT_ITEMS && raws.length < seriesMax(f)) raws.push('');
  return raws;
}

/** (Re)draws one box per day from cur.values. */
function seriesBoxes(f) {
  const box = $(`series-${f.id}`);
  if (!box) return;
  const v = cur.values[f.id];
  const raws = typeof v === 'string' && v !== '' ? v.split(',').slice(0, seriesMax(f)) : [];
  while (raws.length < SERIES_DEFAULT_ITEMS && raws.length < seriesMax(f)) raws.push('');
  clear(box);
  const item = f.item || '项';
  raws.forEach((raw, i) => {
    const id = `fact-${f.id}-${i + 1}`;
    const input = el('input', { id, attrs: { name: f.id, 'aria-describedby': describedBy(f) }, data: { series: f.id, day: String(i + 1) } });
    input.type = 'number';
    input.min = '0';
    input.step = 'any';
    input.inputMode = 'decimal';
    input.placeholder = '未填';
    input.value = raw;
    input.addEventListener('wheel', () => {
      if (document.activeElement === input) input.blur();
    }, { passive: true });
    const row = el('div', { class: 'series-day' }, el('label', { attrs: { for: id }, text: `第${i + 1}${item}` }), input);
    if (f.unit) row.append(el('span', { class: 'unit', text: f.unit }));
    box.append(row);
  });
  const add = $(`series-add-${f.id}`);
  const remove = $(`series-remove-${f.id}`);
  if (add) add.disabled = raws.length >= seriesMax(f);
  if (remove) remove.disabled = raws.length <= 1;
}

/** Reads a series fact's boxes: the value sent (trailing blank days dropped), or an error. */
function readSeries(f, facts, errors) {
  const boxes = seriesInputs(f);
  const raws = boxes.map((b) => b.value.trim());
  if (raws.every((r) => r === '') && raws.length <= SERIES_DEFAULT_ITEMS) delete cur.values[f.id];
  else cur.values[f.id] = raws.join(',');
  let last = raws.length;
  while (last > 0 && raws[last - 1] === '' && !(boxes[last - 1].validity && boxes[last - 1].validity.badInput)) last -= 1;
  if (last === 0) return;
  const item = f.item || '项';
  const nums = [];
  for (let i = 0; i < last; i += 1) {
    const n = Number(raws[i]);
    if ((boxes[i].validity && boxes[i].validity.badInput) || !Number.isFinite(n)) {
      errors[f.id] = `“${labelText(f)}”第${i + 1}${item}不是有效的数字，请只填写数字`;
      return;
    }
    if (raws[i] === '') {
      errors[f.id] = `“${labelText(f)}”第${i + 1}${item}未填写（后面还有数值）`;
      return;
    }
    nums.push(n);
  }
  facts[f.id] = nums;
}

/** Puts cur.values into the inputs (defaults where nothing was saved). */
function restoreInputs() {
  for (const f of cur.facts.values()) {
    const v = cur.values[f.id];
    if (f.type === 'series') {
      seriesBoxes(f);
      continue;
    }
    if (f.type === 'yesno') {
      const which = v === 'yes' ? 'yes' : 'no';
      const r = $(`fact-${f.id}-${which}`);
      if (r) r.checked = true;
      continue;
    }
    const input = $(`fact-${f.id}`);
    if (!input) continue;
    if (f.type === 'choice') {
      const opts = (f.options || []).map((o) => o.value);
      input.value = v != null && opts.includes(v) ? v : opts[0] ?? '';
      if (v != null && !opts.includes(v)) delete cur.values[f.id];
    } else {
      input.value = v ?? '';
    }
  }
}

/** Reads every input into cur.values; returns {facts, errors} (errors: fact id → message, found by the page). */
function readForm() {
  const facts = {};
  const errors = {};
  for (const f of cur.facts.values()) {
    if (f.type === 'yesno') {
      const checked = document.querySelector(`input[type=radio][name="${CSS.escape(f.id)}"]:checked`);
      // Only an answer the user gave is sent; the untouched default (否) is left to the engine,
      // which reports it under "assumed".
      if (cur.values[f.id] === 'yes' || cur.values[f.id] === 'no') {
        if (checked) cur.values[f.id] = checked.value;
        facts[f.id] = cur.values[f.id] === 'yes';
      }
      continue;
    }
    if (f.type === 'series') {
      readSeries(f, facts, errors);
      continue;
    }
    const input = $(`fact-${f.id}`);
    if (!input) continue;
    const raw = input.value;
    if (f.type === 'count' || f.type === 'money' || f.type === 'number') {
      if (input.validity && input.validity.badInput) {
        errors[f.id] = `“${labelText(f)}”不是有效的数字，请只填写数字`;
        continue;
      }
      if (raw.trim() === '') {
        delete cur.values[f.id];
        continue;
      }
      cur.values[f.id] = raw;
      const n = Number(raw);
      if (!Number.isFinite(n)) {
        errors[f.id] = `“${labelText(f)}”不是有效的数字，请只填写数字`;
        continue;
      }
      facts[f.id] = n;
    } else if (f.type === 'choice') {
      const opts = f.options || [];
      // The first option is the default: send it only once the user has picked something.
      if (cur.values[f.id] != null || (opts.length && raw !== opts[0].value)) {
        cur.values[f.id] = raw;
        facts[f.id] = raw;
      }
    } else if (f.type === 'datetime') {
      if (input.validity && input.validity.badInput) {
        errors[f.id] = `“${labelText(f)}”不是完整的日期时间`;
        continue;
      }
      if (raw === '') {
        delete cur.values[f.id];
        continue;
      }
      cur.values[f.id] = raw;
      facts[f.id] = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(raw) ? raw.slice(0, 16) : raw;
    } else if (f.type === 'series') {
      if (raw.trim() === '') {
        delete cur.values[f.id];
        continue;
      }
      cur.values[f.id] = raw;
      const parts = raw.split(/[\s,，、;；]+/).filter(Boolean);
      const nums = parts.map((s) => Number(s.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))));
      if (nums.some((n) => !Number.isFinite(n))) {
        errors[f.id] = `“${labelText(f)}”应为用逗号分隔的数字`;
        continue;
      }
      facts[f.id] = nums;
    } else {
      if (raw === '') {
        delete cur.values[f.id];
        continue;
      }
      cur.values[f.id] = raw;
      facts[f.id] = raw;
    }
  }
  return { facts, errors };
}

function onFormInput(ev) {
  const t = ev.target;
  if (!t || !t.name || !cur.facts.has(t.name)) return;
  const f = cur.facts.get(t.name);
  if (f.type === 'yesno') {
    if (t.checked) cur.values[f.id] = t.value;
  } else if (f.type === 'choice') {
    cur.values[f.id] = t.value;
  }
  update();
}

function resetForm() {
  const anything = Object.keys(cur.values).length > 0;
  if (anything && !window.confirm('确定清空本预案的全部输入吗？清空后无法恢复。')) return;
  cur.values = {};
  if (!incidents) store.remove(`values:${cur.planId}`);
  restoreInputs();
  update({ force: true });
}

// ---------------------------------------------------------------------------------------------
// Evaluate and show

function clearFieldErrors() {
  for (const node of document.querySelectorAll('.field-error')) {
    node.textContent = '';
    node.hidden = true;
  }
  for (const node of document.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  for (const node of document.querySelectorAll('.field.has-error')) node.classList.remove('has-error');
}

function showFieldError(field, message) {
  const target = field && $(`error-${field}`);
  const node = target || $('error-general');
  const f = field && cur.facts.get(field);
  node.textContent = target ? message : f || !field ? message : `${message}（${field}）`;
  node.hidden = false;
  if (target) {
    const wrap = target.closest('.field');
    if (wrap) wrap.classList.add('has-error');
    const input = $(`fact-${field}`);
    if (input) input.setAttribute('aria-invalid', 'true');
  }
}

function setStale(stale) {
  $('stale-notice').hidden = !stale || !cur.lastGood;
  for (const id of ['banner', 'summary', 'results']) {
    $(id).classList.toggle('stale', stale && !!cur.lastGood);
    if (stale) $(id).dataset.stale = 'true';
    else delete $(id).dataset.stale;
  }
}

function update({ force = false } = {}) {
  if (!api || !cur.planId) return;
  const { facts, errors } = readForm();
  saveValues();
  const key = JSON.stringify([cur.planId, facts, errors]);
  if (!force && key === cur.lastKey) return;
  cur.lastKey = key;

  clearFieldErrors();
  const errIds = Object.keys(errors);
  if (errIds.length) {
    for (const id of errIds) showFieldError(id, errors[id]);
    setStale(true);
    return;
  }
  let out;
  try {
    out = api.evaluate(cur.planId, facts, new Date().toISOString());
  } catch (e) {
    const field = e && typeof e === 'object' && e.field != null ? String(e.field) : '';
    const msg = errText(e) || '输入有误';
    showFieldError(field, msg);
    setStale(true);
    return;
  }
  if (!out || typeof out !== 'object') {
    showFieldError('', '引擎没有返回结果');
    setStale(true);
    return;
  }
  const wasStale = $('banner').dataset.stale === 'true';
  cur.lastGood = out;
  // The incident time alone (a new incident starts "now") is not a description of the incident.
  cur.emptyInput = Object.keys(facts).filter((k) => (cur.facts.get(k) || {}).type !== 'datetime').length === 0;
  if (incidents) incidents.evaluated(out);
  setStale(false);
  // The periodic refresh re-evaluates with a new `now`; redraw only when something visible changed,
  // so a reader's place (open details, selection) survives.
  const shown = JSON.stringify({ ...out, now: null, empty: cur.emptyInput });
  if (shown === cur.lastShown && !wasStale) return;
  cur.lastShown = shown;
  try {
    render(out);
  } catch (e) {
    showFieldError('', `结果显示出错：${errText(e)}`);
  }
}

const GRADE_CLASS = { 特别重大: 'g1', 重大: 'g2', 较大: 'g3', 一般: 'g4' };

function gradeClass(name, rank) {
  if (name && GRADE_CLASS[name]) return GRADE_CLASS[name];
  if (isNum(rank) && rank >= 1 && rank <= 4) return `g${rank}`;
  return 'g0';
}

function render(out) {
  renderBanner(out);
  renderDeadlines(out.deadlines || []);
  renderTasks(out.tasks || []);
  renderWarnings(out.warnings || [], out.response, !(out.criteria || []).length);
  renderChecks(out.checks || []);
  renderTermination(out.termination);
  renderRecovery(out.recovery || []);
  renderOrganisation(out);
  renderWhy(out);
  if (incidents) incidents.decorate(out);
}

// The organisation and contacts depend only on the plan: drawn once per plan, not on every input.
let organisationShownFor = null;

function renderOrganisation(out) {
  const planId = out.plan && out.plan.id;
  if (planId === organisationShownFor) return;
  organisationShownFor = planId;
  const box = clear($('organisation'));
  const org = out.organisation;
  if (!org) return;
  for (const body of [org.command, org.office]) {
    if (!body) continue;
    const d = el('details', { class: 'org-body' }, el('summary', { text: body.name }));
    if (body.head) d.append(el('p', {}, el('strong', { text: '负责人：' }), body.head));
    if (body.deputies) d.append(el('p', {}, el('strong', { text: '副职：' }), body.deputies));
    if (Array.isArray(body.members) && body.members.length) {
      d.append(el('p', {}, el('strong', { text: '成员单位：' }), body.members.join('、')));
    }
    d.append(el('p', {}, el('strong', { text: '职责：' }), body.duties || ''));
    const c = citeEl(body.cite);
    if (c) d.append(c);
    box.append(d);
  }
  const units = Array.isArray(org.member_units) ? org.member_units : [];
  if (units.length) {
    const d = el('details', { class: 'org-body' }, el('summary', { text: `成员单位职责（${units.length}项）` }));
    const dl = el('dl', { class: 'unit-duties' });
    for (const u of units) {
      const dd = el('dd', { text: u.duties });
      const c = citeEl(u.cite);
      if (c) dd.append(' ', c);
      dl.append(el('dt', { text: u.unit }), dd);
    }
    d.append(dl);
    box.append(d);
  }
  for (const t of Array.isArray(out.tables) ? out.tables : []) {
    const d = el('details', { class: 'org-body plan-table' }, el('summary', { text: t.title }));
    const table = el('table', { class: 'contacts' });
    table.append(el('tr', {}, ...(t.columns || []).map((c) => el('th', { text: c }))));
    for (const row of t.rows || []) table.append(el('tr', {}, ...row.map((c) => el('td', { text: c }))));
    // A table from another document says so before its rows, and its citation names that document.
    if (t.source_document) d.append(el('p', { class: 'hint other-source', text: `来源：${t.source_document}——不是本预案的内容，仅供对照。` }));
    d.append(table);
    const c = citeEl(t.cite);
    if (c) d.append(t.source_document ? el('p', { class: 'task-cite' }, `${t.source_document} `, c) : c);
    box.append(d);
  }
  const contacts = Array.isArray(out.contacts) ? out.contacts : [];
  if (contacts.length) {
    const d = el('details', { class: 'org-body', id: 'contacts' }, el('summary', { text: `应急联系方式（${contacts.length}个单位）` }));
    const table = el('table', { class: 'contacts' });
    table.append(el('tr', {}, el('th', { text: '单位' }), el('th', { text: '办公值班电话' }), el('th', { text: '原文' })));
    for (const c of contacts) {
      table.append(el('tr', {}, el('td', { text: c.unit }), el('td', { text: c.phone }), el('td', { text: `第${c.line}行` })));
    }
    d.append(table);
    box.append(d);
  }
}

// A support procedure (no grades, no response levels, e.g. 医药储备调拨): the header says what it is,
// whether it has started and who starts and commands it, instead of a grade and a level.
function renderSupportBanner(out, a) {
  const banner = $('banner');
  for (const node of [banner, $('summary')]) {
    for (const c of ['g0', 'g1', 'g2', 'g3', 'g4']) node.classList.remove(c);
    node.classList.add('g0');
  }
  banner.classList.add('support');
  const [c1, c2] = banner.querySelectorAll('.banner-caption');
  if (c1) c1.textContent = '预案性质';
  if (c2) c2.textContent = '启动情况';
  $('grade').textContent = '支持性程序（不分级）';
  $('response-level').textContent = a.started ? `已启动${a.name}` : `${a.name}尚未启动`;
  banner.classList.toggle('has-response', !!a.started);
  const who = clear($('response-who'));
  const row = (k, v, cls) => who.append(el('div', { class: cls }, el('dt', { text: k }), el('dd', { text: v })));
  row('性质', a.summary, 'support-summary');
  if (!a.started && a.waiting) row('待办', a.waiting, 'raised-note');
  for (const [k, v] of [['提出', a.proposes], ['启动', a.starts], ['指挥', a.commands]]) {
    if (v) row(k, v);
  }
  const note = $('banner-note');
  note.hidden = !cur.emptyInput;
  note.textContent = cur.emptyInput ? '尚未回答任何情况：以下为按默认值（判断为“否”）得出的结果。' : '';
}

function renderBanner(out) {
  if (out.activation) {
    renderSupportBanner(out, out.activation);
    return;
  }
  const banner = $('banner');
  banner.classList.remove('support');
  const [c1, c2] = banner.querySelectorAll('.banner-caption');
  if (c1) c1.textContent = '事故等级';
  if (c2) c2.textContent = '响应级别';
  const gc = gradeClass(out.grade, out.grade_rank);
  for (const node of [banner, $('summary')]) {
    for (const c of ['g0', 'g1', 'g2', 'g3', 'g4']) node.classList.remove(c);
    node.classList.add(gc);
  }
  const provisional = Array.isArray(out.provisional) ? out.provisional : [];
  // A plan that computes warning levels (and grades nothing) shows the highest one here.
  // (A graded plan may also compute a warning from the expected grade: its banner stays the grade.)
  const headline = out.grade || (out.criteria || []).length ? null : hazardHeadline(out.warnings);
  const caption = banner.querySelector('.banner-grade .banner-caption');
  const hazards = (out.warnings || []).filter((w) => w.hazard).length;
  if (caption) caption.textContent = headline ? (hazards > 1 ? '预警级别（各灾种最高）' : '预警级别') : '事故等级';
  $('grade').textContent = out.grade ? `${out.grade}事故${provisional.length ? '（暂定）' : ''}` : headline || '未达到分级标准';

  const r = out.response;
  const level = $('response-level');
  level.textContent = r ? r.level : '未达到响应条件';
  // A scope ruling put the incident outside the plan: say so instead of "below every threshold".
  const outside = (Array.isArray(out.scope) ? out.scope : []).filter((x) => x.applies === false);
  if (outside.length) {
    $('grade').textContent = '不按本预案定级';
    level.textContent = '不启动本预案响应';
  }
  banner.classList.toggle('has-response', !!r);
  const raisedBy = r && Array.isArray(r.reasons) ? r.reasons.filter((x) => x.raised) : [];

  const who = clear($('response-who'));
  const row = (k, v, cls) => who.append(el('div', { class: cls }, el('dt', { text: k }), el('dd', { text: v })));
  if (r) {
    for (const [k, v] of [['提出', r.proposes], ['启动', r.starts], ['指挥', r.commands]]) {
      if (v) row(k, v);
    }
  } else if (outside.length) {
    for (const x of outside) {
      row('适用范围', `${x.question}：${x.answer}。${x.text}（${citeText(x.cite)}）`, 'raised-note scope-outside');
      row('应由', x.instead, 'raised-note scope-instead');
    }
  } else {
    row('响应', '当前情形不满足本预案任何一级响应的启动条件。');
  }
  if (raisedBy.length) row('提高', `因人工判断提高：${raisedBy.map((x) => x.text).join('；')}`, 'raised-note');
  const note = $('banner-note');
  note.hidden = !cur.emptyInput;
  note.textContent = cur.emptyInput ? '尚未填写任何情况：以下为按默认值（人数、损失为0，判断为“否”）得出的结果。' : '';
  // Criteria at zero reach 一般 only because its band starts at 0; name them only if nothing else does.
  const allBasis = out.grade_basis || [];
  const nonZero = allBasis.filter((c) => isNum(c.value) && c.value > 0);
  const basis = (nonZero.length ? nonZero : allBasis).map((c) => `${c.label} ${fmtNum(c.value)}${c.unit || ''}（${c.band}）`);
  if (basis.length) row('定级', basis.join('；'), 'basis');
  for (const p of provisional) row('暂定', `${p.text}（${citeText(p.cite)}）`, 'raised-note');
}

const DEADLINE_STATUS = {
  pending: '未到时限',
  overdue: '已超时',
  immediate: '预案未规定具体分钟数',
  awaiting_anchor: '待填时间',
};

function renderDeadlines(list) {
  const ol = clear($('deadlines'));
  if (!list.length) {
    ol.append(el('li', { class: 'empty', text: '当前情形下预案没有规定报告时限。' }));
    return;
  }
  for (const d of list) {
    const st = String(d.status || '');
    const li = el('li', { class: `deadline status-${st}`, data: { status: st, id: d.id } });
    let clock;
    if (d.due_display) clock = d.due_display;
    // "及时(原文无具体时限)" → the big word is "及时"; the badge keeps the full text.
    else if (st === 'immediate') clock = String(d.limit_text || '立即').replace(/\s*[（(].*$/, '') || '立即';
    else clock = '—';
    li.append(el('div', { class: 'deadline-clock' }, el('span', { class: 'clock', text: clock }), el('span', { class: 'limit', text: d.limit_text || '' })));

    const body = el('div', { class: 'deadline-body' });
    const line = [d.who, d.to && `→ ${d.to}`].filter(Boolean).join(' ');
    body.append(el('p', { class: 'deadline-what' }, el('strong', { text: line }), d.what ? `：${d.what}` : ''));
    let status = DEADLINE_STATUS[st] || st;
    if (st === 'pending' && isNum(d.minutes_left)) status = `还剩 ${fmtMinutes(d.minutes_left)}`;
    if (st === 'overdue') status = isNum(d.minutes_left) ? `已超时 ${fmtMinutes(d.minutes_left)}` : '已超时';
    if (st === 'awaiting_anchor') status = `请填写“${d.anchor_label || d.anchor}”后计算`;
    const meta = el('p', { class: 'deadline-status' }, el('span', { class: 'status-badge', text: status }));
    // A clock counted from the incident time because its own start is blank: said, never silent.
    if (d.estimated) meta.append(el('span', { class: 'estimated', text: ` ${d.estimated}` }), ` ${d.limit_text || ''}`);
    else if (d.anchor_label && st !== 'awaiting_anchor' && st !== 'immediate') meta.append(` 自${d.anchor_label}起 ${d.limit_text || ''}`);
    // The engine says which holiday calendar counted the working days (or that it fell back to Mon–Fri).
    if (d.counts === 'working_days') meta.append(el('span', { class: 'hint day-count', text: ` ${d.calendar || '工作日按周一至周五计算。'}` }));
    else if (d.counts === 'days') meta.append(el('span', { class: 'hint day-count', text: ' 按日历日计算，起算当日不计入，到最后一日24:00届满。' }));
    body.append(meta);
    const q = quoteEl(d.quote, d.cite);
    if (q) body.append(q);
    li.append(body);
    ol.append(li);
  }
}

const TASK_KIND = { level: '本级响应措施', measure: '处置措施', group: '工作组' };

function renderTasks(list) {
  const box = clear($('tasks'));
  if (!list.length) {
    box.append(el('p', { class: 'empty', text: '未启动响应，暂无任务清单。' }));
    return;
  }
  const ordered = [...list.filter((t) => t.kind === 'level'), ...list.filter((t) => t.kind !== 'level')];
  for (const t of ordered) {
    const sec = el('section', { class: `task kind-${t.kind}`, data: { kind: t.kind } });
    const h = el('h3', {}, el('span', { class: 'task-title', text: t.title }));
    if (TASK_KIND[t.kind]) h.append(el('span', { class: 'tag', text: TASK_KIND[t.kind] }));
    sec.append(h);
    if (t.lead) sec.append(el('p', { class: 'lead' }, el('strong', { text: '牵头：' }), t.lead));
    if (Array.isArray(t.members) && t.members.length) {
      sec.append(el('p', { class: 'members' }, el('strong', { text: '成员：' }), t.members.join('、')));
    }
    if (Array.isArray(t.items) && t.items.length) {
      const ul = el('ul', { class: 'items' });
      for (const it of t.items) {
        const li = el('li', {}, el('span', { class: 'item-text', text: it.text }));
        if (it.by) li.append(el('span', { class: 'by', text: `（${it.by}）` }));
        const c = citeEl(it.cite);
        if (c && citeText(it.cite) !== citeText(t.cite)) li.append(' ', c);
        ul.append(li);
      }
      sec.append(ul);
    }
    const c = citeEl(t.cite);
    if (c) sec.append(el('p', { class: 'task-cite' }, c));
    box.append(sec);
  }
}

const WARN_CLASS = { 红色: 'red', 橙色: 'orange', 黄色: 'yellow', 蓝色: 'blue' };

/** For a plan whose levels are computed per hazard: the highest warning level reached, or null. */
function hazardHeadline(list) {
  const computed = (list || []).filter((w) => w.hazard);
  if (!computed.length) return null;
  // One hazard (重污染天气): its level and colour, as the plan names them.
  if (computed.length === 1) {
    const w = computed[0];
    return isNum(w.rank) ? `${w.name || ''}（${w.colour || ''}）预警` : '未达到预警级别';
  }
  const reached = computed.filter((w) => isNum(w.rank));
  if (!reached.length) return '各灾种均未达到预警标准';
  const top = Math.min(...reached.map((w) => w.rank));
  const names = reached.filter((w) => w.rank === top).map((w) => w.hazard_name);
  return `最高预警：${reached.find((w) => w.rank === top).name}（${names.join('、')}）`;
}

/**
 * One warning: a hazard's computed level (reached or not, with the criteria that reached it) or a
 * published level the user selected. The section carries `data-hazard` and `data-level` for the page's
 * tests and for portal styling.
 */
function warningSection(w) {
  const colour = Object.keys(WARN_CLASS).find((k) => String(w.colour || w.name || '').includes(k));
  const sec = el('section', { class: `warning${w.hazard ? ' hazard' : ''} warn-${colour ? WARN_CLASS[colour] : 'none'}`, data: { hazard: w.hazard || '', level: w.id || 'none' } });
  let level = String(w.name || w.id || '');
  if (w.colour && !level.includes(w.colour)) level += `（${w.colour}）`;
  if (!level.includes('预警')) level += '预警';
  if (w.hazard && !w.id) level = '未达到预警标准';
  const h3 = el('h3');
  if (w.hazard_name || w.hazard) h3.append(el('span', { class: 'hazard-name', text: `${w.hazard_name || w.hazard}：` }));
  h3.append(el('span', { class: 'hazard-level', text: level }));
  sec.append(h3);
  if (Array.isArray(w.basis) && w.basis.length) sec.append(warningBasis(w.basis));
  if (w.issued_by) sec.append(el('p', {}, el('strong', { text: '发布：' }), w.issued_by));
  if (w.computed === false) sec.append(el('p', { class: 'hint', text: '预警级别按所选的已发布级别显示。' }));
  // A level computed from a judgement (expected grade, hidden danger) beside the published one.
  if (w.differs) sec.append(el('p', { class: 'warning-differs', text: `按研判应为此级别，与已发布的不同——${w.differs}` }));
  if (Array.isArray(w.measures) && w.measures.length) {
    const ul = el('ul', { class: 'items' });
    for (const m of w.measures) ul.append(el('li', { text: m }));
    sec.append(ul);
  }
  const c = citeEl(w.cite);
  if (c) sec.append(el('p', { class: 'task-cite' }, c));
  return sec;
}

function renderWarnings(list, response, forecastPlan = true) {
  const card = $('warnings-card');
  const box = clear($('warnings'));
  card.hidden = list.length === 0;
  if (forecastPlan && list.some((w) => w.hazard)) {
    // Computed per hazard: the combined level and response first ("highest wins"), then every hazard.
    box.append(el('p', { class: 'hazard-summary', id: 'hazard-summary' }, el('strong', { text: '综合：' }),
      `${hazardHeadline(list)}；响应：${response ? response.level : '未达到响应条件'}`));
  }
  for (const w of list) box.append(warningSection(w));
}

/** The criteria that put a computed warning at its level, each with its citation. */
function warningBasis(basis) {
  const ul = el('ul', { class: 'items basis' });
  for (const b of basis) {
    const li = el('li', { text: `达到条件：${b.text}` });
    const c = citeEl(b.cite);
    if (c) li.append(' ', c);
    ul.append(li);
  }
  return ul;
}

const CHECK_STATUS = { pass: '符合', fail: '不符合', unknown: '待填写' };

// The plan's [[checks]] (储备管理, 预警解除): pass / fail / to fill in, under their group headings.
function renderChecks(list) {
  const card = $('checks-card');
  const box = clear($('checks'));
  card.hidden = list.length === 0;
  const groups = new Map();
  for (const c of list) {
    if (!groups.has(c.group)) groups.set(c.group, []);
    groups.get(c.group).push(c);
  }
  for (const [group, checks] of groups) {
    box.append(el('h3', { text: group }));
    const ul = el('ul', { class: 'checks' });
    for (const c of checks) {
      const li = el('li', { class: `check check-${c.status}`, data: { check: c.id, status: c.status } });
      li.append(el('span', { class: 'status-badge', text: CHECK_STATUS[c.status] || c.status }), ' ', el('strong', { text: c.text }));
      if (c.detail) li.append(el('p', { class: 'check-detail', text: c.detail }));
      const q = quoteEl(c.quote, c.cite);
      if (q) li.append(q);
      ul.append(li);
    }
    box.append(ul);
  }
}

function renderTermination(t) {
  const box = clear($('termination'));
  if (!t) {
    box.append(el('p', { class: 'empty', text: '未启动响应，无终止条件。' }));
    return;
  }
  if (t.who) box.append(el('p', {}, el('strong', { text: '宣布终止：' }), t.who));
  if (Array.isArray(t.conditions) && t.conditions.length) {
    box.append(el('p', { text: '同时满足以下条件时：' }));
    const ul = el('ul', { class: 'items' });
    for (const c of t.conditions) ul.append(el('li', { text: c }));
    box.append(ul);
  }
  const q = quoteEl(t.quote, t.cite);
  if (q) box.append(q);
}

/** 后期处置, listed once the response is marked ended: who does what, who reports to whom. */
function renderRecovery(list) {
  const box = $('termination');
  if (!list.length) return;
  const sec = el('section', { class: 'recovery', id: 'recovery' }, el('h3', { text: '后期处置（响应结束后）' }));
  for (const r of list) {
    const item = el('div', { class: 'recovery-item', data: { id: r.id } });
    item.append(el('p', {}, el('strong', { text: `${r.title}：` }), r.who));
    item.append(el('p', { text: r.text }));
    if (r.reports) item.append(el('p', {}, el('strong', { text: '报告：' }), `${r.reports} → ${r.to}`));
    const q = quoteEl(r.quote, r.cite);
    if (q) item.append(q);
    sec.append(item);
  }
  box.append(sec);
}

const NOTE_KIND = { interpretation: '解读', damage: '原文受损', ambiguity: '原文歧义', gap: '原文空缺' };
const REASON_KIND = { grade: '按事故等级', judgement: '人工判断' };

function renderWhy(out) {
  const wasOpen = !!document.querySelector('#why-body details.citations[open]');
  const box = clear($('why-body'));
  const sch = cur.schema || {};

  // 1–2. A support procedure: how it starts (there is no grade and no response level to explain).
  const a = out.activation;
  if (a) {
    const s = el('section', { class: 'why-part', id: 'why-activation' }, el('h3', { text: '本预案怎样启动' }));
    s.append(el('p', { class: 'why-summary', text: a.started ? `已启动${a.name}。${a.summary}` : `${a.name}尚未启动。${a.waiting}` }));
    s.append(el('p', { class: 'hint', text: '本预案不划分事件等级，也没有分级响应：以下时限和任务清单按调拨流程逐步列出。' }));
    const q = quoteEl(a.quote, a.cite);
    if (q) s.append(q);
    box.append(s);
  }

  // 1. Grade: every criterion and where the facts put it.
  const g = el('section', { class: 'why-part', id: 'why-grade' }, el('h3', { text: '事故等级怎么得出' }));
  g.append(el('p', { class: 'why-summary', text: out.grade ? `判定为${out.grade}事故：取各项标准中最高的等级。` : '各项标准均未达到分级标准。' }));
  if (sch.bounds_clause) {
    const b = el('div', { class: 'bounds' }, el('p', { class: 'hint', text: '“以上”“以下”的含义：' }));
    const q = quoteEl(sch.bounds_clause.quote, sch.bounds_clause.cite);
    if (q) b.append(q);
    g.append(b);
  }
  const basisIds = new Set((out.grade_basis || []).map((c) => c.id));
  const ul = el('ul', { class: 'criteria' });
  for (const c of out.criteria || []) {
    const reached = !!c.grade;
    const li = el('li', {
      class: `criterion${reached ? ' reached' : ''}${basisIds.has(c.id) ? ' basis' : ''} ${gradeClass(c.grade, c.grade_rank)}`,
      data: { id: c.id },
    });
    const head = el('p', { class: 'criterion-head' }, el('strong', { text: c.label }));
    if (c.value != null) head.append(`：${fmtNum(c.value)}${c.unit || ''}`);
    head.append(' → ', el('span', { class: 'criterion-grade', text: reached ? `${c.grade}` : '未达到' }));
    if (basisIds.has(c.id)) head.append(el('span', { class: 'tag', text: '定级依据' }));
    li.append(head);
    if (Array.isArray(c.facts) && c.facts.length) {
      const parts = c.facts.map((f) => `${f.label} ${fmtNum(f.value)}`);
      li.append(el('p', { class: 'criterion-facts', text: parts.join(' + ') }));
    }
    if (c.band) li.append(el('p', { class: 'band' }, el('span', { class: 'hint', text: '所在档：' }), c.band));
    const q = quoteEl(c.quote, c.cite);
    if (q) li.append(q);
    ul.append(li);
  }
  g.append(ul);
  // A forecast plan grades nothing: say how its warning level was reached instead.
  const computedWarnings = (Array.isArray(out.warnings) ? out.warnings : []).filter((w) => w.hazard);
  if (!out.grade && !(out.criteria || []).length && computedWarnings.length) {
    g.querySelector('h3').textContent = '预警级别怎么得出';
    g.querySelector('.why-summary').textContent = '本预案不划分事故等级，按预报计算预警级别，再按预警级别启动响应。';
    for (const w of computedWarnings) {
      g.append(el('p', { class: 'why-summary', text: w.id ? `${w.hazard_name}：${w.name}（${w.colour}）预警。` : `${w.hazard_name}：未达到预警级别。` }));
      if (Array.isArray(w.basis) && w.basis.length) g.append(warningBasis(w.basis));
    }
  }
  if (!a) box.append(g);

  // 2. Response level: base mapping and each judgement.
  const r = out.response;
  const rs = el('section', { class: 'why-part', id: 'why-response' }, el('h3', { text: '响应级别怎么得出' }));
  if (!r) {
    rs.append(el('p', { class: 'why-summary', text: '没有任何响应条件成立。' }));
  } else {
    rs.append(el('p', { class: 'why-summary', text: `启动${r.level}。` }));
    const rl = el('ul', { class: 'reasons' });
    for (const x of r.reasons || []) {
      const li = el('li', { class: `reason kind-${x.kind}${x.raised ? ' raised' : ''}`, data: { raised: x.raised ? 'true' : 'false', id: x.id } });
      const head = el('p', {}, el('span', { class: 'tag', text: REASON_KIND[x.kind] || x.kind }), el('strong', { text: x.level }), ` ${x.text}`);
      if (x.raised) head.append(el('span', { class: 'raised-mark', text: '↑ 据此提高了响应级别' }));
      li.append(head);
      const q = quoteEl(x.quote, x.cite);
      if (q) li.append(q);
      rl.append(li);
    }
    rs.append(rl);
    if (r.condition) {
      rs.append(el('p', { class: 'hint', text: `${r.level}的启动条件：` }));
      const q = quoteEl(r.condition.quote, r.condition.cite);
      if (q) rs.append(q);
    }
    if (r.procedure) {
      rs.append(el('p', { class: 'hint', text: '启动程序：' }));
      const q = quoteEl(r.procedure.quote, r.procedure.cite);
      if (q) rs.append(q);
    }
  }
  if (!a) box.append(rs);

  // 3. Values assumed for what was left empty.
  const as = el('section', { class: 'why-part', id: 'why-assumed' }, el('h3', { text: '未填写的项按以下取值' }));
  if ((out.assumed || []).length) {
    const al = el('ul', { class: 'assumed' });
    for (const a of out.assumed) al.append(el('li', {}, el('strong', { text: a.label }), `：按“${a.value}”计算`));
    as.append(al);
  } else {
    as.append(el('p', { class: 'hint', text: '全部项目均已填写。' }));
  }
  box.append(as);

  // 4. Interpretations and damaged passages.
  const notes = out.notes || [];
  if (notes.length) {
    const ns = el('section', { class: 'why-part', id: 'why-notes' }, el('h3', { text: '对预案原文的解读和说明' }));
    const nl = el('ul', { class: 'notes' });
    for (const n of notes) {
      const li = el('li', { class: `note kind-${n.kind}`, data: { id: n.id } });
      li.append(el('p', {}, el('span', { class: 'tag', text: NOTE_KIND[n.kind] || n.kind }), el('strong', { text: n.title })));
      if (n.reading) li.append(el('p', {}, el('span', { class: 'hint', text: '本工具的读法：' }), n.reading));
      if (n.reason) li.append(el('p', {}, el('span', { class: 'hint', text: '理由：' }), n.reason));
      const q = quoteEl(n.quote, n.cite);
      if (q) li.append(q);
      nl.append(li);
    }
    ns.append(nl);
    box.append(ns);
  }

  // 5. Scope and every citation.
  const ss = el('section', { class: 'why-part', id: 'why-sources' }, el('h3', { text: '适用范围与引用' }));
  if (sch.scope) {
    const q = quoteEl(sch.scope.quote, sch.scope.cite);
    if (q) ss.append(q);
  }
  const cites = (out.citations || []).map(citeText).filter(Boolean);
  if (cites.length) {
    const d = el('details', { class: 'citations', attrs: { open: wasOpen } }, el('summary', { text: `本结果引用的全部条款（${cites.length}处）` }));
    const cl = el('ul');
    for (const c of cites) cl.append(el('li', { text: c }));
    d.append(cl);
    ss.append(d);
  }
  const p = (sch.plan || out.plan) || {};
  ss.append(el('p', { class: 'hint', text: `${p.title || ''}${p.doc_number ? `（${p.doc_number}）` : ''}` }));
  box.append(ss);
}

// ---------------------------------------------------------------------------------------------
// Incidents (www/incident.js): several side by side, autosaved, exported and imported, with the
// deadline timeline, the task checklist, the log and the printed report.

let incidents = null;

function startIncidents(list) {
  incidents = createIncidents({
    store,
    plans: list,
    current: () => ({ planId: cur.planId, schema: cur.schema, facts: cur.facts, values: cur.values }),
    switchPlan: (id) => {
      $('plan').value = id;
      selectPlan(id);
    },
  });
  // Before incidents, the page kept one set of values per plan: they become the first incident.
  const plan = store.get('plan');
  let values = null;
  try {
    values = plan ? JSON.parse(store.get(`values:${plan}`) || 'null') : null;
  } catch {
    values = null;
  }
  const first = incidents.start(plan ? { plan, values } : null);
  for (const id of ['incident-bar', 'log-card']) $(id).hidden = false;
  return first;
}

/** A note being typed in the checklist is not interrupted by the periodic redraw. */
function typingNote() {
  const a = document.activeElement;
  return !!a && a.classList.contains('item-note');
}

// ---------------------------------------------------------------------------------------------

$('facts').addEventListener('input', onFormInput);
$('facts').addEventListener('change', onFormInput);
$('facts').addEventListener('submit', (e) => e.preventDefault());
$('reset').addEventListener('click', resetForm);

boot().catch((e) => fail('init', e));
