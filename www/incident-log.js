// @ts-check
// What an incident's log records when the facts change, pure: the fact changes, then what they changed
// in the result (grade, response level, tasks) as the lines of the 情况变化 box. Called only with a
// result that came from valid input: an input being typed that the page refuses records nothing.

import { factText } from './format.js';

/** @typedef {{support: boolean, grade: string, level: string, rank: number | null, tasks: string[]}} Summary */

/** The parts of a result the log follows. A support procedure's "level" is the procedure once started. @param {any} out @returns {Summary} */
export const summarise = (out) => ({
  support: !!out.activation,
  grade: out.grade || '',
  level: out.response ? out.response.level : out.activation && out.activation.started ? out.activation.name : '',
  rank: out.response ? out.response.rank : null,
  tasks: (out.tasks || []).map((/** @type {any} */ t) => t.title),
});

/** @param {Summary} r */
const verdict = (r) => (r.support ? `支持性程序（不分级）：${r.level ? `已启动${r.level}` : '尚未启动'}` : `研判：${r.grade ? `${r.grade}事故` : '未达到分级标准'}，${r.level || '未达到响应条件'}`);

/**
 * @param {{plan: string, values: Record<string, string>, result: Summary | null} | null} logged what the log last recorded
 * @param {{plan: string, values: Record<string, string>, facts: any[], result: Summary, empty: boolean}} now
 *   the valid input now; `empty`: nothing but a time entered (the defaults are nobody's finding)
 * @returns {{entries: {kind: string, text: string, fact?: string}[], lines: string[], logged: {plan: string, values: Record<string, string>, result: Summary | null}} | null}
 *   null when there is nothing to record
 */
export function logChanges(logged, now) {
  const prev = logged && logged.plan === now.plan ? logged : null;
  const entries = [];
  const lines = [];
  const record = (/** @type {string} */ kind, /** @type {string} */ text, /** @type {boolean} */ line) => {
    entries.push({ kind, text });
    if (line) lines.push(text);
  };
  if (prev) {
    for (const f of now.facts) {
      const a = prev.values[f.id];
      const b = now.values[f.id];
      if ((a ?? '') !== (b ?? '')) entries.push({ kind: 'fact', text: `${f.label || f.id}：${factText(f, a)} → ${factText(f, b)}`, fact: f.id });
    }
  }
  const r = now.result;
  const p = prev && prev.result;
  if (p) {
    if (p.grade !== r.grade) record('grade', `事故等级由${p.grade || '未达到分级标准'}变为${r.grade || '未达到分级标准'}`, true);
    if (p.level !== r.level && r.support) record('level', r.level ? `启动${r.level}` : `${p.level}不再显示为已启动（收到调拨要求时间已清空）`, true);
    else if (p.level !== r.level) {
      const dir = p.rank == null ? '启动' : r.rank == null ? '不再满足响应条件' : r.rank < p.rank ? '提高' : '降低';
      record('level', r.level ? (p.level ? `响应级别由${p.level}${dir}到${r.level}` : `启动${r.level}`) : `响应级别由${p.level}变为未达到响应条件`, true);
    }
    const added = r.tasks.filter((x) => !p.tasks.includes(x));
    const gone = p.tasks.filter((x) => !r.tasks.includes(x));
    if (added.length) record('tasks', `新增任务：${added.join('、')}`, true);
    if (gone.length) record('tasks', `不再列出：${gone.join('、')}`, true);
  } else if (!now.empty) {
    record('result', verdict(r), false);
  }
  const result = p || !now.empty ? r : null;
  if (prev && !entries.length && JSON.stringify(prev.result) === JSON.stringify(result)) return null;
  return { entries, lines, logged: { plan: now.plan, values: { ...now.values }, result } };
}
