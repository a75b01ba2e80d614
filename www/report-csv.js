// @ts-check
// The rows of the two CSV files an incident leaves as: the checklist (分组, 任务, 完成, 完成时间, 备注;
// then the report deadlines with their marks) and the log (时间, 类别, 内容). Pure.

import { fullTime } from './format.js';
import { LOG_KIND } from './incident-view.js';
import { orderedTasks, taskKey } from './render-tasks.js';

/**
 * @param {any} out the full result
 * @param {{ticks: Record<string, string>, notes: Record<string, string>, reports: Record<string, string>}} i
 * @returns {string[][]}
 */
export function checklistRows(out, i) {
  const rows = [['分组', '任务', '完成', '完成时间', '备注']];
  for (const t of orderedTasks(out.tasks || [])) {
    for (const it of t.items || []) {
      const k = taskKey(t, it);
      rows.push([t.title, it.text, i.ticks[k] ? '是' : '否', i.ticks[k] ? fullTime(i.ticks[k]) : '', i.notes[k] || '']);
    }
  }
  for (const d of out.deadlines || []) {
    const when = i.reports[d.id];
    rows.push(['报告时限', `${d.who}向${d.to}报告：${d.what}（${d.limit_text}${d.due ? `，应于${fullTime(d.due)}前` : ''}）`, when ? '是' : '否', when ? fullTime(when) : '', '']);
  }
  return rows;
}

/** @param {{log: {t: string, kind: string, text: string}[]}} i @returns {string[][]} */
export function logRows(i) {
  return [['时间', '类别', '内容'], ...i.log.map((e) => [fullTime(e.t), LOG_KIND[e.kind] || e.kind, e.text])];
}
