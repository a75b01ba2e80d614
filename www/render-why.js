// @ts-check
// 依据（为什么）: how the grade (or warning level) and the response level were reached, what was
// assumed, the plan's notes, the scope and every citation. Each part is a keyed section redrawn only
// when its own inputs changed.

import { el, keyed, quoteEl } from './dom.js';
import { citeText, fmtNum } from './format.js';
import { gradeClass } from './render-banner.js';
import { warningBasis } from './render-warnings.js';
import { bandBar } from './svg-bands.js';

const NOTE_KIND = /** @type {Record<string, string>} */ ({ interpretation: '解读', damage: '原文受损', ambiguity: '原文歧义', gap: '原文空缺' });
const REASON_KIND = /** @type {Record<string, string>} */ ({ grade: '按事故等级', judgement: '人工判断' });

/** @param {HTMLElement} box @param {any} out @param {any} sch */
export function renderWhy(box, out, sch) {
  const a = out.activation;
  const computed = (Array.isArray(out.warnings) ? out.warnings : []).filter((/** @type {any} */ w) => w.hazard);
  /** @type {[string, unknown, () => HTMLElement][]} */
  const parts = [];
  if (a) parts.push(['why-activation', a, () => activation(a)]);
  else {
    // The section stays while only criterion values change; its criteria are a keyed list.
    const forecast = !out.grade && !(out.criteria || []).length && computed.length;
    parts.push(['why-grade', [out.grade, forecast && computed, sch.bounds_clause], () => grade(out, sch, computed)]);
    parts.push(['why-response', out.response, () => response(out.response)]);
  }
  parts.push(['why-assumed', out.assumed, () => assumed(out.assumed || [])]);
  if ((out.notes || []).length) parts.push(['why-notes', 'notes', () => notes()]);
  parts.push(['why-sources', [out.citations, sch.scope, sch.plan], () => sources(out, sch)]);
  keyed(box, parts, (p) => p[0], (p) => JSON.stringify(p[1]), (p) => p[2]());
  const nl = box.querySelector('#why-notes ul.notes');
  if (nl) keyed(/** @type {HTMLElement} */ (nl), out.notes, (n) => String(n.id), (n) => JSON.stringify(n), note);
  const ul = box.querySelector('#why-grade ul.criteria');
  if (ul) {
    const basisIds = new Set((out.grade_basis || []).map((/** @type {any} */ c) => c.id));
    const defs = new Map((sch.criteria || []).map((/** @type {any} */ d) => [d.id, d]));
    keyed(/** @type {HTMLElement} */ (ul), out.criteria || [], (c) => String(c.id), (c) => JSON.stringify([c, basisIds.has(c.id)]), (c) => criterion(c, basisIds.has(c.id), defs.get(c.id)));
  }
}

/** @param {string} id @param {string} title */
const part = (id, title) => el('section', { class: 'why-part', id }, el('h3', { text: title }));

/** A support procedure: how it starts (there is no grade and no response level to explain). @param {any} a */
function activation(a) {
  const s = part('why-activation', '本预案怎样启动');
  s.append(el('p', { class: 'why-summary', text: a.started ? `已启动${a.name}。${a.summary}` : `${a.name}尚未启动。${a.waiting}` }));
  s.append(el('p', { class: 'hint', text: '本预案不划分事件等级，也没有分级响应：以下时限和任务清单按调拨流程逐步列出。' }));
  const q = quoteEl(a.quote, a.cite);
  if (q) s.append(q);
  return s;
}

/** Every criterion and where the facts put it. @param {any} out @param {any} sch @param {any[]} computed */
function grade(out, sch, computed) {
  const forecast = !out.grade && !(out.criteria || []).length && computed.length;
  const g = part('why-grade', forecast ? '预警级别怎么得出' : '事故等级怎么得出');
  g.append(el('p', { class: 'why-summary', text: forecast ? '本预案不划分事故等级，按预报计算预警级别，再按预警级别启动响应。' : out.grade ? `判定为${out.grade}事故：取各项标准中最高的等级。` : '各项标准均未达到分级标准。' }));
  if (sch.bounds_clause) {
    const b = el('div', { class: 'bounds' }, el('p', { class: 'hint', text: '“以上”“以下”的含义：' }));
    const q = quoteEl(sch.bounds_clause.quote, sch.bounds_clause.cite);
    if (q) b.append(q);
    g.append(b);
  }
  const ul = el('ul', { class: 'criteria' });
  g.append(ul);
  if (forecast) {
    for (const w of computed) {
      g.append(el('p', { class: 'why-summary', text: w.id ? `${w.hazard_name}：${w.name}（${w.colour}）预警。` : `${w.hazard_name}：未达到预警级别。` }));
      if (Array.isArray(w.basis) && w.basis.length) g.append(warningBasis(w.basis));
    }
  }
  return g;
}

