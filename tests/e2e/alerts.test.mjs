// End-to-end on a simulated clock (playwright's page.clock): the tab title counting down, the in-page
// alert at T-10 and when overdue (once each, not again after a reload), a marked report never
// alerting, and the three SVG pictures with the right marks for a known input.
//
//   node --test tests/e2e/alerts.test.mjs      (needs a built pkg/: scripts/build.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, open, portal, showTab, waitText } from './helpers.mjs';

const env = portal();
const OUT = join(REPO, 'test-output');
const START = new Date('2026-12-07T08:00:00+08:00');

/** The page at 08:00 China time on the 晋城 non-coal mine plan with 5 deaths (incident time prefilled 08:00). */
async function mine(t, init) {
  const o = await open(env.browser, t, { origin: env.server.origin, init });
  await o.page.clock.install({ time: START });
  await o.page.goto(env.server.url);
  await o.page.waitForSelector('[data-yingji-state="ready"]');
  await o.page.selectOption('#plan', 'jincheng-noncoal-mine');
  await o.page.fill('#fact-deaths', '5');
  await waitText(o.page, '#grade', '较大');
  return o;
}

// A stand-in for the browser's Notification that records what the page asks and shows.
const FAKE_NOTIFICATION = `
  globalThis.__asked = 0; globalThis.__shown = [];
  globalThis.Notification = class { constructor(title, o) { globalThis.__shown.push([title, o.body, o.tag]); } };
  Notification.permission = 'default';
  Notification.requestPermission = async () => { globalThis.__asked += 1; Notification.permission = 'granted'; return 'granted'; };
`;

const alerts = (page) => page.$$eval('#alerts .alert', (ns) => ns.map((n) => ({ role: n.getAttribute('role'), id: n.dataset.deadline, kind: n.dataset.kind, text: n.textContent })));

test('title counts down; T-10 and overdue alerts fire once each; a reload does not re-fire; a marked report never alerts', async (t) => {
  // Notifications allowed (a stand-in records them): every alert fired shows up there too.
  const { page, check } = await mine(t, FAKE_NOTIFICATION.replace("permission = 'default'", "permission = 'granted'"));
  await page.waitForFunction(() => document.title.startsWith('[30分] 报告 → 原接报单位'));
  await page.clock.fastForward('19:30'); // 08:19:30
  await page.waitForFunction(() => document.title.startsWith('[11分]'));
  assert.deepEqual(await alerts(page), [], 'no alert 10 min 30 s before');

  await page.clock.fastForward('00:31'); // 08:20:01
  await page.waitForSelector('#alerts .alert');
  let now = await alerts(page);
  assert.deepEqual(now.map((a) => [a.role, a.id, a.kind]), [['alert', 'written-30min', 'soon']]);
  assert.match(now[0].text, /报告时限还剩10分钟（08:30）/);
  assert.match(now[0].text, /原接报单位/);
  assert.equal(await page.title(), '[10分] 报告 → 原接报单位 · 应急预案助手');
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, 'alerts-t10.png') });
  await page.click('#alerts .alert-dismiss');
  assert.deepEqual(await alerts(page), [], '知道了 takes it away');

  // Reload: the T-10 that fired is remembered for this incident.
  await page.reload();
  await page.waitForSelector('[data-yingji-state="ready"]');
  await waitText(page, '#grade', '较大');
  await page.clock.fastForward('00:02');
  assert.deepEqual(await alerts(page), [], 'a reload does not fire the T-10 again');

  // Mark the 09:00 report as made; then 08:30 passes: overdue alert for the 08:30 one only.
  await page.click('#deadlines li[data-id="unit-1h"] .mark-done');
  await page.waitForSelector('#deadlines li[data-id="unit-1h"] .done-mark');
  await page.clock.fastForward('10:00'); // 08:30:0x
  await page.waitForSelector('#alerts .alert[data-kind="overdue"]');
  now = await alerts(page);
  assert.deepEqual(now.map((a) => [a.id, a.kind]), [['written-30min', 'overdue']]);
  assert.match(now[0].text, /报告已超时（时限08:30）/);
  await page.waitForFunction(() => document.title.startsWith('[已超时] 报告 → 原接报单位') || document.title.startsWith('[超时'));
  await page.screenshot({ path: join(OUT, 'alerts-overdue.png') });
  // 标记已报告 in the alert marks the row (logged like the row's own button) and takes the alert away.
  await page.click('#alerts .alert[data-deadline="written-30min"] .alert-mark');
  await page.waitForSelector('#deadlines li[data-id="written-30min"] .done-mark');
  assert.deepEqual(await alerts(page), []);
  await waitText(page, '#log', '→ 原接报单位（');

  // 09:00 passes with the 1-hour report marked: nothing for it, at T-10 or overdue.
  await page.clock.fastForward('35:00'); // 09:05
  await page.clock.fastForward('00:02');
  assert.deepEqual((await alerts(page)).map((a) => a.id).filter((id) => id === 'unit-1h'), [], 'a marked report does not alert');
  const tags = await page.evaluate(() => globalThis.__shown.map((n) => n[2].split('|').slice(0, 2).join('|')));
  assert.deepEqual(tags, ['written-30min|overdue'], 'fired since the reload: only the overdue 08:30 report');

  // The 10:00 report at 09:50: its alert carries the number to call.
  await page.clock.fastForward('45:01'); // 09:50:0x
  await page.waitForSelector('#alerts .alert[data-deadline="larger-2h"]');
  const phone = await page.$eval('#alerts .alert[data-deadline="larger-2h"]', (n) => [n.textContent, n.querySelector('a[href^="tel:"]')?.getAttribute('href')]);
  assert.match(phone[0], /报告时限还剩10分钟（10:00）/);
  assert.match(String(phone[1]), /^tel:0356/);
  check();
});

