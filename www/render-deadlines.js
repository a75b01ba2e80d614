// @ts-check
// The reporting deadlines as a list (the picture above it: svg-timeline.js): due now first, then by
// clock time, then those waiting for a time. One keyed node per deadline, redrawn only when that
// deadline (or its mark) changed; the countdowns tick every second in place.

import { callEl, callSig } from './contacts.js';
import { el, keyed, quoteEl } from './dom.js';
import { clockText, fmtMinutes, hms, isNum, withYear } from './format.js';

const DEADLINE_STATUS = /** @type {Record<string, string>} */ ({ pending: '未到时限', overdue: '已超时', immediate: '预案未规定具体分钟数', awaiting_anchor: '待填时间' });
export const PREFILLED = '按新建时间预填，请核实';

/** @type {{li: HTMLElement, d: any, done: boolean, prefilled: boolean}[]} */
let shown = [];

/** @param {any} d */
const rank = (d) => (d.status === 'immediate' ? [0, 0] : Number.isFinite(Date.parse(d.due || '')) ? [1, Date.parse(d.due)] : [2, 0]);

/**
 * @param {HTMLElement} ol @param {any[]} list @param {Record<string, string>} reports deadline id → when marked
 * @param {Record<string, string>} prefilled fact id → since when its value is the page's guess
 * @param {number} nowMs
 */
export function renderDeadlines(ol, list, reports, prefilled, nowMs) {
  if (!list.length) {
    keyed(ol, ['empty'], (k) => k, (k) => k, () => el('li', { class: 'empty', text: '当前情形下预案没有规定报告时限。' }));
    shown = [];
    return;
  }
  const sorted = list.map((d, i) => ({ d, i })).sort((a, b) => {
    const [x, y] = [rank(a.d), rank(b.d)];
    return x[0] - y[0] || x[1] - y[1] || a.i - b.i;
  });
  shown = [];
  keyed(
    ol,
    sorted.map(({ d }) => d),
    (d) => String(d.id),
    (d) => JSON.stringify([d, reports[d.id] || '', !!prefilled[d.anchor], clockText(reports[d.id] || '', nowMs), callSig(d.to)]),
    (d) => drawDeadline(d, reports[d.id] || '', !!prefilled[d.anchor], nowMs),
  );
  for (const li of /** @type {HTMLElement[]} */ ([...ol.children])) {
    const d = list.find((x) => String(x.id) === li.dataset.id);
    if (d) shown.push({ li, d, done: !!reports[d.id], prefilled: !!prefilled[d.anchor] });
  }
  tick(nowMs);
}

