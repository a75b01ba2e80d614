// A forecast plan in the page: the series fact is one number box per day (add/remove day), the
// computed warning shows in the warnings card with its colour, the criterion that reached it and its
// citation, a threshold is checked on both sides, bad days are named, and reload keeps the forecast.
//
//   node --test tests/e2e/forecast.test.mjs   (after scripts/build.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, portal, showTab, waitState, waitText } from './helpers.mjs';

const PLAN = 'lvliang-heavy-pollution-weather';

const env = portal();

async function ready(page) {
  await waitState(page, '#app', 'ready');
  if ((await page.locator('#plan').inputValue()) !== PLAN) await page.selectOption('#plan', PLAN);
  await page.waitForSelector('#fact-aqi-1');
  await showTab(page, 'warnings');
}

/** Types one AQI value per day, adding day boxes as needed. */
async function typeForecast(page, values) {
  for (let i = 0; i < values.length; i += 1) {
    if (!(await page.locator(`#fact-aqi-${i + 1}`).count())) await page.click('#series-add-aqi');
    await page.fill(`#fact-aqi-${i + 1}`, String(values[i]));
  }
}

const warningTitle = (page) => page.locator('#warnings section[data-hazard="pollution"]');

/** The banner's colour class: g1 red, g2 orange, g3 yellow, g4 blue, g0 grey. */
const bannerColour = (page) => page.evaluate(() => [...document.getElementById('banner').classList].find((c) => /^g[0-4]$/.test(c)));

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
  assert.equal(await bannerColour(page), 'g0', 'no warning: the banner stays grey');

  // 201 on both days: yellow, Ⅲ级响应, the criterion quoted with its line.
  await typeForecast(page, [201, 201]);
  await waitText(page, '#warnings', '黄色');
  assert.equal(await warningTitle(page).getAttribute('data-level'), 'yellow');
  assert.ok(await page.locator('#warnings section.warn-yellow').count(), 'the warning is drawn yellow');
  await page.waitForFunction(() => document.getElementById('banner').classList.contains('g3'));
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
  assert.equal(await bannerColour(page), 'g1', 'a red warning colours the banner red');
  await waitText(page, '#banner', '预警级别');
  // Exactly 300 on the third day: only one day above 300 → orange.
  await page.fill('#fact-aqi-3', '300');
  await waitText(page, '#warnings', '橙色');
  assert.equal(await warningTitle(page).getAttribute('data-level'), 'orange');
  await page.waitForFunction(() => document.getElementById('banner').classList.contains('g2'));

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

test('a list pasted into one day box fills the days; an invalid intermediate input writes nothing to the log', async (t) => {
  const { page, check } = await open(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await ready(page);
  // Typed key by key into the first box: "180," already means a list, never one merged number.
  await page.locator('#fact-aqi-1').pressSequentially('180, 230, 260, 310, 280, 190', { delay: 15 });
  await page.waitForFunction(() => document.querySelectorAll('input[data-series="aqi"]').length === 6);
  assert.deepEqual(await page.$$eval('input[data-series="aqi"]', (n) => n.map((x) => x.value.trim())), ['180', '230', '260', '310', '280', '190']);
  await waitText(page, '#response-level', '响应');
  // One value per line, pasted into the second box, replaces from there on.
  await page.locator('#fact-aqi-2').evaluate((box) => {
    const data = new DataTransfer();
    data.setData('text/plain', '100\n100\n');
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('#fact-aqi-3').value === '100');
  assert.equal(await page.inputValue('#fact-aqi-1'), '180');

  // A day the page cannot read: the result is stale and nothing of it reaches the log or 情况变化.
  const before = await page.locator('#log').innerText();
  await page.fill('#fact-aqi-4', '三百');
  await page.locator('#error-aqi').waitFor({ state: 'visible' });
  assert.match(await page.locator('#error-aqi').innerText(), /“三百”/);
  await page.waitForTimeout(1800); // past the log's pause in typing
  assert.equal(await page.locator('#log').innerText(), before, 'an invalid input records nothing');
  check();
});
