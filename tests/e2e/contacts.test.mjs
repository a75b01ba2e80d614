// Numbers that can be called, the local 值班通讯录 and the next deadline in the tab title (issue 15):
// the plan's printed numbers as tel: links with the city's area code added and said, 复制 with and
// without the clipboard API, the addressee's number in a deadline row (a local row overriding the
// plan's, kept over a reload, edited, deleted, exported and imported as CSV), the proposer's number in
// the summary, and the tab title and the 北京时间 clock under a simulated clock in another time zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { open as openPage, portal, showTab, waitState, waitText } from './helpers.mjs';

const env = portal();

async function open(t, opts = {}) {
  const r = await openPage(env.browser, t, { origin: env.server.origin, ...opts });
  if (opts.before) await opts.before(r.page);
  await r.page.goto(env.server.url);
  await waitState(r.page, '#app', 'ready');
  await showTab(r.page, 'contacts'); // the plan's contacts and the local book
  return r;
}

async function plan(page, id) {
  await page.selectOption('#plan', id);
  await page.waitForFunction((p) => document.querySelector('#plan').value === p, id);
}

const row = (page, unit) => page.locator('#contacts tr', { has: page.locator('td:first-child', { hasText: unit }) });
const dl = (page, id) => page.locator(`#deadlines li.deadline[data-id="${id}"]`);
/** The units and tel: links a deadline row names: [[unit, local, hrefs…], …]. */
const calls = (page, id) =>
  dl(page, id).evaluate((li) => [...li.querySelectorAll('.call-unit')].map((u) => [u.querySelector('.call-name').textContent, u.dataset.local, ...[...u.querySelectorAll('a.tel')].map((a) => a.getAttribute('href'))]));

test('the plan contacts: each number a tel: link, the city code added and said; the printed text kept; 复制 copies', async (t) => {
  const { page, context, check } = await open(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await plan(page, 'jincheng-noncoal-mine');
  await waitText(page, '#contacts', '区号0356为本产品按预案所属城市补全');
  await page.click('#contacts > summary');
  const r = row(page, '市委值班室');
  assert.deepEqual(await r.locator('a.tel').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent])), [['tel:03562062298', '0356-2062298']]);
  // The fax beside it: shown with the code, copyable, not a call.
  assert.equal(await r.locator('.tel.fax').innerText(), '0356-2198332');
  assert.equal(await r.locator('td.printed').innerText(), '2062298 (传真 2198332)');
  // A number printed with its code keeps it.
  assert.deepEqual(await row(page, '省政府值班室').locator('a.tel').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['tel:03513046678']);

  await r.locator('button.copy-tel').first().click();
  await waitText(page, '#contacts', '已复制');
  assert.equal(await r.locator('button.copy-tel').first().innerText(), '已复制');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '0356-2062298');

  // 鄂尔多斯: the seed's em dash read as a dash; a local number gets 0477.
  await plan(page, 'ordos-production-safety');
  // The new plan's table is drawn after the switch's paint: until then #contacts is the last plan's.
  await waitText(page, '#contacts', '区号0477为本产品按预案所属城市补全');
  await page.click('#contacts > summary');
  assert.deepEqual(await page.locator('#contacts a.tel').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent])), [
    ['tel:04778589622', '0477-8589622'],
    ['tel:04778580311', '0477-8580311'],
  ]);
  check();
});

test('without the clipboard API, 复制 selects the number so it can be copied by hand', async (t) => {
  const init = `Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });`;
  const { page, check } = await open(t, { init });
  await plan(page, 'jincheng-noncoal-mine');
  await waitText(page, '#contacts', '区号0356为本产品按预案所属城市补全');
  await page.click('#contacts > summary');
  const btn = row(page, '市政府值班室').locator('button.copy-tel').first();
  await btn.click();
  assert.equal(await page.evaluate(() => String(window.getSelection())), '0356-2198345');
  assert.match(await btn.innerText(), /^(已复制|已选中，请按Ctrl\+C)$/);
  check();
});

