// @ts-check
// The panels that depend on the plan alone: scope and exclusions, organisation, member units, tables
// and contacts. Drawn once per plan switch, never per keystroke.

import { planContactsEl } from './contacts.js';
import { citeEl, el, quoteEl } from './dom.js';

/**
 * The plan's scope and what it excludes, with a way to switch to the plan that applies instead.
 * @param {HTMLElement} box @param {any} sch @param {{id: string, title: string}[]} plans @param {(id: string) => void} usePlan
 */
export function renderScope(box, sch, plans, usePlan) {
  box.replaceChildren();
  const scope = sch.scope;
  if (scope && scope.quote) {
    const d = el('details', { class: 'scope' }, el('summary', { text: '适用范围' }));
    const q = quoteEl(scope.quote, scope.cite);
    if (q) d.append(q);
    box.append(d);
  }
  const exclusions = Array.isArray(sch.exclusions) ? sch.exclusions : [];
  if (!exclusions.length) return;
  const list = el('ul', { class: 'exclusions' });
  for (const x of exclusions) {
    const li = el('li', { class: 'exclusion' }, el('strong', { text: '不适用：' }), x.text || '', '。改用：', x.instead || '');
    const target = plans.find((p) => p.id === x.instead_plan);
    if (target) {
      const btn = el('button', { class: 'switch-plan', text: `切换到《${target.title}》`, attrs: { type: 'button' } });
      btn.addEventListener('click', () => usePlan(target.id));
      li.append(' ', btn);
    }
    const q = quoteEl(x.quote, x.cite);
    if (q) li.append(q);
    list.append(li);
  }
  box.append(list);
}

/** @param {HTMLElement} box @param {any} out a result of the plan (its static parts) */
export function renderOrganisation(box, out) {
  box.replaceChildren();
  const org = out.organisation;
  if (!org) return;
  for (const body of [org.command, org.office]) {
    if (!body) continue;
    const d = el('details', { class: 'org-body' }, el('summary', { text: body.name }));
    if (body.head) d.append(el('p', {}, el('strong', { text: '负责人：' }), body.head));
    if (body.deputies) d.append(el('p', {}, el('strong', { text: '副职：' }), body.deputies));
    if (Array.isArray(body.members) && body.members.length) d.append(el('p', {}, el('strong', { text: '成员单位：' }), body.members.join('、')));
    d.append(el('p', {}, el('strong', { text: '职责：' }), body.duties || ''));
    const c = citeEl(body.cite);
    if (c) d.append(c);
    box.append(d);
  }
  const units = Array.isArray(org.member_units) ? org.member_units : [];
  if (units.length) {
    const d = el('details', { class: 'org-body' }, el('summary', { text: `成员单位职责（${units.length}项）` }));
    const dl = el('dl', { class: 'unit-duties' });
    for (const u of units) {
      const dd = el('dd', { text: u.duties });
      const c = citeEl(u.cite);
      if (c) dd.append(' ', c);
      dl.append(el('dt', { text: u.unit }), dd);
    }
    d.append(dl);
    box.append(d);
  }
  for (const t of Array.isArray(out.tables) ? out.tables : []) {
    const d = el('details', { class: 'org-body plan-table' }, el('summary', { text: t.title }));
    const table = el('table', { class: 'contacts' });
    table.append(el('tr', {}, ...(t.columns || []).map((/** @type {string} */ c) => el('th', { text: c }))));
    for (const row of t.rows || []) table.append(el('tr', {}, ...row.map((/** @type {string} */ c) => el('td', { text: c }))));
    // A table from another document says so before its rows, and its citation names that document.
    if (t.source_document) d.append(el('p', { class: 'hint other-source', text: `来源：${t.source_document}——不是本预案的内容，仅供对照。` }));
    d.append(table);
    const c = citeEl(t.cite);
    if (c) d.append(t.source_document ? el('p', { class: 'task-cite' }, `${t.source_document} `, c) : c);
    box.append(d);
  }
  const contacts = Array.isArray(out.contacts) ? out.contacts : [];
  // Each number a tel: link with 复制; a local number without its area code gets the city's (said so).
  if (contacts.length) box.append(planContactsEl(contacts, (out.plan || {}).city));
}
