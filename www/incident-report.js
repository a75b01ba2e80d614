// @ts-check
// The written report (shown only when printed): a pure view of the incident, its plan and the result.

import { el } from './dom.js';
import { clockText, factText, fullTime } from './format.js';
import { orderedTasks, taskKey } from './render-tasks.js';

/**
 * @param {HTMLElement} box @param {import('./incident-record.js').Incident} i
 * @param {{title: string, doc: string, facts: any[], out: any}} c the plan's title and 文号, its facts and the result
 * @param {number} nowMs
 */
export function renderReport(box, i, c, nowMs) {
  box.replaceChildren();
  const out = c.out;
  if (!out) return;
  const info = (/** @type {string} */ k) => (i.info[k] || '').trim();
  box.append(el('h2', { text: `${info('title') || '突发事件'}（书面报告）` }));
  box.append(el('p', { class: 'report-plan', text: `依据：${c.title}${c.doc ? `（${c.doc}）` : ''}` }));
  const dl = el('dl', { class: 'report-fields' });
  const row = (/** @type {string} */ k, /** @type {string} */ v, /** @type {string} */ id) => dl.append(el('div', { data: { field: id } }, el('dt', { text: k }), el('dd', { text: v || '（未填写）' })));
  const inc = i.values.incident_time;
  row('事发时间', inc ? `${inc.replace('T', ' ')}${i.prefilled && i.prefilled.incident_time ? '（按新建时间预填，未核实）' : ''}` : '', 'time');
  row('事发地点', info('place'), 'place');
  row('事发单位及概况', info('unit'), 'unit');
  row('简要经过和现场情况', info('summary'), 'summary');
  // Casualties and loss: every count and money fact the plan asks for, as entered.
  const nums = c.facts.filter((f) => f.type === 'count' || f.type === 'money');
  if (nums.length) row('伤亡人数和直接经济损失', nums.map((f) => `${f.label}：${factText(f, i.values[f.id])}`).join('；'), 'casualties');
  const others = c.facts.filter((f) => !(f.type === 'count' || f.type === 'money') && f.id !== 'incident_time' && i.values[f.id] != null);
  if (others.length) row('其他情况', others.map((f) => `${f.label}：${factText(f, i.values[f.id])}`).join('；'), 'other');
  // What was typed, then the checklist items ticked done, with their time.
  const done = Object.entries(i.ticks)
    .sort((x, y) => x[1].localeCompare(y[1]))
    .map(([k, t]) => `${clockText(t, nowMs)} ${k.split('|').slice(1).join('：')}`);
  row('已经采取的措施', [info('measures'), ...(done.length ? [`已落实的任务：${done.join('；')}`] : [])].filter(Boolean).join('\n'), 'measures');
  row('报告单位和报告人', info('reporter'), 'reporter');
  box.append(dl);

  const r = out.response;
  box.append(el('h3', { text: '研判结论' }));
  const g = el('dl', { class: 'report-fields' });
  const grow = (/** @type {string} */ k, /** @type {string} */ v, /** @type {string} */ id) => g.append(el('div', { data: { field: id } }, el('dt', { text: k }), el('dd', { text: v })));
  const a = out.activation;
  if (a) {
    grow('预案性质', `支持性程序（不分级）：${a.summary}`, 'grade');
    grow('启动情况', a.started ? `已启动${a.name}` : `${a.name}尚未启动：${a.waiting}`, 'level');
    grow('提出 / 启动 / 指挥', [a.proposes, a.starts, a.commands].filter(Boolean).join(' / '), 'who');
  } else {
    grow('事故等级', out.grade ? `${out.grade}事故${(out.provisional || []).length ? '（暂定）' : ''}` : '未达到分级标准', 'grade');
    const basis = (out.grade_basis || []).map((/** @type {any} */ b) => `${b.label} ${b.value ?? ''}${b.unit || ''}（${b.band}）`);
    if (basis.length) grow('定级依据', basis.join('；'), 'basis');
    grow('响应级别', r ? r.level : '未达到响应条件', 'level');
  }
  if (r) {
    grow('理由', (r.reasons || []).map((/** @type {any} */ x) => `${x.level}：${x.text}${x.raised ? '（据此提高）' : ''}`).join('；'), 'reasons');
    grow('提出 / 启动 / 指挥', [r.proposes, r.starts, r.commands].filter(Boolean).join(' / '), 'who');
  }
  box.append(g);

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
  box.append(tl);
  box.append(el('p', { class: 'report-foot', text: `打印时间：${fullTime(new Date(nowMs).toISOString())}。结论由应急预案助手按预案原文研判，供参考，以预案原文和领导决定为准。` }));
}