test('the desktop notification is asked for only on a click of 开启桌面提醒, then shown at T-10', async (t) => {
  const o = await open(env.browser, t, { origin: env.server.origin, init: FAKE_NOTIFICATION });
  const { page, check } = o;
  await page.clock.install({ time: START });
  await page.goto(env.server.url);
  await page.waitForSelector('[data-yingji-state="ready"]');
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  assert.equal(await page.evaluate(() => globalThis.__asked), 0, 'not asked on load or on typing');
  const btn = page.locator('.notify-enable');
  assert.equal(await btn.textContent(), '开启桌面提醒');
  await btn.click();
  assert.equal(await page.evaluate(() => globalThis.__asked), 1);
  await page.waitForSelector('.notify-enable', { state: 'hidden' });
  await waitText(page, '.notify-state', '桌面提醒已开启');
  await page.clock.fastForward('20:01');
  await page.waitForFunction(() => globalThis.__shown.length > 0);
  const shown = await page.evaluate(() => globalThis.__shown);
  assert.deepEqual(shown.map((n) => n[0]), ['报告时限还剩10分钟（08:30）']);
  assert.match(shown[0][1], /→ 原接报单位/);
  assert.equal(await page.locator('#alerts .alert').count(), 1, 'the in-page alert is shown as well');
  check();
});

test('an alert another tab fired shows in this tab too, without a second tone or notification', async (t) => {
  const { page, context, check } = await mine(t, FAKE_NOTIFICATION.replace("permission = 'default'", "permission = 'granted'"));
  const other = await context.newPage();
  await other.goto(env.server.url);
  await other.waitForSelector('[data-yingji-state="ready"]');
  await waitText(other, '#grade', '较大');
  // At 08:00 nothing is due here; the other tab writes that it fired the T-10 of the 08:30 report.
  await other.evaluate(() => {
    const db = JSON.parse(localStorage.getItem('yingji:v1:incidents:v1') || '{}');
    const key = `written-30min|soon|${new Date(Date.parse('2026-12-07T08:30:00+08:00')).toISOString()}`;
    localStorage.setItem('yingji:v1:alerts-fired', JSON.stringify({ [db.current]: [key] }));
  });
  await page.waitForSelector('#alerts .alert[data-deadline="written-30min"][data-kind="soon"]');
  assert.deepEqual(await page.evaluate(() => globalThis.__shown), [], 'no second notification');
  assert.equal(await other.locator('#alerts .alert').count(), 0, 'the writing tab itself does not show it (its own check would have)');
  check();
});