test('a local contact overrides the plan one in a deadline row; kept over a reload; edited, deleted; CSV out and in', async (t) => {
  const { page, check } = await open(t);
  page.on('dialog', (d) => d.accept());
  await plan(page, 'jincheng-noncoal-mine');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#response-level', 'Ⅱ级响应');
  // 市委、市政府值班室和省有关部门 → 市委值班室 and 市政府值班室, from the plan; nothing guessed for 省有关部门.
  assert.deepEqual(await calls(page, 'larger-2h'), [
    ['市委值班室', 'false', 'tel:03562062298'],
    ['市政府值班室', 'false', 'tel:03562198345'],
  ]);
  await waitText(page, '#deadlines li.deadline[data-id="larger-2h"] .deadline-call', '区号0356为本产品按预案所属城市补全');
  // An addressee no contact answers to: no number at all.
  assert.equal(await dl(page, 'unit-1h').locator('.deadline-call').count(), 0);

  // A number refused names the field and keeps nothing.
  await page.fill('#book-unit', '市政府值班室');
  await page.fill('#book-phone', '待定');
  await page.click('#book-save');
  await waitText(page, '#local-book .book-msg', '没有保存：“电话”里没有可拨打的号码：“待定”');
  assert.equal(await page.locator('#local-book tr.book-row').count(), 0);

  await page.fill('#book-phone', '0356-2190000');
  await page.fill('#book-note', '2026年核对');
  await page.click('#book-save');
  await waitText(page, '#local-book .book-msg', '已添加：市政府值班室');
  await waitText(page, '#h-local-book', '本地通讯录(本机保存)');
  const overridden = [
    ['市委值班室', 'false', 'tel:03562062298'],
    ['市政府值班室', 'true', 'tel:03562190000'],
  ];
  await page.waitForFunction(() => !!document.querySelector('#deadlines li[data-id="larger-2h"] .call-unit[data-local="true"]'));
  assert.deepEqual(await calls(page, 'larger-2h'), overridden);
  assert.equal(await dl(page, 'larger-2h').locator('.call-unit.local .local-badge').innerText(), '本地通讯录');
  // The immediate report to 市委、市政府 follows too.
  assert.deepEqual(await calls(page, 'level-II-report'), [['市政府值班室', 'true', 'tel:03562190000']]);
  // Shown above the plan's contacts.
  const [bookY, planY] = await page.evaluate(() => [document.querySelector('#local-book').getBoundingClientRect().top, document.querySelector('#organisation').getBoundingClientRect().top]);
  assert.ok(bookY < planY, 'the local book is above the plan contacts');

  await page.reload();
  await waitState(page, '#app', 'ready');
  await showTab(page, 'contacts');
  await waitText(page, '#response-level', 'Ⅱ级响应');
  assert.deepEqual(await calls(page, 'larger-2h'), overridden, 'kept over a reload');

  // Exported as CSV: UTF-8 with a BOM.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#book-export')]);
  assert.equal(download.suggestedFilename(), '值班通讯录.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bytes.toString('utf8'), '\ufeff单位,电话,备注\r\n市政府值班室,0356-2190000,2026年核对\r\n');

  // Edited.
  await page.click('#local-book .book-edit');
  assert.equal(await page.inputValue('#book-phone'), '0356-2190000');
  await page.fill('#book-phone', '0356-2190001');
  await page.click('#book-save');
  await waitText(page, '#local-book .book-msg', '已修改：市政府值班室');
  await page.waitForFunction(() => !!document.querySelector('#deadlines li[data-id="larger-2h"] a[href="tel:03562190001"]'));
  // Deleted: the plan's number is back.
  await page.click('#local-book .book-delete');
  await page.waitForFunction(() => !!document.querySelector('#deadlines li[data-id="larger-2h"] a[href="tel:03562198345"]'));
  assert.deepEqual(await calls(page, 'larger-2h'), [
    ['市委值班室', 'false', 'tel:03562062298'],
    ['市政府值班室', 'false', 'tel:03562198345'],
  ]);
  await waitText(page, '#local-book', '尚无本地号码');

  // A CSV with a bad line is refused whole, naming the line and the field.
  const csv = (text) => ({ name: 'book.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.setInputFiles('#book-import', csv('\ufeff单位,电话,备注\r\n市委值班室,0356-2060000,\r\n市政府值班室,无,\r\n'));
  await waitText(page, '#local-book .book-msg', '没有导入“book.csv”：第3行：“电话”里没有可拨打的号码：“无”');
  assert.equal(await page.locator('#local-book tr.book-row').count(), 0);
  await page.setInputFiles('#book-import', csv('\ufeff单位,电话,备注\r\n市委值班室,0356-2060000,夜间\r\n'));
  await waitText(page, '#local-book .book-msg', '已从“book.csv”导入1行');
  await page.waitForFunction(() => !!document.querySelector('#deadlines li[data-id="larger-2h"] .call-unit[data-local="true"]'));
  assert.deepEqual(await calls(page, 'larger-2h'), [
    ['市委值班室', 'true', 'tel:03562060000'],
    ['市政府值班室', 'false', 'tel:03562198345'],
  ]);
  check();
});

test('the summary gives the number of the unit that proposes the response when a contact matches', async (t) => {
  const { page, check } = await open(t);
  await plan(page, 'jincheng-cbm-surface-extraction');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#response-level', 'Ⅱ级响应');
  const proposes = page.locator('#response-who > div', { has: page.locator('dt', { hasText: '提出' }) });
  assert.equal(await proposes.locator('.call-name').innerText(), '市应急管理局 (市指挥部办公室)');
  assert.equal(await proposes.locator('a.tel').getAttribute('href'), 'tel:03562027255');
  // 启动: 市指挥部指挥长 — no contact is that person: nothing shown.
  const starts = page.locator('#response-who > div', { has: page.locator('dt', { hasText: '启动' }) });
  assert.equal(await starts.locator('.call').count(), 0);
  check();
});

test('the tab title carries the nearest deadline, overdue or not; the clock shows 北京时间 in any time zone', async (t) => {
  const { page, check } = await open(t, {
    context: { timezoneId: 'America/New_York' },
    before: (p) => p.clock.setFixedTime(new Date('2026-12-07T10:00:20+08:00')),
  });
  const title = (want) => page.waitForFunction((w) => document.title === w, want).catch(async () => assert.fail(`title should be ${want}; it is ${await page.title()}`));
  await waitText(page, '#clock', '北京时间 2026年12月7日 10:00:20');
  await plan(page, 'jincheng-noncoal-mine');
  await showTab(page, 'deadlines');
  await page.fill('#fact-incident_time', '2026-12-07T09:12');
  // The written report (30 minutes from a phone report not yet entered, so from 09:12) is 18 minutes overdue.
  await title('[超时18分] 报告 → 原接报单位 · 应急预案助手');
  await dl(page, 'written-30min').locator('button.mark-done').click();
  // Next: the unit's report, due 10:12 — 11 min 40 s ahead reads 12分.
  await title('[12分] 报告 → 事发地县(市、区)应急管理部门和负… · 应急预案助手');
  // 17 minutes later it is 5 minutes overdue; the clock follows.
  await page.clock.setFixedTime(new Date('2026-12-07T10:17:30+08:00'));
  await title('[超时5分] 报告 → 事发地县(市、区)应急管理部门和负… · 应急预案助手');
  await waitText(page, '#clock', '北京时间 2026年12月7日 10:17:30');
  // Every clock deadline reported: the plain title.
  await dl(page, 'unit-1h').locator('button.mark-done').click();
  await title('应急预案助手');
  check();
});

test('a row added in one tab reaches the deadline rows of another tab at once', async (t) => {
  const { page, context, check } = await open(t);
  await plan(page, 'jincheng-noncoal-mine');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#response-level', 'Ⅱ级响应');
  const other = await context.newPage();
  await other.goto(env.server.url);
  await waitState(other, '#app', 'ready');
  await showTab(other, 'contacts');
  await other.fill('#book-unit', '市委值班室');
  await other.fill('#book-phone', '0356-2060000');
  await other.click('#book-save');
  await page.waitForFunction(() => !!document.querySelector('#deadlines li[data-id="larger-2h"] a[href="tel:03562060000"]'));
  assert.deepEqual(await calls(page, 'larger-2h'), [
    ['市委值班室', 'true', 'tel:03562060000'],
    ['市政府值班室', 'false', 'tel:03562198345'],
  ]);
  await waitText(page, '#local-book', '0356-2060000');
  check();
});