/** One criterion and where the facts put it (with its band bar, svg-bands.js). @param {any} c @param {boolean} basis @param {any} [def] */
function criterion(c, basis, def) {
  const reached = !!c.grade;
  const li = el('li', { class: `criterion${reached ? ' reached' : ''}${basis ? ' basis' : ''} ${gradeClass(c.grade, c.grade_rank)}`, data: { id: c.id } });
  const head = el('p', { class: 'criterion-head' }, el('strong', { text: c.label }));
  if (c.value != null) head.append(`：${fmtNum(c.value)}${c.unit || ''}`);
  head.append(' → ', el('span', { class: 'criterion-grade', text: reached ? `${c.grade}` : '未达到' }));
  if (basis) head.append(el('span', { class: 'tag', text: '定级依据' }));
  li.append(head);
  const bar = bandBar(def, c);
  if (bar) li.append(bar);
  if (Array.isArray(c.facts) && c.facts.length) li.append(el('p', { class: 'criterion-facts', text: c.facts.map((/** @type {any} */ f) => `${f.label} ${fmtNum(f.value)}`).join(' + ') }));
  if (c.band) li.append(el('p', { class: 'band' }, el('span', { class: 'hint', text: '所在档：' }), c.band));
  const q = quoteEl(c.quote, c.cite);
  if (q) li.append(q);
  return li;
}

/** The base mapping and each judgement. @param {any} r */
function response(r) {
  const rs = part('why-response', '响应级别怎么得出');
  if (!r) {
    rs.append(el('p', { class: 'why-summary', text: '没有任何响应条件成立。' }));
    return rs;
  }
  rs.append(el('p', { class: 'why-summary', text: `启动${r.level}。` }));
  const rl = el('ul', { class: 'reasons' });
  for (const x of r.reasons || []) {
    const li = el('li', { class: `reason kind-${x.kind}${x.raised ? ' raised' : ''}`, data: { raised: x.raised ? 'true' : 'false', id: x.id } });
    const head = el('p', {}, el('span', { class: 'tag', text: REASON_KIND[x.kind] || x.kind }), el('strong', { text: x.level }), ` ${x.text}`);
    if (x.raised) head.append(el('span', { class: 'raised-mark', text: '↑ 据此提高了响应级别' }));
    li.append(head);
    const q = quoteEl(x.quote, x.cite);
    if (q) li.append(q);
    rl.append(li);
  }
  rs.append(rl);
  for (const [what, c] of [[`${r.level}的启动条件：`, r.condition], ['启动程序：', r.procedure]]) {
    if (!c) continue;
    rs.append(el('p', { class: 'hint', text: what }));
    const q = quoteEl(c.quote, c.cite);
    if (q) rs.append(q);
  }
  return rs;
}

/** Values assumed for what was left empty. @param {any[]} list */
function assumed(list) {
  const as = part('why-assumed', '未填写的项按以下取值');
  if (!list.length) {
    as.append(el('p', { class: 'hint', text: '全部项目均已填写。' }));
    return as;
  }
  const al = el('ul', { class: 'assumed' });
  for (const a of list) al.append(el('li', {}, el('strong', { text: a.label }), `：按“${a.value}”计算`));
  as.append(al);
  return as;
}

/** Interpretations and damaged passages: the section; its notes are a keyed list. */
function notes() {
  const ns = part('why-notes', '对预案原文的解读和说明');
  ns.append(el('ul', { class: 'notes' }));
  return ns;
}

/** @param {any} n */
function note(n) {
  const li = el('li', { class: `note kind-${n.kind}`, data: { id: n.id } });
  li.append(el('p', {}, el('span', { class: 'tag', text: NOTE_KIND[n.kind] || n.kind }), el('strong', { text: n.title })));
  if (n.reading) li.append(el('p', {}, el('span', { class: 'hint', text: '本工具的读法：' }), n.reading));
  if (n.reason) li.append(el('p', {}, el('span', { class: 'hint', text: '理由：' }), n.reason));
  const q = quoteEl(n.quote, n.cite);
  if (q) li.append(q);
  return li;
}

/** Scope and every citation. @param {any} out @param {any} sch */
function sources(out, sch) {
  const ss = part('why-sources', '适用范围与引用');
  if (sch.scope) {
    const q = quoteEl(sch.scope.quote, sch.scope.cite);
    if (q) ss.append(q);
  }
  const cites = (out.citations || []).map(citeText).filter(Boolean);
  if (cites.length) {
    // Redrawn when the citations change: an open list stays open.
    const wasOpen = !!document.querySelector('#why-body details.citations[open]');
    const d = el('details', { class: 'citations', attrs: { open: wasOpen } }, el('summary', { text: `本结果引用的全部条款（${cites.length}处）` }));
    const cl = el('ul');
    for (const c of cites) cl.append(el('li', { text: c }));
    d.append(cl);
    ss.append(d);
  }
  const p = sch.plan || out.plan || {};
  ss.append(el('p', { class: 'hint', text: `${p.title || ''}${p.doc_number ? `（${p.doc_number}）` : ''}` }));
  return ss;
}