test('the three pictures: timeline marks, AQI forecast against the 200/300/500 lines, band bars', async (t) => {
  const { page, check } = await mine(t);
  await page.clock.fastForward('35:00'); // 08:35: the 30-minute report is overdue (the 30 s refresh redraws)
  await page.waitForSelector('#deadline-timeline svg .mark-overdue');
  const tl = await page.$eval('#deadline-timeline svg', (s) => ({
    role: s.getAttribute('role'),
    label: s.getAttribute('aria-label'),
    marks: [...s.querySelectorAll('.mark')].map((g) => [g.getAttribute('data-id'), g.getAttribute('data-state'), g.querySelector('text').textContent]),
    now: !!s.querySelector('.now-line'),
  }));
  assert.equal(tl.role, 'img');
  assert.match(tl.label, /^报告时限时间轴：现在 08:3/);
  assert.deepEqual(tl.marks, [['written-30min', 'overdue', '08:30'], ['unit-1h', 'pending', '09:00'], ['larger-2h', 'pending', '10:00']]);
  assert.ok(tl.now);
  await page.locator('#deadline-timeline').screenshot({ path: join(OUT, 'svg-timeline.png') });

  await showTab(page, 'why');
  const bars = await page.$$eval('#why-grade svg.band-svg', (ss) =>
    ss.map((s) => ({ id: s.dataset.criterion, label: s.getAttribute('aria-label'), segs: [...s.querySelectorAll('.seg')].map((g) => g.getAttribute('data-grade')), marker: s.querySelector('.band-marker')?.getAttribute('data-value'), closed: [...s.querySelectorAll('.end')].map((c) => `${c.getAttribute('data-value')}${c.getAttribute('data-closed') === 'true' ? '●' : '○'}`) })),
  );
  const deaths = bars.find((b) => b.id === 'deaths');
  // '': below the 一般 band, whose lower bound 0 is open (为0时不计).
  assert.deepEqual(deaths.segs, ['', '一般', '较大', '重大', '特别重大']);
  assert.equal(deaths.marker, '5');
  assert.deepEqual(deaths.closed, ['0○', '3○', '3●', '10○', '10●', '30○', '30●']);
  assert.match(deaths.label, /本次：5人，位于较大档（3人以上10人以下\(含3人,不含10人\)）/);
  assert.equal(bars.length, 3, 'deaths, injuries, loss');
  await page.locator('#why').screenshot({ path: join(OUT, 'svg-bands.png') });

  await page.selectOption('#plan', 'lvliang-heavy-pollution-weather');
  await page.fill('#fact-aqi-1', '180');
  await page.fill('#fact-aqi-2', '260');
  await page.fill('#fact-aqi-3', '320');
  await showTab(page, 'warnings');
  await page.waitForSelector('#aqi-chart svg');
  const aqi = await page.$eval('#aqi-chart svg', (s) => ({
    label: s.getAttribute('aria-label'),
    lines: [...s.querySelectorAll('.warn-line')].map((g) => g.getAttribute('data-value')),
    days: [...s.querySelectorAll('.aqi-day')].map((g) => [g.getAttribute('data-value'), g.classList.contains('over')]),
  }));
  assert.deepEqual(aqi.lines, ['200', '300', '500']);
  assert.deepEqual(aqi.days, [['180', false], ['260', true], ['320', true]]);
  assert.match(aqi.label, /第1天 180，第2天 260，第3天 320/);
  assert.equal(await page.$eval('#aqi-chart', (b) => b.closest('#warnings-card') !== null), true, 'in the 预警措施 card');
  await page.locator('#warnings-card').screenshot({ path: join(OUT, 'svg-aqi.png') });
  check();
});
