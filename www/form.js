// @ts-check
// The facts form: built once per plan from the schema, then kept in step with the state (values,
// errors, what was understood, prefilled times) without being rebuilt. The form reports what the
// officer did through `on`; it never holds the values itself.

import { citeEl, el, hide, setText } from './dom.js';
import { chinaLocal, unitOf } from './format.js';
import { halfWidth, isList, seriesDays, splitList } from './parse.js';

export const SERIES_DEFAULT_ITEMS = 3;
const $ = (/** @type {string} */ id) => document.getElementById(id);

/**
 * @typedef {{set(id: string, raw: string | undefined, opts?: {bad?: boolean}): void, confirm(id: string): void,
 *   get(id: string): string | undefined}} FormEvents
 */

/** @param {any} f */
export const seriesMax = (f) => Math.max(1, Number(f.max_items) || 366);

/** The day boxes a series shows: what was typed, at least the default number. @param {any} f @param {string | undefined} v */
export function shownDays(f, v) {
  const days = seriesDays(v).slice(0, Math.max(seriesMax(f), seriesDays(v).length));
  while (days.length < SERIES_DEFAULT_ITEMS && days.length < seriesMax(f)) days.push('');
  return days;
}

/** A series' day texts as kept in the record (nothing when only the default blank days are left). @param {string[]} days */
export const seriesValue = (days) => (days.every((d) => d === '') && days.length <= SERIES_DEFAULT_ITEMS ? undefined : days.join(','));

/** @param {any} f */
const describedBy = (f) => [f.help || f.cite ? `help-${f.id}` : '', `error-${f.id}`].filter(Boolean).join(' ');

/** @param {any} f */
function fieldHelp(f) {
  const parts = [];
  if (f.help) parts.push(el('span', { class: 'help-text', text: f.help }));
  const c = citeEl(f.cite);
  if (c) parts.push(c);
  return parts.length ? el('p', { class: 'help', id: `help-${f.id}` }, ...parts) : null;
}

/** @param {any} f */
const errorEl = (f) => el('p', { class: 'field-error', id: `error-${f.id}`, attrs: { role: 'alert', hidden: true } });

/** @param {any} f @param {string} tag @param {string} cls */
function labelled(f, tag, cls) {
  const wrap = el(tag, { class: `field type-${f.type}${f.judgement ? ' judgement' : ''}${cls}`, data: { fact: f.id } });
  const label = el(tag === 'fieldset' ? 'legend' : 'label', { attrs: { for: tag === 'fieldset' ? null : `fact-${f.id}` } }, el('span', { class: 'label-text', text: f.label || f.id }));
  if (f.judgement) label.append(el('span', { class: 'tag', text: '需人工判断' }));
  if (f.required) label.append(el('span', { class: 'required', text: '（必填）' }));
  wrap.append(label);
  return wrap;
}

