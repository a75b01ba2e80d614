// @ts-check
// 电话快报: the short text a duty officer reads out on the first call — 时间、地点、单位、事故类型、
// 伤亡、等级与响应建议、报告人 — only the parts that are filled in. Pure.

import { casualtySentence, clip, localText, nounOf, planKind } from './report-phrases.js';

/**
 * @param {{info: Record<string, string>, values: Record<string, string>, prefilled?: Record<string, string>}} i
 * @param {{title: string, facts: any[], out: any}} c the plan's title, its facts and the full result
 * @returns {string}
 */
export function quickReport(i, c) {
  const info = (/** @type {string} */ k) => clip(i.info[k]);
  const noun = nounOf(c.title);
  const out = c.out || {};
  const lines = [info('title') ? `电话快报：${info('title')}` : '电话快报'];
  const add = (/** @type {string} */ k, /** @type {string} */ v) => v && lines.push(`${k}：${v}`);
  const when = localText(i.values.incident_time);
  add('时间', when && `${when}${i.prefilled && i.prefilled.incident_time ? '（待核实）' : ''}`);
  add('地点', info('place'));
  add('单位', info('unit'));
  add(`${noun}类型`, planKind(c.title));
  add('伤亡', casualtySentence(c.facts, i.values, noun));
  const a = out.activation;
  const r = out.response;
  const call = [];
  if (a) call.push(a.started ? `应启动${a.name}` : `${a.name}尚未达到启动条件`);
  else if ((out.scope || []).some((/** @type {any} */ s) => !s.applies)) call.push(`不适用本预案，不按本预案定级`);
  else {
    if (out.grade) call.push(`初判为${out.grade}${noun}${(out.provisional || []).length ? '（暂定）' : ''}`);
    if (r) call.push(`建议启动${r.level}`);
  }
  add('等级与响应建议', call.length ? `${call.join('，')}（依据《${c.title}》）` : '');
  add('报告人', info('reporter') || info('issuer'));
  return `${lines.join('\n')}\n`;
}
