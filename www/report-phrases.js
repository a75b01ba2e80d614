// @ts-check
// The sentences of a report: facts as statements (「事故已造成3人死亡、2人重伤」), the grade and the
// level as conclusions with their clause, the report's number (首报/续报). Shared by the written report
// (report-model.js) and the phone report (quick-report.js). Pure: no DOM, no clock.

import { china, citeText, factText, p2, readableQuote } from './format.js';

const PARENS = /\([^()]*\)|（[^（）]*）/g;
/** A label without its question mark: "应急响应是否已结束?" → "应急响应是否已结束". @param {string} s */
const bare = (s) => String(s || '').replace(/[?？]\s*$/, '').trim();
const isQuestion = (/** @type {string} */ s) => /[?？]\s*$/.test(String(s || ''));
/** Ends a sentence once: no "。。". @param {string} s */
export const sentence = (s) => (/[。！？.!?]$/.test(s) ? s : `${s}。`);
/** Typed text with trailing punctuation dropped (it goes inside a sentence). @param {string} s */
export const clip = (s) => String(s || '').trim().replace(/[。；;，,\s]+$/, '');

/** "2024-05-01T10:00" (China local, as typed) → "2024年5月1日10时00分"; '' when not a time. @param {string | undefined} v */
export function localText(v) {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(v || '');
  return m ? `${m[1]}年${+m[2]}月${+m[3]}日${m[4]}时${m[5]}分` : '';
}

/** An instant in China time → "2026年12月7日10时30分". @param {string | number} t */
export function instantText(t) {
  const c = china(t);
  return c ? `${c.y}年${c.mo}月${c.d}日${p2(c.h)}时${p2(c.mi)}分` : '';
}

/** 事故 for an accident plan, else 事件. @param {string} planTitle */
export const nounOf = (planTitle) => (/事故/.test(planTitle) ? '事故' : '事件');

/** What a plan is for: "晋城市非煤矿山生产安全事故应急预案" → "非煤矿山生产安全事故". @param {string} planTitle */
export function planKind(planTitle) {
  const t = String(planTitle || '').replace(PARENS, '').replace(/应急预案$/, '');
  return t.replace(/^[\u4e00-\u9fff]{1,6}?市(?!级)/, '') || t;
}

/** The incident as the report names it: its title, else "一起" + what the plan is for. @param {Record<string, string>} info @param {string} planTitle */
export function eventName(info, planTitle) {
  const t = clip(info.title);
  return t ? { name: t, derived: false } : { name: planKind(planTitle), derived: true };
}

/** The report's number: 首报 is the 1st, 续报 the 2nd and later. @param {Record<string, string>} info */
export function seqOf(info) {
  const n = Math.max(1, Math.min(99, parseInt(info.report_seq || '1', 10) || 1));
  return { n, label: n > 1 ? '续报' : '首报' };
}

/** The log line of a report issued: 「已出具续报（第2次）」. @param {Record<string, string>} info */
export function issueText(info) {
  const s = seqOf(info);
  return `已出具${s.label}（第${s.n}次）`;
}

/** "死亡人数" 5 → "5人死亡"; 0 → "无死亡人员"; a label that is not "X人数" keeps its words. @param {string} label @param {number} n */
export function countPhrase(label, n) {
  const m = /^(.{1,12}?)人数(.*)$/.exec(bare(label));
  if (!m || /[的\d]/.test(m[1])) return `${bare(label)}为${n}人`;
  return n === 0 ? `无${m[1]}人员${m[2]}` : `${n}人${m[1]}${m[2]}`;
}

/**
 * Casualties and loss as one sentence, from the count and money facts filled in: 「事故已造成5人死亡、
 * 3人重伤，无下落不明人员，直接经济损失约1200万元。」; '' when none is filled.
 * @param {any[]} facts @param {Record<string, string>} values @param {string} noun
 */
export function casualtySentence(facts, values, noun) {
  const hurt = [];
  const none = [];
  const money = [];
  for (const f of facts) {
    const raw = String(values[f.id] ?? '').trim();
    if (!raw) continue;
    if (f.type === 'count' && /^\d+$/.test(raw)) (Number(raw) ? hurt : none).push(countPhrase(f.label, Number(raw)));
    if (f.type === 'money') money.push(`${bare(f.label).replace(PARENS, '')}约${factText(f, raw)}`);
  }
  const parts = [];
  if (hurt.length) parts.push(`${noun}已造成${hurt.join('、')}`);
  if (none.length) parts.push(`${hurt.length ? '' : '目前'}${none.join('、')}`);
  parts.push(...money);
  return parts.length ? sentence(parts.join('，')) : '';
}

/**
 * The other facts filled in, each as a statement: a yes answer to "是否…" without the 是否, a choice
 * as its answer, a number or time with its label. A "否" answer says nothing a report needs (the
 * level's reasons say what the answers changed) and is left out.
 * @param {any[]} facts @param {Record<string, string>} values
 */