/** A box that takes a number as typed (text: "1.2亿", "１２", "1,013万" are read by parse.js). @param {string} id @param {any} f */
function numberBox(id, f) {
  return el('input', { id, attrs: { type: 'text', name: f.id, inputmode: f.type === 'count' ? 'numeric' : 'decimal', placeholder: '未填', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': describedBy(f) } });
}

/** @param {any} f @param {FormEvents} on */
function inputField(f, on) {
  const wrap = labelled(f, 'div', '');
  const id = `fact-${f.id}`;
  const row = el('div', { class: 'input-row' });
  /** @type {HTMLInputElement | HTMLSelectElement} */
  let input;
  if (f.type === 'choice') {
    input = /** @type {HTMLSelectElement} */ (el('select', { id, attrs: { name: f.id, 'aria-describedby': describedBy(f) } }));
    for (const o of f.options || []) input.append(el('option', { text: o.label, attrs: { value: o.value } }));
  } else if (f.type === 'datetime') {
    input = /** @type {HTMLInputElement} */ (el('input', { id, attrs: { type: 'datetime-local', step: 60, name: f.id, 'aria-describedby': describedBy(f) } }));
  } else {
    input = /** @type {HTMLInputElement} */ (numberBox(id, f));
  }
  if (f.required) input.required = true;
  row.append(input);
  const unit = unitOf(f);
  if (unit && f.type !== 'choice' && f.type !== 'datetime') row.append(el('span', { class: 'unit', text: unit }));
  // Beside the box, in the row it sets the height of: coming and going as a count is typed, it moves
  // nothing below (under the box, each first digit and last Backspace moved the rest of the form).
  if (f.type === 'count' || f.type === 'money') row.append(el('span', { class: 'reach', id: `reach-${f.id}`, attrs: { hidden: true } }));
  if (f.type === 'datetime') {
    row.append(el('span', { class: 'unit', text: '北京时间' }));
    const now = el('button', { class: 'now', id: `now-${f.id}`, text: '现在', attrs: { type: 'button' } });
    now.addEventListener('click', () => {
      input.value = chinaLocal(Date.now());
      on.set(f.id, input.value);
    });
    row.append(now);
  }
  wrap.append(row);
  if (f.type === 'datetime') {
    const ok = el('button', { class: 'confirm-prefilled', id: `confirm-${f.id}`, text: '时间无误', attrs: { type: 'button' } });
    ok.addEventListener('click', () => on.confirm(f.id));
    wrap.append(el('p', { class: 'prefilled', id: `prefilled-${f.id}`, attrs: { role: 'status', hidden: true } }, el('span', { class: 'prefilled-text' }), ' ', ok));
  }
  if (f.type === 'count' || f.type === 'money' || f.type === 'number') wrap.append(el('p', { class: 'understood', id: `understood-${f.id}`, attrs: { hidden: true } }));
  const help = fieldHelp(f);
  if (help) wrap.append(help);
  wrap.append(errorEl(f));
  const report = () => {
    const bad = input instanceof HTMLInputElement && !!input.validity && input.validity.badInput;
    if (f.type === 'choice') on.set(f.id, input.value);
    else on.set(f.id, input.value === '' ? undefined : input.value, { bad });
  };
  input.addEventListener('input', report);
  input.addEventListener('change', report);
  if (f.type === 'count' || f.type === 'money' || f.type === 'number') {
    // A one-line box drops the line breaks of a pasted column ("180\n230" → "180230"): keep them
    // visible as commas, so the value is refused as several numbers instead of merged into one.
    input.addEventListener('paste', (ev) => {
      const e = /** @type {ClipboardEvent} */ (ev);
      const text = e.clipboardData ? e.clipboardData.getData('text') : '';
      if (!/\S\s*[\r\n]+\s*\S/.test(text)) return;
      e.preventDefault();
      input.value = text.trim().split(/\s*[\r\n]+\s*/).join(', ');
      report();
    });
  }
  return wrap;
}

/** @param {any} f @param {FormEvents} on */
function yesNoField(f, on) {
  const fs = labelled(f, 'fieldset', '');
  fs.id = `fact-${f.id}`;
  fs.setAttribute('aria-describedby', describedBy(f));
  const help = fieldHelp(f);
  if (help) fs.append(help);
  const row = el('div', { class: 'radio-row' });
  for (const [value, text] of [['yes', '是'], ['no', '否']]) {
    const input = el('input', { id: `fact-${f.id}-${value}`, attrs: { type: 'radio', name: f.id, value } });
    input.addEventListener('change', () => on.set(f.id, value));
    row.append(el('label', { class: `radio radio-${value}`, attrs: { for: input.id } }, input, el('span', { text })));
  }
  fs.append(row, errorEl(f));
  return fs;
}

// A series fact (a forecast): one box per day, labelled 第N天, with add/remove buttons. A list pasted
// or typed into a box ("180, 230, 260", or one value per line) fills the days from that box on.
/** @param {any} f @param {FormEvents} on */
function seriesField(f, on) {
  const fs = labelled(f, 'fieldset', '');
  fs.id = `fact-${f.id}`;
  fs.setAttribute('aria-describedby', describedBy(f));
  const days = el('div', { class: 'series-days', id: `series-${f.id}` });
  const item = f.item || '项';
  const add = el('button', { class: 'series-add', id: `series-add-${f.id}`, text: `加一${item}`, attrs: { type: 'button' } });
  const remove = el('button', { class: 'series-remove', id: `series-remove-${f.id}`, text: `减一${item}`, attrs: { type: 'button' } });
  const write = (/** @type {string[]} */ next, /** @type {number} */ focus = -1) => {
    on.set(f.id, seriesValue(next));
    drawDays(f, next);
    if (focus >= 0) /** @type {HTMLElement | null} */ ($(`fact-${f.id}-${focus + 1}`))?.focus();
  };
  add.addEventListener('click', () => {
    const cur = shownDays(f, on.get(f.id));
    if (cur.length < seriesMax(f)) write([...cur, ''], cur.length);
  });
  remove.addEventListener('click', () => {
    const cur = shownDays(f, on.get(f.id));
    if (cur.length > 1) write(cur.slice(0, -1));
  });
  /** @param {HTMLInputElement} t @param {string} text */
  const fill = (t, text) => {
    const i = Number(t.dataset.day) - 1;
    const cur = shownDays(f, on.get(f.id));
    if (isList(text)) {
      const list = splitList(text);
      // "180," being typed: the next value goes into the next day's box (added if need be).
      const more = /[,、;；\s]$/.test(halfWidth(text));
      const next = [...cur.slice(0, i), ...list, ...cur.slice(i + list.length)];
      if (more && next.length === i + list.length && next.length < seriesMax(f)) next.push('');
      write(next, Math.min(i + list.length - (more ? 0 : 1), next.length - 1));
    } else {
      cur[i] = text.trim();
      on.set(f.id, seriesValue(cur));
    }
  };
  days.addEventListener('input', (e) => fill(/** @type {HTMLInputElement} */ (e.target), /** @type {HTMLInputElement} */ (e.target).value));
  // A pasted column (one value per line) would lose its line breaks in a one-line box.
  days.addEventListener('paste', (e) => {
    const text = e.clipboardData ? e.clipboardData.getData('text') : '';
    if (!isList(text)) return;
    e.preventDefault();
    fill(/** @type {HTMLInputElement} */ (e.target), text);
  });
  fs.append(days, el('div', { class: 'series-buttons' }, add, remove));
  const help = fieldHelp(f);
  if (help) fs.append(help);
  fs.append(errorEl(f));
  return fs;
}

/** (Re)draws one box per day. @param {any} f @param {string[]} days */
function drawDays(f, days) {
  const box = $(`series-${f.id}`);
  if (!box) return;
  const item = f.item || '项';
  box.replaceChildren(
    ...days.map((raw, i) => {
      const id = `fact-${f.id}-${i + 1}`;
      const input = el('input', { id, attrs: { type: 'text', inputmode: 'decimal', placeholder: '未填', autocomplete: 'off', name: f.id, 'aria-describedby': describedBy(f) }, data: { series: f.id, day: String(i + 1) } });
      /** @type {HTMLInputElement} */ (input).value = raw;
      const row = el('div', { class: 'series-day' }, el('label', { attrs: { for: id }, text: `第${i + 1}${item}` }), input);
      if (f.unit) row.append(el('span', { class: 'unit', text: f.unit }));
      return row;
    }),
  );
  /** @type {HTMLButtonElement} */ ($(`series-add-${f.id}`)).disabled = days.length >= seriesMax(f);
  /** @type {HTMLButtonElement} */ ($(`series-remove-${f.id}`)).disabled = days.length <= 1;
}

export const OTHER_GROUP = '其他情况与时间';

/**
 * Where a fact goes in the form: '' (the plan's common facts, always open: counts, amounts, numbers,
 * required facts, the first time and the officer's judgements) or the name of a group shown collapsed
 * until it holds a value or an error: the plan's own groups (one per hazard, say) and OTHER_GROUP for
 * the rarely used rest (later times, 响应已结束, a received warning). Pure.
 * @param {any} f @param {any[]} facts
 */
export function factGroup(f, facts) {
  if (f.group) return String(f.group);
  if (f.required || f.judgement || f.type === 'count' || f.type === 'money' || f.type === 'number' || f.type === 'series') return '';
  if (f.type === 'datetime' && facts.find((x) => x.type === 'datetime' && !x.group) === f) return '';
  return OTHER_GROUP;
}

/** Builds the form for a plan's facts. @param {HTMLElement} box @param {any[]} facts @param {FormEvents} on */
export function buildForm(box, facts, on) {
  box.replaceChildren();
  // Grouped facts go under their group's heading (a closed <details> unless one of its facts holds a
  // value), in order of first appearance; the common facts first.
  const groups = new Map();
  /** @type {HTMLElement | null} */
  let other = null; // the rarely used rest goes last
  for (const f of facts) {
    const field = f.type === 'yesno' ? yesNoField(f, on) : f.type === 'series' ? seriesField(f, on) : inputField(f, on);
    const name = factGroup(f, facts);
    if (!name) {
      box.append(field);
      continue;
    }
    if (!groups.has(name)) {
      const g = el('details', { class: 'fact-group', data: { group: name } }, el('summary', { text: name }));
      groups.set(name, g);
      if (name === OTHER_GROUP) other = g;
      else box.append(g);
    }
    groups.get(name).append(field);
    if (on.get(f.id) !== undefined) groups.get(name).open = true;
  }
  if (other) box.append(other);
}

/** @type {Map<string, ChildNode[]>} the form built for each plan (by its facts), kept for the next switch */
const builtForms = new Map();

/**
 * Shows the form for a plan's facts: built the first time, then the same nodes put back (a plan
 * switch builds nothing; syncInputs and showFieldState then bring the boxes in step with the state).
 * Keyed by the facts themselves, so an imported plan that reuses an id gets its own form.
 * @param {HTMLElement} box @param {any[]} facts @param {FormEvents} on
 */
export function showForm(box, facts, on) {
  const key = JSON.stringify(facts);
  const nodes = builtForms.get(key);
  if (nodes) {
    box.replaceChildren(...nodes);
    return;
  }
  buildForm(box, facts, on);
  builtForms.set(key, [...box.childNodes]);
}

/**
 * Puts the state's values into the boxes that differ (a plan switch, a reset, another tab's edit);
 * the box being typed in is left alone unless `all`.
 * @param {any[]} facts @param {Record<string, string>} values @param {boolean} [all]
 */
export function syncInputs(facts, values, all = false) {
  const active = document.activeElement;
  for (const f of facts) {
    const v = values[f.id];
    if (f.type === 'series') {
      const days = shownDays(f, v);
      const box = $(`series-${f.id}`);
      const now = box ? [...box.querySelectorAll('input')].map((i) => i.value.trim()) : null;
      if (!now || JSON.stringify(now) !== JSON.stringify(days)) {
        if (all || !box || !box.contains(active)) drawDays(f, days);
      }
    } else if (f.type === 'yesno') {
      const r = /** @type {HTMLInputElement | null} */ ($(`fact-${f.id}-${v === 'yes' ? 'yes' : 'no'}`));
      if (r && !r.checked) r.checked = true;
    } else {
      const input = /** @type {HTMLInputElement | null} */ ($(`fact-${f.id}`));
      if (!input || (!all && input === active)) continue;
      const want = f.type === 'choice' ? v ?? (f.options || [])[0]?.value ?? '' : v ?? '';
      if (input.value !== want) input.value = want;
    }
  }
  // A group that now holds a value (another incident, another tab) opens.
  for (const f of facts) {
    const g = values[f.id] === undefined ? null : /** @type {HTMLDetailsElement | null | undefined} */ ($(`fact-${f.id}`)?.closest('details.fact-group'));
    if (g && !g.open) g.open = true;
  }
}

/**
 * Errors beside their fields (or in the general box), what was understood from non-plain numbers,
 * and the prefilled-time notices. Writes only what changed. `only`: the one fact a keystroke edited.
 * @param {any[]} facts @param {Record<string, string>} errors @param {Record<string, string>} understood
 * @param {Record<string, string>} prefilled @param {string} [only]
 */
export function showFieldState(facts, errors, understood, prefilled, only) {
  const general = /** @type {HTMLElement} */ ($('error-general'));
  const known = new Set(facts.map((f) => f.id));
  const loose = Object.entries(errors).filter(([id]) => !known.has(id));
  setText(general, loose.map(([id, m]) => (id ? `${m}（${id}）` : m)).join('；'));
  hide(general, !loose.length);
  for (const f of facts) {
    if (only !== undefined && f.id !== only) continue;
    const msg = errors[f.id] || '';
    const node = $(`error-${f.id}`);
    if (node) {
      setText(node, msg);
      hide(node, !msg);
      const field = node.closest('.field');
      if (field && field.classList.contains('has-error') !== !!msg) field.classList.toggle('has-error', !!msg);
    }
    if (msg) {
      const g = /** @type {HTMLDetailsElement | null | undefined} */ (node?.closest('details.fact-group'));
      if (g && !g.open) g.open = true;
    }
    const input = $(`fact-${f.id}`);
    if (input && input.hasAttribute('aria-invalid') !== !!msg) {
      if (msg) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    const u = $(`understood-${f.id}`);
    if (u) {
      const text = msg ? '' : understood[f.id] || '';
      setText(u, text);
      hide(u, !text);
    }
    const p = $(`prefilled-${f.id}`);
    if (p) {
      hide(p, !prefilled[f.id]);
      const t = /** @type {HTMLElement} */ (p.querySelector('.prefilled-text'));
      const text = prefilled[f.id] ? '按新建时间预填，请核实：核实后点“时间无误”，或改成实际事发时间。' : '';
      if (t.textContent !== text) t.textContent = text;
    }
  }
}

/**
 * Beside each count and money field: the amount in 亿元 and the grade that criterion reaches alone.
 * @param {any[]} facts @param {Record<string, unknown>} parsed the facts as understood @param {any} out
 */
export function showReach(facts, parsed, out) {
  const byFact = new Map();
  for (const c of out.criteria || []) for (const f of c.facts || []) if (!byFact.has(f.id)) byFact.set(f.id, c);
  for (const f of facts) {
    const hint = $(`reach-${f.id}`);
    if (!hint) continue;
    const n = parsed[f.id];
    const crit = byFact.get(f.id);
    const parts = [];
    if (typeof n === 'number') {
      if (f.type === 'money') parts.push(`合 ${Math.round((n / 10000) * 10000) / 10000} 亿元`);
      if (crit) {
        const others = (crit.facts || []).filter((/** @type {any} */ x) => x.id !== f.id);
        const grade = crit.grade ? `可达${crit.grade}` : '未达到分级标准';
        parts.push(others.length ? `与${others.map((/** @type {any} */ x) => x.label).join('、')}合计 ${crit.value ?? ''}${crit.unit || ''}：${grade}` : `此项单独：${grade}`);
      }
    }
    const cls = `reach reach-${(crit && typeof n === 'number' && crit.grade_rank) || 0}`;
    if (hint.className !== cls) hint.className = cls;
    setText(hint, parts.join('；'));
    hide(hint, !parts.length);
  }
}
