// @ts-check
// The cockpit strip's own parts (the banner and the summary are render-banner.js): the NEXT DUE report
// — the earliest clock deadline not yet marked reported, else the first 立即 one — as a countdown, its
// clock time, to whom and the number to call; and the counts of open tasks and overdue reports.
// nextDue/openTasks/overdue are pure (tests/js/cockpit.test.mjs); the countdown ticks in place.

import { callEl, callSig } from './contacts.js';
import { el, panel } from './dom.js';
import { hms, withYear } from './format.js';
import { taskKey } from './render-tasks.js';

/** @param {any} d */
const dueMs = (d) => Date.parse(d.due || '');

/**
 * The clock deadlines (pending or overdue) not marked reported, earliest first.
 * @param {any[]} list the result's deadlines @param {Record<string, string>} reports id → when marked
 */
export function clockQueue(list, reports) {
  return (list || [])
    .filter((d) => !reports[d.id] && Number.isFinite(dueMs(d)) && (d.status === 'pending' || d.status === 'overdue'))
    .map((d, i) => ({ d, i }))
    .sort((a, b) => dueMs(a.d) - dueMs(b.d) || a.i - b.i)
    .map(({ d }) => d);
}

/**
 * The report to make next: the earliest clock deadline not marked reported; when none has a clock,
 * the first 立即/及时 one not marked; else null.
 * @param {any[]} list @param {Record<string, string>} reports
 */
export function nextDue(list, reports) {
  return clockQueue(list, reports)[0] || (list || []).find((d) => !reports[d.id] && d.status === 'immediate') || null;
}

/** Checklist items not ticked. @param {any[]} tasks @param {Record<string, string>} ticks */
export function openTasks(tasks, ticks) {
  let n = 0;
  for (const t of tasks || []) for (const it of t.items || []) if (!ticks[taskKey(t, it)]) n += 1;
  return n;
}

/** Clock deadlines passed and not marked reported. @param {any[]} list @param {Record<string, string>} reports @param {number} nowMs */
export function overdue(list, reports, nowMs) {
  return (list || []).filter((d) => !reports[d.id] && Number.isFinite(dueMs(d)) && dueMs(d) < nowMs).length;
}

/** What the countdown says at `nowMs`. @param {any} d @param {number} nowMs */
export function countdownText(d, nowMs) {
  const t = dueMs(d);
  if (!Number.isFinite(t)) return '应立即报告';
  return nowMs > t ? `已超时 ${hms(nowMs - t)}` : `还剩 ${hms(t - nowMs)}`;
}

/** @type {{d: any, reports: Record<string, string>, tasks: any[], ticks: Record<string, string>, list: any[]} | null} */
let shown = null;

/**
 * @param {HTMLElement} box #next-due-body @param {any[]} list @param {{reports: Record<string, string>, ticks: Record<string, string>}} marks
 * @param {any[]} tasks @param {Record<string, string>} prefilled @param {number} nowMs
 */
export function renderCockpit(box, list, marks, tasks, prefilled, nowMs) {
  const d = nextDue(list, marks.reports);
  // After it: the next two clock deadlines, and how many 立即 reports are not marked yet.
  const then = clockQueue(list, marks.reports).filter((x) => x !== d).slice(0, 2);
  const now = (list || []).filter((x) => x !== d && !marks.reports[x.id] && x.status === 'immediate').length;
  shown = { d, reports: marks.reports, tasks, ticks: marks.ticks, list };
  const guessed = !!(d && prefilled[d.anchor]);
  const key = JSON.stringify([d, guessed, then, now, [d, ...then].map((x) => x && callSig(x.to))]);
  panel(box, key, () => box.replaceChildren(...drawNext(d, guessed, nowMs), ...drawThen(then, now, nowMs)));
  tickCockpit(nowMs);
}

/** @param {any} d @param {number} nowMs */
const clockOf = (d, nowMs) => (Number.isFinite(dueMs(d)) ? (d.due_display && withYear(d.due_display, d.due, nowMs)) || '' : String(d.limit_text || '立即'));

/** @param {any} d */
const whoTo = (d) => [d.who, d.to && `→ ${d.to}`].filter(Boolean).join(' ');

/** @param {any} d @param {boolean} guessed @param {number} nowMs */
function drawNext(d, guessed, nowMs) {
  if (!d) return [el('p', { class: 'next-none', text: '当前没有待报告的时限。' })];
  const out = [
    el('p', { class: 'next-when' }, el('strong', { class: 'next-countdown', attrs: { 'aria-live': 'off' } }), ' ', el('span', { class: 'next-clock', text: clockOf(d, nowMs) })),
    el('p', { class: 'next-to' }, el('strong', { text: whoTo(d) }), d.what ? `：${d.what}` : ''),
  ];
  const call = callEl(d.to);
  if (call) out.push(el('p', { class: 'next-call' }, call));
  if (guessed) out.push(el('p', { class: 'prefilled-mark', text: `（${d.anchor_label || '事发时间'}按新建时间预填，请核实）` }));
  return out;
}

/**
 * A one-line form of callEl for the rows after the next report: each unit's name and its first number
 * to dial (the full row, with fax and copy buttons, is under 报告时限). @param {unknown} to
 */
function shortCall(to) {
  const call = callEl(to, '');
  if (!call) return null;
  const box = el('span', { class: 'call call-short' });
  for (const u of call.querySelectorAll('.call-unit')) {
    const a = u.querySelector('a.tel');
    if (a) box.append(el('span', { class: 'call-unit', data: { local: /** @type {HTMLElement} */ (u).dataset.local } }, u.querySelector('.call-name')?.textContent || '', ' ', a));
  }
  return box.childElementCount ? box : null;
}

/** @param {any[]} then @param {number} now @param {number} nowMs */
function drawThen(then, now, nowMs) {
  if (!then.length && !now) return [];
  const ul = el('ul', { class: 'next-then', attrs: { 'aria-label': '随后' } });
  for (const d of then) {
    const li = el('li', {}, el('span', { class: 'then-clock', text: clockOf(d, nowMs) }), ' ', el('span', { class: 'then-to', text: `→ ${d.to || d.who || ''}` }));
    const call = shortCall(d.to);
    if (call) li.append(' ', call);
    ul.append(li);
  }
  if (now) ul.append(el('li', { class: 'then-now', text: `另有 ${now} 项应立即报告（见“报告时限”）` }));
  return [ul];
}

/** Every second: the countdown and the counts. @param {number} nowMs */
export function tickCockpit(nowMs) {
  if (!shown) return;
  const box = document.getElementById('next-due');
  const cd = box && box.querySelector('.next-countdown');
  if (cd && shown.d) {
    const text = countdownText(shown.d, nowMs);
    if (cd.textContent !== text) cd.textContent = text;
  }
  if (box) box.classList.toggle('is-overdue', !!shown.d && Number.isFinite(dueMs(shown.d)) && dueMs(shown.d) < nowMs);
  const late = overdue(shown.list, shown.reports, nowMs);
  setCount('count-tasks', String(openTasks(shown.tasks, shown.ticks)), false);
  setCount('count-overdue', String(late), late > 0);
}

/** @param {string} id @param {string} text @param {boolean} alarm */
function setCount(id, text, alarm) {
  const n = document.getElementById(id);
  if (!n) return;
  if (n.textContent !== text) n.textContent = text;
  n.classList.toggle('alarm', alarm);
}
