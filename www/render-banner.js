// @ts-check
// The banner (grade and level, or what a support procedure is and whether it started) and the summary
// (who proposes, starts and commands; why raised). A pure view of the result.

import { callEl, contactsKey } from './contacts.js';
import { el, hide, keyed, setText } from './dom.js';
import { citeText, fmtNum, isNum } from './format.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const GRADE_CLASS = /** @type {Record<string, string>} */ ({ 特别重大: 'g1', 重大: 'g2', 较大: 'g3', 一般: 'g4' });

/** @param {string | null | undefined} name @param {unknown} rank */
export function gradeClass(name, rank) {
  if (name && GRADE_CLASS[name]) return GRADE_CLASS[name];
  if (isNum(rank) && /** @type {number} */ (rank) >= 1 && /** @type {number} */ (rank) <= 4) return `g${rank}`;
  return 'g0';
}

/** For a plan whose levels are computed per hazard: the highest warning level reached, or null. @param {any[]} list */
export function hazardHeadline(list) {
  const computed = (list || []).filter((w) => w.hazard);
  if (!computed.length) return null;
  // One hazard (重污染天气): its level and colour, as the plan names them.
  if (computed.length === 1) {
    const w = computed[0];
    return isNum(w.rank) ? `${w.name || ''}（${w.colour || ''}）预警` : '未达到预警级别';
  }
  const reached = computed.filter((w) => isNum(w.rank));
  if (!reached.length) return '各灾种均未达到预警标准';
  const top = Math.min(...reached.map((w) => w.rank));
  const names = reached.filter((w) => w.rank === top).map((w) => w.hazard_name);
  return `最高预警：${reached.find((w) => w.rank === top).name}（${names.join('、')}）`;
}

const WARN_COLOUR = /** @type {Record<string, string>} */ ({ 红色: 'g1', 橙色: 'g2', 黄色: 'g3', 蓝色: 'g4' });

/** A forecast plan's banner takes the colour of its highest warning reached (red/orange/yellow/blue). @param {any[]} list */
export function warningClass(list) {
  const reached = (list || []).filter((w) => w.hazard && isNum(w.rank));
  if (!reached.length) return 'g0';
  const top = reached.reduce((a, b) => (b.rank < a.rank ? b : a));
  const name = Object.keys(WARN_COLOUR).find((k) => String(top.colour || top.name || '').includes(k));
  return name ? WARN_COLOUR[name] : 'g0';
}

/** @param {string} gc */
function colour(gc) {
  for (const node of [$('banner'), $('summary')]) for (const g of ['g0', 'g1', 'g2', 'g3', 'g4']) if (node.classList.contains(g) !== (g === gc)) node.classList.toggle(g, g === gc);
}

/** @typedef {(k: string, v: string, cls?: string, call?: string) => void} Row */

/** One summary row: term, text and, for a role, the number of the unit it names when a contact matches. @param {{i: number, k: string, v: string, cls: string, call: string}} r */
function rowEl(r) {
  const dd = el('dd', { text: r.v });
  const call = r.call ? callEl(r.call) : null;
  if (call) dd.append(el('span', { class: 'role-call' }, call));
  return el('div', { class: r.cls }, el('dt', { text: r.k }), dd);
}

/** 提出/启动/指挥 rows. @param {Row} row @param {any} x */
function roles(row, x) {
  for (const [k, v] of [['提出', x.proposes], ['启动', x.starts], ['指挥', x.commands]]) if (v) row(k, v, '', v);
}

/**
 * @param {any} out the result @param {boolean} empty nothing but the time was entered
 */
export function renderBanner(out, empty) {
  /** @type {{i: number, k: string, v: string, cls: string, call: string}[]} */
  const list = [];
  fill(out, empty, (k, v, cls = '', call = '') => list.push({ i: list.length, k, v, cls, call }));
  // The rows are keyed: a keystroke that changes only the 定级 values redraws that row alone (the
  // roles' contact matching is not done again).
  const book = contactsKey();
  keyed($('response-who'), list, (r) => `${r.i}:${r.k}`, (r) => JSON.stringify([r.k, r.v, r.cls, r.call, r.call && book]), rowEl);
}

