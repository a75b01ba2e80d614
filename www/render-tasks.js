// @ts-check
// The task checklist: one keyed section per task group, each item with its tick, the time it was
// ticked and a note. The tick key is made from the result's data (kind|title|item), never from the
// page's text.

import { citeEl, el, keyed } from './dom.js';
import { citeText, clockText } from './format.js';

const TASK_KIND = /** @type {Record<string, string>} */ ({ level: '本级响应措施', measure: '处置措施', group: '工作组' });

/** The checklist key of one item (as stored in an incident's ticks and notes). @param {any} t @param {any} it */
export const taskKey = (t, it) => `${t.kind}|${t.title}|${it.text}`;

/** The result's tasks, the level's own measures first. @param {any[]} list */
export const orderedTasks = (list) => [...list.filter((t) => t.kind === 'level'), ...list.filter((t) => t.kind !== 'level')];

/**
 * @param {HTMLElement} box @param {any[]} list @param {{ticks: Record<string, string>, notes: Record<string, string>}} marks
 * @param {number} nowMs
 */
export function renderTasks(box, list, marks, nowMs) {
  if (!list.length) {
    keyed(box, ['empty'], (k) => k, (k) => k, () => el('p', { class: 'empty', text: '未启动响应，暂无任务清单。' }));
    return;
  }
  const mine = (/** @type {any} */ t) => (t.items || []).map((/** @type {any} */ it) => {
    const k = taskKey(t, it);
    return [marks.ticks[k] ? clockText(marks.ticks[k], nowMs) : '', marks.notes[k] || ''];
  });
  keyed(box, orderedTasks(list), (t) => `${t.kind}|${t.title}`, (t) => JSON.stringify([t, mine(t)]), (t) => drawTask(t, marks, nowMs));
}

/** @param {any} t @param {{ticks: Record<string, string>, notes: Record<string, string>}} marks @param {number} nowMs */
function drawTask(t, marks, nowMs) {
  const sec = el('section', { class: `task kind-${t.kind}`, data: { kind: t.kind } });
  const h = el('h3', {}, el('span', { class: 'task-title', text: t.title }));
  if (TASK_KIND[t.kind]) h.append(el('span', { class: 'tag', text: TASK_KIND[t.kind] }));
  sec.append(h);
  if (t.lead) sec.append(el('p', { class: 'lead' }, el('strong', { text: '牵头：' }), t.lead));
  if (Array.isArray(t.members) && t.members.length) sec.append(el('p', { class: 'members' }, el('strong', { text: '成员：' }), t.members.join('、')));
  const items = Array.isArray(t.items) ? t.items : [];
  if (items.length) {
    const ul = el('ul', { class: 'items' });
    let done = 0;
    for (const it of items) {
      const key = taskKey(t, it);
      const when = marks.ticks[key];
      if (when) done += 1;
      const box = el('input', { class: 'tick', attrs: { type: 'checkbox', 'aria-label': `完成：${it.text}` }, data: { key } });
      /** @type {HTMLInputElement} */ (box).checked = !!when;
      const li = el('li', { class: `checkable${when ? ' ticked' : ''}` }, box, el('span', { class: 'item-text', text: it.text }));
      if (it.by) li.append(el('span', { class: 'by', text: `（${it.by}）` }));
      const c = citeEl(it.cite);
      if (c && citeText(it.cite) !== citeText(t.cite)) li.append(' ', c);
      li.append(el('span', { class: 'tick-time', text: when ? `✔ ${clockText(when, nowMs)}` : '' }));
      const note = el('input', { class: 'item-note', attrs: { type: 'text', placeholder: '备注', 'aria-label': `备注：${it.text}` }, data: { key } });
      /** @type {HTMLInputElement} */ (note).value = marks.notes[key] || '';
      li.append(note);
      ul.append(li);
    }
    h.append(el('span', { class: 'task-count', text: `${done}/${items.length}` }));
    sec.classList.toggle('all-done', done === items.length);
    sec.append(ul);
  }
  const c = citeEl(t.cite);
  if (c) sec.append(el('p', { class: 'task-cite' }, c));
  return sec;
}
