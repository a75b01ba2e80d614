// A forecast plan in the page: the series fact is one number box per day (add/remove day), the
// computed warning shows in the warnings card with its colour, the criterion that reached it and its
// citation, a threshold is checked on both sides, bad days are named, and reload keeps the forecast.
//
//   node --test tests/e2e/forecast.test.mjs   (after scripts/build.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, portal, waitState, waitText } from './helpers.mjs';

const PLAN = 'lvliang-heavy-pollution-weather';

const env = portal();

async function ready(page) {
  await waitState(page, '#app', 'ready');
  if ((await page.locator('#plan').inputValue()) !== PLAN) await page.selectOption('#plan', PLAN);
  await page.waitForSelector('#fact-aqi-1');
}

/** Types one AQI value per day, adding day boxes as needed. */
async function typeForecast(page, values) {
  for (let i = 0; i < values.length; i += 1) {
    if (!(await page.locator(`#fact-aqi-${i + 1}`).count())) await page.click('#series-add-aqi');
    await page.fill(`#fact-aqi-${i + 1}`, String(values[i]));
  }
}

const warningTitle = (page) => page.locator('#warnings section[data-hazard="pollution"]');

test('a typed AQI forecast gives the warning, its colour, basis and response; 200/201 on both sides', async (t) => {
  const { page, check } = await open(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await ready(page);
  // Three day boxes to start with, labelled by day.
  assert.equal(await page.locator('input[data-series="aqi"]').count(), 3);
  assert.equal(await page.locator('label[for="fact-aqi-2"]').textContent(), '第2天');

  // L936: ">200 持续48小时及以上" — two days at exactly 200 are not above 200: no warning.
  await typeForecast(page, [200, 200]);
  await waitText(page, '#warnings', '未达到预警级别');
  assert.equal(await warningTitle(page).getAttribute('data-level'), 'none');

  // 201 on both days: yellow, Ⅲ级响应, the criterion quoted with its line.
  await typeForecast(page, [201, 201]);
  await waitText(page, '#warnings', '黄色');
  assert.equal(await warningTitle(page).getAttribute('data-level'), 'yellow');
  assert.ok(await page.locator('#warnings section.warn-yellow').count(), 'the warning is drawn yellow');
  await waitText(page, '#warnings', '连续2天及以上');
  await waitText(page, '#warnings', '936');
  await waitText(page, '#response-level', 'Ⅲ级响应');

  // A fourth and fifth day: >200 for 4 days with >300 on two of them → red (L938).
  await typeForecast(page, [201, 301, 301, 201]);
  await waitText(page, '#warnings', '红色');
  assert.equal(await warningTitle(page).getAttribute('data-level'), 'red');
  await waitText(page, '#response-level', 'Ⅰ级响应');
  // The plan grades nothing: the banner shows the computed warning level instead of a grade.
  await waitText(page, '#grade', '一级（红色）预警');
  await waitText(page, '#banner', '预警级别');
  // Exactly 300 on the third day: only one day above 300 → orange.
  await page.fill('#fact-aqi-3', '300');
  await waitText(page, '#warnings', '橙色');
  assert.equal(await warningTitle(page).getAttribute('data-level'), 'orange');

  // Remove a day: the fourth box goes and the run is three days → still orange (L937).
  await page.click('#series-remove-aqi');
  assert.equal(await page.locator('input[data-series="aqi"]').count(), 3);
  await waitText(page, '#response-level', 'Ⅱ级响应');

  // Reload keeps the forecast, day by day.
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('input[data-series="aqi"]').count(), 3);
  assert.deepEqual(
    await page.$$eval('input[data-series="aqi"]', (n) => n.map((x) => x.value)),
    ['201', '301', '300'],
  );
  await waitText(page, '#warnings', '橙色');
  check();
});

test('a blank day before a filled one is named, and the 7-day horizon caps the boxes', async (t) => {
  const { page, check } = await open(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await ready(page);
  await page.fill('#fact-aqi-3', '250');
  await waitText(page, '#error-aqi', '第1天未填写');
  await page.fill('#fact-aqi-1', '100');
  await page.fill('#fact-aqi-2', '100');
  await page.waitForFunction(() => document.querySelector('#error-aqi')?.hidden === true);
  for (let i = 0; i < 10; i += 1) {
    if (await page.locator('#series-add-aqi').isDisabled()) break;
    await page.click('#series-add-aqi');
  }
  assert.equal(await page.locator('input[data-series="aqi"]').count(), 7);
  assert.equal(await page.locator('#series-add-aqi').isDisabled(), true);
  check();
});

test('<yingji-panel> with the forecast plan says where the day-by-day forecast is entered', async (t) => {
  const { page, check } = await open(env.browser, t, { origin: env.server.origin, url: `${env.server.origin}/www/embed.html` });
  await waitState(page, '#panel', 'ready');
  await page.evaluate((p) => document.querySelector('#panel').setAttribute('plan', p), PLAN);
  await waitState(page, '#panel', 'ready');
  const text = () => page.evaluate(() => (document.querySelector('#panel').shadowRoot || document.querySelector('#panel')).textContent);
  await page.waitForFunction(() => (document.querySelector('#panel').shadowRoot || document.querySelector('#panel')).textContent.includes('逐日预报请在完整页面'));
  assert.match(await text(), /AQI日均值预报：逐日预报请在完整页面/);
  check();
});