/** @param {any} out @param {boolean} empty @param {Row} row */
function fill(out, empty, row) {
  const banner = $('banner');
  const [c1, c2] = banner.querySelectorAll('.banner-caption');
  const note = $('banner-note');
  hide(note, !empty);
  const a = out.activation;
  banner.classList.toggle('support', !!a);
  if (a) {
    // A support procedure (no grades, no response levels, e.g. 医药储备调拨).
    colour('g0');
    setText(c1, '预案性质');
    setText(c2, '启动情况');
    setText($('grade'), '支持性程序（不分级）');
    setText($('response-level'), a.started ? `已启动${a.name}` : `${a.name}尚未启动`);
    banner.classList.toggle('has-response', !!a.started);
    row('性质', a.summary, 'support-summary');
    if (!a.started && a.waiting) row('待办', a.waiting, 'raised-note');
    roles(row, a);
    setText(note, empty ? '尚未回答任何情况：以下为按默认值（判断为“否”）得出的结果。' : '');
    return;
  }
  const provisional = Array.isArray(out.provisional) ? out.provisional : [];
  // A plan that computes warning levels (and grades nothing) shows the highest one here; a graded
  // plan that also computes a warning from the expected grade keeps the grade.
  const headline = out.grade || (out.criteria || []).length ? null : hazardHeadline(out.warnings);
  colour(headline ? warningClass(out.warnings) : gradeClass(out.grade, out.grade_rank));
  const hazards = (out.warnings || []).filter((/** @type {any} */ w) => w.hazard).length;
  setText(c1, headline ? (hazards > 1 ? '预警级别（各灾种最高）' : '预警级别') : '事故等级');
  setText(c2, '响应级别');
  setText($('grade'), out.grade ? `${out.grade}事故${provisional.length ? '（暂定）' : ''}` : headline || '未达到分级标准');
  const r = out.response;
  setText($('response-level'), r ? r.level : '未达到响应条件');
  // A scope ruling put the incident outside the plan: said instead of "below every threshold".
  const outside = (Array.isArray(out.scope) ? out.scope : []).filter((/** @type {any} */ x) => x.applies === false);
  if (outside.length) {
    setText($('grade'), '不按本预案定级');
    setText($('response-level'), '不启动本预案响应');
  }
  banner.classList.toggle('has-response', !!r);
  if (r) {
    roles(row, r);
  } else if (outside.length) {
    for (const x of outside) {
      row('适用范围', `${x.question}：${x.answer}。${x.text}（${citeText(x.cite)}）`, 'raised-note scope-outside');
      row('应由', x.instead, 'raised-note scope-instead');
    }
  } else {
    row('响应', '当前情形不满足本预案任何一级响应的启动条件。');
  }
  const raisedBy = r && Array.isArray(r.reasons) ? r.reasons.filter((/** @type {any} */ x) => x.raised) : [];
  if (raisedBy.length) row('提高', `因人工判断提高：${raisedBy.map((/** @type {any} */ x) => x.text).join('；')}`, 'raised-note');
  setText(note, empty ? '尚未填写任何情况：以下为按默认值（人数、损失为0，判断为“否”）得出的结果。' : '');
  // Criteria at zero reach 一般 only because its band starts at 0; name them only if nothing else does.
  const allBasis = out.grade_basis || [];
  const nonZero = allBasis.filter((/** @type {any} */ c) => isNum(c.value) && c.value > 0);
  const basis = (nonZero.length ? nonZero : allBasis).map((/** @type {any} */ c) => `${c.label} ${fmtNum(c.value)}${c.unit || ''}（${c.band}）`);
  if (basis.length) row('定级', basis.join('；'), 'basis');
  for (const p of provisional) row('暂定', `${p.text}（${citeText(p.cite)}）`, 'raised-note');
}
