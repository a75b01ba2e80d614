// Issue 16 items 2, 3, 7, 8 on the page: the 核对清单 card (医药储备 管理办法 requirements; whether a
// pollution warning may be lifted, with the two readings shown), the finder reading a boundary word,
// and the working-day clock naming the holiday calendar it used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open as openPage, openGroups, portal, showTab, waitState, waitText } from './helpers.mjs';

const env = portal();

async function choose(page, plan) {
  await page.selectOption('#plan', plan);
  await page.waitForFunction((p) => document.querySelector('#plan').value === p, plan);
  await openGroups(page);
  await showTab(page, 'tasks'); // the checks are under 任务
}

const status = (page, id) => page.locator(`#checks li.check[data-check="${id}"]`).getAttribute('data-status');

test('reserve management checks: 4000 m² and 70% on both sides, loss-making refused', async (t) => {
  const { page, check } = await openPage(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await waitState(page, '#app', 'ready');
  await choose(page, 'lvliang-medical-reserve-allocation');
  await waitText(page, '#checks', '库房4000平米以上');
  assert.equal(await status(page, 'warehouse-4000'), 'unknown');
  assert.match(await page.locator('#checks li[data-check="warehouse-4000"]').innerText(), /待填写/);

  await page.fill('#fact-warehouse_area', '3999');
  await page.waitForFunction(() => document.querySelector('#checks li[data-check="warehouse-4000"]')?.dataset.status === 'fail');
  await page.fill('#fact-warehouse_area', '4000');
  await page.waitForFunction(() => document.querySelector('#checks li[data-check="warehouse-4000"]')?.dataset.status === 'pass');

  await page.fill('#fact-plan_total', '100');
  await page.fill('#fact-stock_total', '69');
  await page.waitForFunction(() => document.querySelector('#checks li[data-check="stock-70-percent"]')?.dataset.status === 'fail');
  assert.match(await page.locator('#checks li[data-check="stock-70-percent"]').innerText(), /69%/);
  await page.fill('#fact-stock_total', '70');
  await page.waitForFunction(() => document.querySelector('#checks li[data-check="stock-70-percent"]')?.dataset.status === 'pass');

  await page.check('#fact-loss_making-yes');
  await page.waitForFunction(() => document.querySelector('#checks li[data-check="not-loss-making"]')?.dataset.status === 'fail');
  assert.match(await page.locator('#checks li[data-check="not-loss-making"]').innerText(), /亏损企业不得承担医药储备任务/);
  check();
});

test('lifting a pollution warning: allowed at AQI 150 for 36 h, not at 151; readings shown', async (t) => {
  const { page, check } = await openPage(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await waitState(page, '#app', 'ready');
  await choose(page, 'lvliang-heavy-pollution-weather');
  await page.selectOption('#fact-warning_in_force', 'orange');
  await page.fill('#fact-lift_aqi', '150');
  await page.fill('#fact-lift_hours', '36');
  await page.waitForFunction(() => document.querySelector('#checks li[data-check="lift-allowed"]')?.dataset.status === 'pass');
  await showTab(page, 'why');
  const why = await page.locator('#why-body').innerText();
  assert.match(why, /HJ 633/);
  assert.match(why, /含36小时/);
  await showTab(page, 'tasks');
  await page.fill('#fact-lift_aqi', '151');
  await page.waitForFunction(() => document.querySelector('#checks li[data-check="lift-allowed"]')?.dataset.status === 'fail');
  check();
});

test('the finder reads 下游 as a boundary and finds 大雪', async (t) => {
  const { page, check } = await openPage(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await waitState(page, '#app', 'ready');
  await page.fill('#find-text', '一级加压站下游的煤层气长输管道泄漏');
  const cbm = page.locator('#find-results li[data-plan="jincheng-cbm-surface-extraction"]');
  await cbm.waitFor();
  assert.equal(await cbm.getAttribute('data-status'), 'excluded');
  assert.match(await cbm.innerText(), /一级加压站及以内/);
  await page.fill('#find-text', '大雪');
  await page.locator('#find-results li[data-plan="ordos-meteorological-disaster"]').waitFor();
  check();
});
