// Accessibility: an axe-core scan (npm axe-core, injected from node_modules, nothing shipped) of every
// embedded plan's page with a result shown, asserting no serious or critical violation. The whole
// document is scanned; where the page has tabs ([role=tab]) each tab's state is scanned too. The
// in-page alert (alerts.js) is scanned once on a simulated clock.
//
//   node --test tests/e2e/axe.test.mjs      (needs a built pkg/: scripts/build.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { open, portal, waitText } from './helpers.mjs';

const env = portal();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * One input per plan that gives a result (a grade, a level, a warning or a started procedure):
 * [field id, value] — a text box is filled, a radio (`fact-<id>-<value>`) clicked, a select chosen.
 */
const INPUT = {
  'jincheng-noncoal-mine': [['deaths', '5']],
  'jincheng-metallurgy-industry-trade': [['deaths', '5']],
  'jincheng-rural-biogas': [['deaths', '5']],
  'jincheng-hazardous-chemicals': [['deaths', '5']],
  'jincheng-cbm-surface-extraction': [['deaths', '5']],
  'jincheng-oil-gas-storage': [['deaths', '5']],
  'lvliang-special-equipment': [['deaths', '5']],
  'lvliang-food-safety': [['health_damage', 'serious']],
  'lvliang-heavy-pollution-weather': [['aqi-1', '260'], ['aqi-2', '260'], ['aqi-3', '260']],
  'lvliang-medical-reserve-allocation': [['request_time', '2026-12-07T08:00']],
  'ordos-production-safety': [['deaths', '5']],
  'ordos-noncoal-mine': [['deaths', '5']],
  'ordos-industry-trade': [['deaths', '5']],
  'ordos-meteorological-disaster': [['rain_fc_area_pct', '45'], ['rain_fc_mm', '60']],
};

/** @param {import('playwright-core').Page} page @param {string} id @param {string} value */
async function enter(page, id, value) {
  const radio = page.locator(`[id="fact-${id}-${value}"]`);
  if (await radio.count()) return radio.check({ force: true });
  const box = page.locator(`#fact-${id}`);
  const tag = await box.evaluate((n) => n.tagName);
  if (tag === 'SELECT') return box.selectOption(value);
  // A box inside a collapsed group: open the group first.
  await box.evaluate((n) => n.closest('details')?.setAttribute('open', ''));
  return box.fill(value);
}

/** Runs axe on the whole document; the serious and critical violations, each with its nodes. @param {import('playwright-core').Page} page */
async function scan(page) {
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 8).map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 240)}`) }));
  });
  return found;
}

const report = (/** @type {any[]} */ list) => list.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');

/** The whole page, then each tab of every tab list (if the page has tabs). @param {import('playwright-core').Page} page */
async function scanStates(page) {
  const all = [];
  for (const v of await scan(page)) all.push({ ...v, state: '整页' });
  const tabs = page.locator('[role="tab"]');
  for (let i = 0; i < (await tabs.count()); i++) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible())) continue;
    await tab.click();
    for (const v of await scan(page)) all.push({ ...v, state: `标签 ${await tab.textContent()}` });
  }
  return all;
}

for (const [plan, inputs] of Object.entries(INPUT)) {
  test(`axe: ${plan} with a result shown has no serious or critical violation`, async (t) => {
    const { page, check } = await open(env.browser, t, { origin: env.server.origin, url: env.server.url });
    await page.waitForSelector('[data-yingji-state="ready"]');
    if ((await page.locator('#plan').inputValue()) !== plan) await page.selectOption('#plan', plan);
    for (const [id, value] of inputs) await enter(page, id, value);
    // A result: a grade, a response level, or a started procedure in the banner.
    await page.waitForFunction(() => /级|已启动|重大|较大|一般/.test(document.querySelector('#banner')?.textContent || ''));
    const found = await scanStates(page);
    assert.deepEqual(found.map((v) => `${v.state}: ${v.id}`), [], `${plan}:\n${report(found)}`);
    check();
  });
}

test('axe: the in-page alert (T-10, simulated clock), wide and on a phone, has no serious or critical violation', async (t) => {
  const { page, check } = await open(env.browser, t, { origin: env.server.origin });
  await page.clock.install({ time: new Date('2026-12-07T08:00:00+08:00') });
  await page.goto(env.server.url);
  await page.waitForSelector('[data-yingji-state="ready"]');
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  await page.clock.fastForward('20:01');
  await page.waitForSelector('#alerts .alert');
  const found = await scan(page);
  assert.deepEqual(found.map((v) => v.id), [], report(found));
  // The same on a phone's width.
  await page.setViewportSize({ width: 390, height: 800 });
  const phone = await scan(page);
  assert.deepEqual(phone.map((v) => v.id), [], report(phone));
  check();
});

test('axe: the scan is live — a button without a name and grey-on-grey text are reported', async (t) => {
  const { page } = await open(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await page.waitForSelector('[data-yingji-state="ready"]');
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.className = 'axe-probe';
    document.querySelector('main')?.append(b);
    const p = document.createElement('p');
    p.textContent = '对比度不足的文字';
    p.setAttribute('class', 'hint');
    p.style.color = '#bbb';
    document.querySelector('main')?.append(p);
  });
  const ids = (await scan(page)).map((v) => v.id).sort();
  assert.deepEqual(ids, ['button-name', 'color-contrast']);
});
