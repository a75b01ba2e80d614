// @ts-check
// The internal checklist on paper (打印任务清单), apart from the written report: the report deadlines
// with their marks, and every task with its tick, time and note.

import { el } from './dom.js';
import { clockText, fullTime } from './format.js';
import { orderedTasks, taskKey } from './render-tasks.js';

/**
 * @param {HTMLElement} box @param {import('./incident-record.js').Incident} i
 * @param {{title: string, doc: string, out: any}} c @param {number} nowMs
 */
export function renderChecklist(box, i, c, nowMs) {
  box.replaceChildren();
  const out = c.out;
  if (!out) return;
  box.append(el('h2', { text: `任务清单（内部）：${(i.info.title || '').trim() || '未命名事件'}` }));
  box.append(el('p', { class: 'report-plan', text: `预案：${c.title}${c.doc ? `（${c.doc}）` : ''}　打印时间：${fullTime(new Date(nowMs).toISOString())}` }));

  box.append(el('h3', { text: '报告时限' }));
  const dt = el('table', { class: 'report-table', id: 'report-deadlines' });
  dt.append(el('tr', {}, ...['报告单位', '报告对象', '内容', '时限', '应报时间', '状态'].map((h) => el('th', { text: h }))));
  for (const d of out.deadlines || []) {
    const when = i.reports[d.id];
    const overdue = !when && d.due && Date.parse(d.due) < nowMs;
    const cells = [d.who, d.to, d.what, d.limit_text, d.due ? fullTime(d.due) : d.due_display || '—', when ? `已报告 ${fullTime(when)}` : overdue ? '未报告，已超时' : '未报告'];
    dt.append(el('tr', { data: { id: d.id } }, ...cells.map((x) => el('td', { text: x || '' }))));
  }
  box.append(dt);

  box.append(el('h3', { text: '任务落实情况' }));
  const tl = el('ul', { class: 'report-tasks', id: 'report-tasks' });
  for (const t of orderedTasks(out.tasks || [])) {
    const li = el('li', {}, el('strong', { text: t.title }), t.lead ? `（牵头：${t.lead}）` : '');
    const ul = el('ul');
    for (const it of t.items || []) {
      const when = i.ticks[taskKey(t, it)];
      const note = i.notes[taskKey(t, it)];
      ul.append(el('li', { class: when ? 'done' : 'open', text: `${when ? `☑ ${clockText(when, nowMs)}` : '☐'} ${it.text}${note ? `（备注：${note}）` : ''}` }));
    }
    li.append(ul);
    tl.append(li);
  }
  if (!(out.tasks || []).length) tl.append(el('li', { text: '未启动响应，暂无任务。' }));
  box.append(tl);
  box.append(el('p', { class: 'report-foot', text: '结论由应急预案助手按预案原文研判，供参考，以预案原文和领导决定为准。' }));
}
