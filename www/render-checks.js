// @ts-check
// 核对清单: the plan's [[checks]] (储备管理 requirements, 预警解除 conditions) told pass / fail / to fill
// in, under their group headings. A pure view of the result; one keyed node per check.

import { el, keyed, quoteEl } from './dom.js';

const CHECK_STATUS = /** @type {Record<string, string>} */ ({ pass: '符合', fail: '不符合', unknown: '待填写' });

/** @param {any} c */
function checkItem(c) {
  const li = el('li', { class: `check check-${c.status}`, data: { check: c.id, status: c.status } });
  li.append(el('span', { class: 'status-badge', text: CHECK_STATUS[c.status] || c.status }), ' ', el('strong', { text: c.text }));
  if (c.detail) li.append(el('p', { class: 'check-detail', text: c.detail }));
  const q = quoteEl(c.quote, c.cite);
  if (q) li.append(q);
  return li;
}

/** @param {HTMLElement} card @param {HTMLElement} box @param {any[]} list */
export function renderChecks(card, box, list) {
  card.hidden = list.length === 0;
  // A group heading is keyed as an item of its own, so the list stays one flat keyed sequence.
  /** @type {{k: string, sig: string, draw: () => HTMLElement}[]} */
  const items = [];
  let group = null;
  for (const c of list) {
    if (c.group !== group) {
      group = c.group;
      const g = String(group);
      items.push({ k: `group|${g}`, sig: g, draw: () => el('li', { class: 'check-group' }, el('h3', { text: g })) });
    }
    items.push({ k: `check|${c.id}`, sig: JSON.stringify(c), draw: () => checkItem(c) });
  }
  keyed(box, items, (x) => x.k, (x) => x.sig, (x) => x.draw());
}