export function factStatements(facts, values) {
  const out = [];
  for (const f of facts) {
    const raw = String(values[f.id] ?? '').trim();
    if (!raw || f.id === 'incident_time' || f.type === 'count' || f.type === 'money') continue;
    const label = bare(f.label);
    if (f.type === 'yesno') {
      if (raw === 'yes') out.push(label.includes('是否') ? label.replace('是否', '') : `${label}：是`);
    } else if (f.type === 'choice') {
      const opt = ((f.options || []).find((/** @type {any} */ o) => o.value === raw) || { label: raw }).label;
      if (!isQuestion(f.label)) out.push(`${label.replace(PARENS, '')}为${opt}`);
      else if (!/^否/.test(opt)) out.push(opt.replace(/^是[,，、]\s*/, ''));
    } else if (f.type === 'datetime') {
      const t = localText(raw);
      if (t) out.push(`${label}为${t}`);
    } else if (f.type === 'series') out.push(`${label}依次为${raw}`);
    else out.push(`${label}为${factText(f, raw)}`);
  }
  return out.map(sentence);
}

/** "第1.3条", or the clause as printed ("附录8.3"). @param {any} c */
const clauseOf = (c) => (c && c.clause ? citeText({ clause: c.clause }) : '');
/** A citation line: 「依据：第1.3条 · 原文第1174行：“…”」. @param {any} c @param {string} quote */
const citeLine = (c, quote) => [citeText(c), quote ? `“${readableQuote(quote)}”` : ''].filter(Boolean).join('：');

/** Who proposes, starts and commands (the plan's words: a name or a sentence), without its asides in brackets. @param {{proposes?: string, starts?: string, commands?: string}} r */
const roles = (r) => {
  const w = (/** @type {string | undefined} */ x) => String(x || '').replace(PARENS, '').trim();
  return [w(r.proposes) && `提出：${w(r.proposes)}`, w(r.starts) && `启动：${w(r.starts)}`, w(r.commands) && `指挥：${w(r.commands)}`].filter(Boolean);
};

/**
 * The conclusions of the result, each a statement with its citation line: the grade (or none
 * reached), the level and who proposes, starts and commands it, each judgement that raised it; for a
 * support procedure what is started; a scope question that rules the plan out.
 * @param {any} out the full result @param {string} planTitle
 * @returns {{text: string, cite: string}[]}
 */
export function conclusions(out, planTitle) {
  const plan = `《${planTitle}》`;
  const noun = nounOf(planTitle);
  /** @type {{text: string, cite: string}[]} */
  const list = [];
  for (const s of out.scope || []) if (!s.applies) list.push({ text: sentence(`按${plan}${clauseOf(s.cite)}，${clip(s.text)}`), cite: citeLine(s.cite, s.quote) });
  const a = out.activation;
  if (a) {
    const what = a.started ? `应启动${a.name}（${roles(a).join('；')}）` : `${a.name}尚未达到启动条件（${clip(a.waiting)}）`;
    // A support procedure grades nothing: the report says so, as the banner does.
    list.push({ text: sentence(`${plan}为支持性程序（不分级），按其${clauseOf(a.cite)}，${what}`), cite: citeLine(a.cite, a.quote) });
    return list;
  }
  const r = out.response;
  const b = (out.grade_basis || [])[0];
  if (out.grade && b) {
    const by = (out.grade_basis || []).map((/** @type {any} */ x) => `${x.label}${x.value == null ? '' : `${x.value}${x.unit || ''}`}，${x.band}`).join('；');
    const level = r ? `，建议启动${r.level}` : '';
    const prov = (out.provisional || []).length ? `（暂定：${out.provisional.map((/** @type {any} */ p) => clip(p.text)).join('；')}）` : '';
    list.push({ text: sentence(`按${plan}${clauseOf(b.cite)}，属${out.grade}${noun}${prov}${level}（${by}）`), cite: citeLine(b.cite, b.quote) });
  } else if ((out.criteria || []).length && !(out.scope || []).some((/** @type {any} */ s) => !s.applies)) {
    list.push({ text: sentence(`按${plan}，依现有情况尚未达到分级标准`), cite: '' });
  }
  if (r) {
    const base = (r.reasons || [])[0];
    const who = roles(r).join('；');
    const lead = out.grade && b ? '' : `建议启动${r.level}：`;
    if (base) list.push({ text: sentence(`按${plan}${clauseOf(base.cite)}，${lead}${clip(base.text)}${who ? `（${who}）` : ''}`), cite: citeLine(base.cite, base.quote) });
    for (const x of (r.reasons || []).slice(1).filter((/** @type {any} */ x) => x.raised)) {
      list.push({ text: sentence(`按${plan}${clauseOf(x.cite)}，${clip(x.text)}，响应提高为${x.level}`), cite: citeLine(x.cite, x.quote) });
    }
  }
  return list;
}
