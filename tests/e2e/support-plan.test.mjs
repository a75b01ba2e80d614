// A support procedure without grades or response levels (吕梁市市级医药储备调拨应急预案, issue 5): the
// page says what it is and whether it has started instead of showing a grade or a level, computes the
// loading clock from the notice time, lists the approval stages as checklist steps, and prints the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open as openPage, openGroups, portal, showTab, waitState, waitText } from './helpers.mjs';

const PLAN = 'lvliang-medical-reserve-allocation';
const env = portal();

/** China time `minutes` from now as `YYYY-MM-DDTHH:MM` (what a datetime-local field holds). */
function chinaLocal(ms) {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
}

/** How the engine shows a due time: `HH:MM` today (China time), else `M月D日 HH:MM`. */
function dueDisplay(dueMs, nowMs) {
  const due = chinaLocal(dueMs);
  const today = chinaLocal(nowMs).slice(0, 10);
  if (due.slice(0, 10) === today) return due.slice(11);
  return `${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日 ${due.slice(11)}`;
}

test('medicine reserve allocation: support header, loading clock from the notice time, approval steps', async (t) => {
  const { page, check } = await openPage(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await waitState(page, '#app', 'ready');
  await page.selectOption('#plan', PLAN);
  await page.waitForFunction((p) => document.querySelector('#plan').value === p, PLAN);
  await openGroups(page);

  // Not started yet: a support procedure, no grade banner, no "未达到分级标准".
  await waitText(page, '#grade', '支持性程序');
  await waitText(page, '#response-level', '尚未启动');
  const banner = await page.locator('#banner').innerText();
  for (const bad of ['一般', 'Ⅲ级', '未达到分级标准', '未达到响应条件']) assert.ok(!banner.includes(bad), `banner shows ${bad}: ${banner}`);
  assert.match(await page.locator('#response-who').innerText(), /市领导组/);

  // The request came in 90 minutes ago, the notice was issued an hour ago.
  const now = Date.now();
  const minute = 60_000;
  const notice = Math.floor((now - 60 * minute) / minute) * minute;
  await page.fill('#fact-request_time', chinaLocal(now - 90 * minute));
  await page.fill('#fact-notice_time', chinaLocal(notice));
  await waitText(page, '#response-level', '已启动市级医药储备调拨响应');

  // Loading within 4 h of the notice: a clock time, pending.
  const load = page.locator('#deadlines li.deadline[data-id="load-4h"]');
  await waitText(page, '#deadlines li.deadline[data-id="load-4h"] .clock', dueDisplay(notice + 240 * minute, Date.now()));
  assert.equal(await load.getAttribute('data-status'), 'pending');
  // Without a loading-finished time, the latest delivery is notice + 8 h, and it says so.
  const latest = page.locator('#deadlines li.deadline[data-id="deliver-latest"]');
  assert.equal(await latest.locator('.clock').innerText(), dueDisplay(notice + 480 * minute, Date.now()));
  // The working-day limit of the 工作程序 is a day clock to 24:00, with its caveat, marked as a conflict.
  const wd = page.locator('#deadlines li.deadline[data-id="review-working-day"]');
  assert.match(await wd.locator('.clock').innerText(), /24:00$/);
  assert.match(await wd.innerText(), /法定节假日/);
  assert.match(await wd.innerText(), /冲突/);

  // The approval stages are checklist steps with who acts; ticking one is kept.
  await showTab(page, 'tasks');
  const step = page.locator('#tasks li', { hasText: '经市领导组副组长、组长批准后' });
  await step.waitFor();
  assert.match(await step.innerText(), /副组长.*组长/);
  await step.locator('input.tick').check();
  assert.equal(await step.locator('input.tick').isChecked(), true);

  // The grade of the incident served and a shortfall decide who asks the province.
  await page.selectOption('#fact-incident_grade', 'major');
  await page.check('#fact-city_insufficient-yes');
  await waitText(page, '#tasks', '由市人民政府向省工信厅提出申请');

  // The why panel explains the start, not a grade; the conflicts are notes.
  await showTab(page, 'why');
  const why = await page.locator('#why-body').innerText();
  assert.equal(await page.locator('#why-grade').count(), 0);
  assert.equal(await page.locator('#why-activation').count(), 1);
  assert.match(why, /原文歧义/);
  assert.match(why, /三个工作日/);

  // Printed: the support header, no grade.
  await page.emulateMedia({ media: 'print' });
  const report = await page.locator('#report').innerText();
  assert.match(report, /支持性程序/);
  assert.ok(!report.includes('未达到分级标准'), report);
  await page.emulateMedia({ media: 'screen' });
  check();
});

test('<yingji-panel> with the support procedure: no grade banner, who starts it', async (t) => {
  const { page, check } = await openPage(env.browser, t, { origin: env.server.origin, url: `${env.server.origin}/www/embed.html` });
  await waitState(page, '#panel', 'ready');
  await page.evaluate((p) => document.querySelector('#panel').setAttribute('plan', p), PLAN);
  await waitState(page, '#panel', 'ready');
  await page.waitForFunction(() => (document.querySelector('#panel').shadowRoot || document.querySelector('#panel')).textContent.includes('支持性程序'));
  const text = await page.evaluate(() => (document.querySelector('#panel').shadowRoot || document.querySelector('#panel')).textContent);
  assert.ok(!text.includes('未达到分级标准'), text);
  assert.match(text, /市领导组/);
  check();
});
