// @ts-check
// The written report (书面报告) in 公文 layout, as data: the printed page (incident-report.js) and the
// Word file (tools/docx-entry.mjs) both draw this one model, so paper and .docx say the same. Only
// what is filled in appears, phrased as statements; each conclusion carries its citation line. Pure:
// the time of the report is passed in.

import { casualtySentence, clip, conclusions, eventName, factStatements, instantText, localText, nounOf, sentence, seqOf } from './report-phrases.js';
import { orderedTasks, taskKey } from './render-tasks.js';

/** @typedef {{kind: 'heading' | 'para' | 'cite', text: string}} Block */
/**
 * @typedef {{draft: boolean, issuer: string, number: string, signer: string, title: string, seq: string,
 *   recipient: string, blocks: Block[], closing: string, sign: string, time: string, contact: string, fileName: string}} ReportModel
 */

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Typed text kept as written, one paragraph per line. @param {string} s */
const paras = (s) => String(s || '').split(/\n+/).map(clip).filter(Boolean).map(sentence);

/**
 * @param {import('./incident-record.js').Incident} i
 * @param {{title: string, facts: any[], out: any, unconfirmed?: number}} c the plan's title, its facts, the full result
 * @param {number} nowMs the time the report is issued (报送时间)
 * @returns {ReportModel}
 */
export function reportModel(i, c, nowMs) {
  const info = (/** @type {string} */ k) => clip(i.info[k]);
  const noun = nounOf(c.title);
  const ev = eventName(i.info, c.title);
  const seq = seqOf(i.info);
  /** @type {[string, string[]][]} */
  const sections = [];

  // 一、基本情况: when, where, what happened.
  const basic = [];
  const when = localText(i.values.incident_time);
  const checked = when && !(i.prefilled && i.prefilled.incident_time);
  const where = info('place');
  basic.push(sentence(`${when ? `${when}${checked ? '' : '（按新建时间预填，请核实）'}，` : ''}${where}发生${ev.derived ? '一起' : ''}${ev.name}`));
  if (info('unit')) basic.push(sentence(`事发单位：${info('unit')}`));
  basic.push(...paras(i.info.summary || ''));
  sections.push([`${noun}基本情况`, basic]);

  const hurt = casualtySentence(c.facts, i.values, noun);
  sections.push(['人员伤亡和经济损失情况', hurt ? [hurt] : []]);
  sections.push(['现场研判情况', factStatements(c.facts, i.values)]);

  // 已采取的措施: as typed, then the reports made and the checklist items done, in time order.
  const out = c.out || {};
  const done = [...paras(i.info.measures || '')];
  for (const d of out.deadlines || []) {
    const t = i.reports[d.id];
    if (t) done.push(sentence(`${instantText(t)}，已向${d.to}报告（${clip(d.what)}）`));
  }
  const items = [];
  for (const t of orderedTasks(out.tasks || [])) {
    for (const it of t.items || []) {
      const at = i.ticks[taskKey(t, it)];
      if (at) items.push({ at, text: `${clip(t.title)}：${clip(it.text)}（${instantText(at)}完成）` });
    }
  }
  items.sort((a, b) => a.at.localeCompare(b.at));
  if (items.length) done.push(`已落实：${items.map((x, n) => `${n + 1}. ${x.text}`).join('；')}。`);
  sections.push(['已采取的措施', done]);

  /** @type {Block[]} */
  const blocks = [];
  let n = 0;
  for (const [h, ps] of sections) {
    if (!ps.length) continue;
    blocks.push({ kind: 'heading', text: `${NUMERALS[n++]}、${h}` });
    for (const p of ps) blocks.push({ kind: 'para', text: p });
  }
  const cs = conclusions(out, c.title);
  if (cs.length) {
    blocks.push({ kind: 'heading', text: `${NUMERALS[n++]}、${noun}等级和响应建议` });
    for (const x of cs) {
      blocks.push({ kind: 'para', text: x.text });
      if (x.cite) blocks.push({ kind: 'cite', text: `依据：${x.cite}` });
    }
  }

  const title = `关于${ev.name}的报告`;
  const file = `${ev.name}-第${seq.n}次报告`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return {
    draft: (Number(c.unconfirmed) || 0) > 0,
    issuer: info('issuer'),
    number: info('doc_no'),
    signer: info('signer'),
    title,
    seq: `${seq.label}（第${seq.n}次报告）`,
    recipient: info('recipient'),
    blocks,
    closing: '特此报告。',
    sign: info('issuer'),
    time: `报送时间：${instantText(nowMs)}`,
    contact: info('reporter') ? `联系人：${info('reporter')}` : '',
    fileName: `${file}.docx`,
  };
}