/** @param {any} d @param {string} done @param {boolean} guessed @param {number} nowMs */
function drawDeadline(d, done, guessed, nowMs) {
  const st = String(d.status || '');
  const li = el('li', { class: `deadline status-${st}${done ? ' done' : ''}`, data: { status: st, id: d.id, due: d.due || null } });
  // "及时(原文无具体时限)" → the big word is "及时"; the badge keeps the full text.
  // The engine's due_display has no year: a clock not in this year gets it.
  const clock = (d.due_display && withYear(d.due_display, d.due, nowMs)) || (st === 'immediate' ? String(d.limit_text || '立即').replace(/\s*[（(].*$/, '') || '立即' : '—');
  li.append(el('div', { class: 'deadline-clock' }, el('span', { class: 'clock', text: clock }), el('span', { class: 'limit', text: d.limit_text || '' })));
  const body = el('div', { class: 'deadline-body' });
  const line = [d.who, d.to && `→ ${d.to}`].filter(Boolean).join(' ');
  body.append(el('p', { class: 'deadline-what' }, el('strong', { text: line }), d.what ? `：${d.what}` : ''));
  // The number of whom to report to, when a contact (the local book's first) answers to that name.
  const call = callEl(d.to);
  if (call) body.append(el('p', { class: 'deadline-call' }, call));
  let status = DEADLINE_STATUS[st] || st;
  if (st === 'pending' && isNum(d.minutes_left)) status = `还剩 ${fmtMinutes(d.minutes_left)}`;
  if (st === 'overdue') status = isNum(d.minutes_left) ? `已超时 ${fmtMinutes(d.minutes_left)}` : '已超时';
  if (st === 'awaiting_anchor') status = `请填写“${d.anchor_label || d.anchor}”后计算`;
  const meta = el('p', { class: 'deadline-status' }, el('span', { class: 'status-badge', text: status }));
  // A clock counted from the incident time because its own start is blank: said, never silent.
  if (d.estimated) meta.append(el('span', { class: 'estimated', text: ` ${d.estimated}` }), ` ${d.limit_text || ''}`);
  else if (d.anchor_label && st !== 'awaiting_anchor' && st !== 'immediate') meta.append(` 自${d.anchor_label}起 ${d.limit_text || ''}`);
  if (guessed && st !== 'awaiting_anchor') meta.append(el('span', { class: 'prefilled-mark', text: `（${d.anchor_label || '事发时间'}${PREFILLED}）` }));
  // The engine says which holiday calendar counted the working days (or that it fell back to Mon–Fri).
  if (d.counts === 'working_days') meta.append(el('span', { class: 'hint day-count', text: ` ${d.calendar || '工作日按周一至周五计算。'}` }));
  else if (d.counts === 'days') meta.append(el('span', { class: 'hint day-count', text: ' 按日历日计算，起算当日不计入，到最后一日24:00届满。' }));
  body.append(meta);
  const q = quoteEl(d.quote, d.cite);
  if (q) body.append(q);
  const actions = el('div', { class: 'deadline-actions' }, el('span', { class: 'countdown', attrs: { 'aria-live': 'off' } }));
  const who = `${d.who || ''}→${d.to || ''}`;
  if (done) {
    actions.append(el('span', { class: 'done-mark', text: `已报告 ${clockText(done, nowMs)}` }));
    actions.append(el('button', { class: 'undo-done', text: '撤销', attrs: { type: 'button', 'aria-label': `撤销已报告：${who}` }, data: { id: d.id } }));
  } else {
    actions.append(el('button', { class: 'mark-done', text: '标记已报告', attrs: { type: 'button', 'aria-label': `标记已报告：${who}（${d.limit_text || ''}）` }, data: { id: d.id } }));
  }
  body.append(actions);
  li.append(body);
  return li;
}

/** Every second: the countdowns, and overdue the moment a clock passes. @param {number} nowMs */
export function tick(nowMs) {
  for (const { li, d, done, prefilled } of shown) {
    const cd = li.querySelector('.countdown');
    if (!cd) continue;
    const due = Date.parse(d.due || '');
    let text = '';
    let over = false;
    if (Number.isFinite(due) && !done) {
      over = nowMs > due;
      text = over ? `已超时 ${hms(nowMs - due)}` : `倒计时 ${hms(due - nowMs)}`;
      if (prefilled) text += `（${PREFILLED}）`;
    } else if (d.status === 'immediate' && !done) {
      // A limit with no clock: "立即/及时" means now; others ("2个工作日内", "之后每日") are as written.
      const limit = String(d.limit_text || '');
      text = !limit || /^(立即|及时|第一时间|迅速|马上)/.test(limit) ? '应立即报告' : '按原文时限';
    }
    if (cd.textContent !== text) cd.textContent = text;
    li.classList.toggle('is-overdue', over);
  }
}

/** "38分", "2小时5分", "1天3小时". @param {number} m whole minutes */
function shortMinutes(m) {
  if (m < 60) return `${m}分`;
  if (m < 1440) return `${Math.floor(m / 60)}小时${m % 60 ? `${m % 60}分` : ''}`;
  return `${Math.floor(m / 1440)}天${Math.floor((m % 1440) / 60)}小时`;
}

/**
 * The tab title's lead: the nearest clock deadline not marked reported — «[38分] 报告 → 市应急局», or
 * overdue «[超时5分] …» — so a deadline is seen in the tab strip and the taskbar; '' when none.
 * Minutes left round up (12 minutes ahead reads 12分 until it is 11); minutes overdue round down.
 * @param {{d: any, done: boolean}[]} list @param {number} nowMs
 */
export function titleLead(list, nowMs) {
  let best = null;
  for (const { d, done } of list) {
    const due = Date.parse(d.due || '');
    if (done || !Number.isFinite(due)) continue;
    if (!best || due < best.due) best = { d, due };
  }
  if (!best) return '';
  const left = best.due - nowMs;
  const when = left > 0 ? shortMinutes(Math.ceil(left / 60_000)) : left > -60_000 ? '已超时' : `超时${shortMinutes(Math.floor(-left / 60_000))}`;
  const to = String(best.d.to || '').trim();
  const cut = to.length > 18 ? `${to.slice(0, 17)}…` : to;
  return `[${when}] ${cut ? `报告 → ${cut}` : `${best.d.who || ''}报告`}`;
}

/** The title for the deadlines shown now. @param {number} nowMs */
export const nextTitle = (nowMs) => titleLead(shown, nowMs);
