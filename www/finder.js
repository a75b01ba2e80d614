// @ts-check
// The plan finder (moved out of app.js): a city and a few words → the candidate plans, each with why
// it applies, yields to a special plan or is excluded, its quoted basis, and a button to use it.

import { el, quoteEl } from './dom.js';
import { errText } from './engine.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const FIND_STATUS = /** @type {Record<string, string>} */ ({ applies: '适用', yields: '应改用专项预案', excluded: '不适用' });

/**
 * The plan finder: city + words → candidate plans with the reason, each one a click away.
 * @param {{engine: any, plans: {id: string, title: string, city: string}[], use: (id: string) => unknown}} ctx
 */
export function setupFinder(ctx) {
  const city = /** @type {HTMLSelectElement} */ ($('find-city'));
  city.replaceChildren(el('option', { text: '全部城市', attrs: { value: '' } }), ...[...new Set(ctx.plans.map((p) => p.city))].map((c) => el('option', { text: c, attrs: { value: c } })));
  const text = /** @type {HTMLInputElement} */ ($('find-text'));
  const run = () => renderFound(ctx, text.value.trim(), city.value);
  text.addEventListener('input', run);
  city.addEventListener('change', run);
}

/** @param {Parameters<typeof setupFinder>[0]} ctx @param {string} text @param {string} city */
function renderFound(ctx, text, city) {
  const box = $('find-results');
  box.replaceChildren();
  if (!text && !city) return;
  let found;
  try {
    found = ctx.engine.find(text, city);
  } catch (e) {
    box.append(el('li', { class: 'field-error', text: errText(e) }));
    return;
  }
  if (!found.length) {
    box.append(el('li', { class: 'empty', text: '没有找到适用的预案，请换个说法（如事故类型、设施、物质名称），或直接在下方选择预案。' }));
    return;
  }
  const titles = new Map(ctx.plans.map((p) => [p.id, p.title]));
  for (const c of found) {
    const li = el('li', { class: `found found-${c.status}`, data: { plan: c.plan.id, status: c.status } });
    li.append(el('strong', { text: c.plan.title }), ' ', el('span', { class: 'badge', text: FIND_STATUS[c.status] || c.status }), el('p', { text: c.reason }));
    const q = quoteEl(c.quote, c.cite);
    if (q) li.append(q);
    const target = c.status === 'applies' ? c.plan.id : c.go_to;
    if (target && titles.has(target)) {
      const btn = el('button', { class: 'use-plan', text: c.status === 'applies' ? '使用此预案' : `改用《${titles.get(target)}》`, attrs: { type: 'button' } });
      btn.addEventListener('click', () => ctx.use(target));
      li.append(btn);
    }
    box.append(li);
  }
}
