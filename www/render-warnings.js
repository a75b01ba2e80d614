// @ts-check
// 预警措施 (every hazard's computed level, or the published level selected) and 响应终止: pure views
// of the result, each warning a keyed section.

import { citeEl, el, keyed, quoteEl } from './dom.js';
import { hazardHeadline } from './render-banner.js';

const WARN_CLASS = /** @type {Record<string, string>} */ ({ 红色: 'red', 橙色: 'orange', 黄色: 'yellow', 蓝色: 'blue' });

/** The criteria that put a computed warning at its level, each with its citation. @param {any[]} basis */
export function warningBasis(basis) {
  const ul = el('ul', { class: 'items basis' });
  for (const b of basis) {
    const li = el('li', { text: `达到条件：${b.text}` });
    const c = citeEl(b.cite);
    if (c) li.append(' ', c);
    ul.append(li);
  }
  return ul;
}

/**
 * One warning. The section carries `data-hazard` and `data-level` for the page's tests and for
 * portal styling. @param {any} w
 */
function warningSection(w) {
  const colour = Object.keys(WARN_CLASS).find((k) => String(w.colour || w.name || '').includes(k));
  const sec = el('section', { class: `warning${w.hazard ? ' hazard' : ''} warn-${colour ? WARN_CLASS[colour] : 'none'}`, data: { hazard: w.hazard || '', level: w.id || 'none' } });
  let level = String(w.name || w.id || '');
  if (w.colour && !level.includes(w.colour)) level += `（${w.colour}）`;
  if (!level.includes('预警')) level += '预警';
  if (w.hazard && !w.id) level = '未达到预警标准';
  const h3 = el('h3');
  if (w.hazard_name || w.hazard) h3.append(el('span', { class: 'hazard-name', text: `${w.hazard_name || w.hazard}：` }));
  h3.append(el('span', { class: 'hazard-level', text: level }));
  sec.append(h3);
  if (Array.isArray(w.basis) && w.basis.length) sec.append(warningBasis(w.basis));
  if (w.issued_by) sec.append(el('p', {}, el('strong', { text: '发布：' }), w.issued_by));
  if (w.computed === false) sec.append(el('p', { class: 'hint', text: '预警级别按所选的已发布级别显示。' }));
  // A level computed from a judgement (expected grade, hidden danger) beside the published one.
  if (w.differs) sec.append(el('p', { class: 'warning-differs', text: `按研判应为此级别，与已发布的不同——${w.differs}` }));
  if (Array.isArray(w.measures) && w.measures.length) {
    const ul = el('ul', { class: 'items' });
    for (const m of w.measures) ul.append(el('li', { text: m }));
    sec.append(ul);
  }
  const c = citeEl(w.cite);
  if (c) sec.append(el('p', { class: 'task-cite' }, c));
  return sec;
}

/**
 * @param {HTMLElement} card @param {HTMLElement} box @param {any[]} list @param {any} response
 * @param {boolean} forecastPlan a plan graded by hazards only (a graded plan may also compute a warning from the expected grade)
 */
export function renderWarnings(card, box, list, response, forecastPlan) {
  card.hidden = list.length === 0;
  /** @type {{k: string, sig: string, draw: () => HTMLElement}[]} */
  const items = [];
  if (forecastPlan && list.some((w) => w.hazard)) {
    // Computed per hazard: the combined level and response first ("highest wins"), then every hazard.
    const text = `${hazardHeadline(list)}；响应：${response ? response.level : '未达到响应条件'}`;
    items.push({ k: 'summary', sig: text, draw: () => el('p', { class: 'hazard-summary', id: 'hazard-summary' }, el('strong', { text: '综合：' }), text) });
  }
  list.forEach((w, i) => items.push({ k: `${w.hazard || ''}|${i}`, sig: JSON.stringify(w), draw: () => warningSection(w) }));
  keyed(box, items, (x) => x.k, (x) => x.sig, (x) => x.draw());
}

/** 响应终止, then 后期处置 once the response is marked ended. @param {HTMLElement} box @param {any} t @param {any[]} recovery */
export function renderTermination(box, t, recovery) {
  box.replaceChildren();
  if (!t) box.append(el('p', { class: 'empty', text: '未启动响应，无终止条件。' }));
  else terminationConditions(box, t);
  if (recovery.length) box.append(recoverySection(recovery));
}

/** @param {HTMLElement} box @param {any} t */
function terminationConditions(box, t) {
  if (t.who) box.append(el('p', {}, el('strong', { text: '宣布终止：' }), t.who));
  if (Array.isArray(t.conditions) && t.conditions.length) {
    box.append(el('p', { text: '同时满足以下条件时：' }));
    const ul = el('ul', { class: 'items' });
    for (const c of t.conditions) ul.append(el('li', { text: c }));
    box.append(ul);
  }
  const q = quoteEl(t.quote, t.cite);
  if (q) box.append(q);
}

/** 后期处置: who does what after the response, who reports to whom. @param {any[]} list */
function recoverySection(list) {
  const sec = el('section', { class: 'recovery', id: 'recovery' }, el('h3', { text: '后期处置（响应结束后）' }));
  for (const r of list) {
    const item = el('div', { class: 'recovery-item', data: { id: r.id } });
    item.append(el('p', {}, el('strong', { text: `${r.title}：` }), r.who));
    item.append(el('p', { text: r.text }));
    if (r.reports) item.append(el('p', {}, el('strong', { text: '报告：' }), `${r.reports} → ${r.to}`));
    const q = quoteEl(r.quote, r.cite);
    if (q) item.append(q);
    sec.append(item);
  }
  return sec;
}
