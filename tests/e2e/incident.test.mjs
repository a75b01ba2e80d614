// The duty officer's page through an incident (issue 9): autosave and reload, several incidents, export
// and import (a bad file is refused and nothing changes), the deadline timeline with marks, the task
// checklist whose ticks survive re-evaluation, the log, per-field grade hints, print layout, keyboard
// and narrow screens. Screenshots of the main states go to test-output/ (git-ignored).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer } from '../../tools/serve.mjs';
import { CSP, REPO, ROOT, clickMenu, launch, open as openPage, showTab, waitState, waitText } from './helpers.mjs';

const SHOTS = join(REPO, 'test-output');
let browser;
let server;

before(async () => {
  assert.ok(existsSync(join(ROOT, 'pkg', 'yingji_bg.wasm')), 'run scripts/build.sh first');
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ port: 0, root: ROOT, headers: { 'Content-Security-Policy': CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(t, opts = {}) {
  const r = await openPage(browser, t, { origin: server.origin, url: server.url, ...opts });
  await waitState(r.page, '#app', 'ready');
  return r;
}

async function plan(page, id = 'jincheng-noncoal-mine') {
  if ((await page.locator('#plan').inputValue()) !== id) await page.selectOption('#plan', id);
  await page.waitForFunction((p) => document.querySelector('#plan').value === p, id);
}

const shot = (page, name, fullPage = true) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
const stored = (page) => page.evaluate(() => localStorage.getItem('yingji:v1:incidents:v1'));
const logText = (page) => page.locator('#log').innerText();

test('a new incident starts now; typed facts, info, ticks, notes and report marks come back after a reload', async (t) => {
  const { page, check } = await open(t);
  await plan(page);
  // Incident time defaults to now (China time), to the minute.
  const v = await page.inputValue('#fact-incident_time');
  assert.match(v, /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  const now = await page.evaluate(() => Date.now());
  const typed = Date.parse(`${v}:00+08:00`);
  assert.ok(Math.abs(now - typed) < 3 * 60_000, `incident time ${v} is now`);
  // The page does not claim "nothing entered" just because the time is set.
  assert.ok(await page.locator('#banner-note').isVisible());

  await page.click('#incident-details > summary');
  await page.fill('#info-title', '某矿透水事故');
  await page.fill('#info-place', '泽州县某镇');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  await page.fill('#fact-direct_loss_wan', '12000');
  await waitText(page, '#grade', '特别重大');
  // Hints beside the fields: which grade each value reaches; money in 亿元.
  await waitText(page, '#reach-deaths', '较大');
  await waitText(page, '#reach-direct_loss_wan', '1.2 亿元');
  await waitText(page, '#reach-direct_loss_wan', '重大');
  await page.fill('#fact-direct_loss_wan', '');
  await waitText(page, '#grade', '较大');

  await showTab(page, 'tasks');
  const item = page.locator('#tasks .task', { hasText: '抢险救援组' }).locator('li.checkable').first();
  await item.locator('input.tick').check();
  await item.locator('input.item-note').fill('救护队已出发');
  await item.locator('input.item-note').press('Tab');
  const dl = page.locator('#deadlines li.deadline[data-id="unit-1h"]');
  await showTab(page, 'deadlines');
  await dl.locator('button.mark-done').click();
  await waitText(page, '#deadlines li.deadline[data-id="unit-1h"]', '已报告');
  await shot(page, '01-incident-working');

  await page.reload();
  await waitState(page, '#app', 'ready');
  assert.equal(await page.inputValue('#fact-deaths'), '5');
  assert.equal(await page.inputValue('#fact-incident_time'), v);
  assert.equal(await page.inputValue('#info-title'), '某矿透水事故');
  assert.equal(await page.inputValue('#info-place'), '泽州县某镇');
  await waitText(page, '#grade', '较大');
  await showTab(page, 'tasks');
  const again = page.locator('#tasks .task', { hasText: '抢险救援组' }).locator('li.checkable').first();
  assert.equal(await again.locator('input.tick').isChecked(), true);
  assert.equal(await again.locator('input.item-note').inputValue(), '救护队已出发');
  await waitText(page, '#deadlines li.deadline[data-id="unit-1h"]', '已报告');
  assert.match(await page.locator('#incident').evaluate((s) => s.options[s.selectedIndex].text), /某矿透水事故/);
  const log = await logText(page);
  for (const want of ['死亡人数', '勾选', '已报告', '备注']) assert.ok(log.includes(want), `log has ${want}: ${log}`);
  check();
});

test('raise deaths: the level goes up, the change is shown with its time, the log records it and ticks survive', async (t) => {
  const { page, check } = await open(t);
  await plan(page);
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#response-level', 'Ⅱ级响应');
  await waitText(page, '#log', '研判');
  await showTab(page, 'tasks');
  const grp = () => page.locator('#tasks .task', { hasText: '抢险救援组' }).locator('li.checkable').first();
  await grp().locator('input.tick').check();
  const level = () => page.locator('#tasks .task.kind-level li.checkable').first();
  await level().locator('input.tick').check();
  const levelKeyBefore = await level().locator('input.tick').getAttribute('data-key');

  await page.fill('#fact-deaths', '12');
  await waitText(page, '#response-level', 'Ⅰ级响应');
  await waitText(page, '#changes', '响应级别由Ⅱ级响应提高到Ⅰ级响应');
  assert.match(await page.locator('#changes').innerText(), /\d\d:\d\d 情况变化/);
  await waitText(page, '#log', '响应级别由Ⅱ级响应提高到Ⅰ级响应');
  const log = await logText(page);
  assert.ok(log.includes('死亡人数：5人 → 12人'), log);
  assert.ok(log.includes('事故等级由较大变为重大'), log);
  // The group tick survives the re-evaluation; the Ⅱ级 measures are replaced by the Ⅰ级 ones (new items).
  assert.equal(await grp().locator('input.tick').isChecked(), true, 'tick survives');
  assert.notEqual(await level().locator('input.tick').getAttribute('data-key'), levelKeyBefore);
  await shot(page, '02-level-raised');

  // Back down: the Ⅱ级 tick is still there.
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#response-level', 'Ⅱ级响应');
  assert.equal(await level().locator('input.tick').isChecked(), true, 'Ⅱ级 tick kept while Ⅰ级 was shown');
  await waitText(page, '#changes', '降低');
  check();
});

test('deadlines: a timeline sorted by due time, live countdown, overdue unmistakable, marked done with the time', async (t) => {
  const { page, check } = await open(t);
  await plan(page);
  await page.fill('#fact-deaths', '5');
  // An hour and a half ago: the 1-hour report is overdue, the 2-hour report is still pending.
  const ago = await page.evaluate(() => {
    const d = new Date(Date.now() + 8 * 3600_000 - 90 * 60_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
  });
  await page.fill('#fact-incident_time', ago);
  const over = page.locator('#deadlines li.deadline[data-id="unit-1h"]');
  await page.waitForSelector('#deadlines li.deadline[data-id="unit-1h"].is-overdue');
  assert.match(await over.locator('.countdown').innerText(), /已超时 00:(29|30|31):\d\d/);
  const pending = page.locator('#deadlines li.deadline[data-id="larger-2h"]');
  const c1 = await pending.locator('.countdown').innerText();
  assert.match(c1, /倒计时 00:(29|30|31):\d\d/);
  await page.waitForFunction((c) => document.querySelector('#deadlines li[data-id="larger-2h"] .countdown').textContent !== c, c1);

  // Sorted: immediate ones first, then by due time, then those waiting for a time.
  const order = await page.$$eval('#deadlines li.deadline', (lis) => lis.map((li) => [li.dataset.status, li.dataset.due ? Date.parse(li.dataset.due) : null]));
  const rank = ([s, d]) => (s === 'immediate' ? 0 : d != null ? 1 : 2);
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1];
    const b = order[i];
    assert.ok(rank(a) < rank(b) || (rank(a) === rank(b) && (a[1] ?? 0) <= (b[1] ?? 0)), `timeline order: ${JSON.stringify(order)}`);
  }
  await shot(page, '03-deadlines-overdue');

  // Mark done by keyboard: the time is recorded, overdue styling goes, and it can be undone.
  await over.locator('button.mark-done').focus();
  await page.keyboard.press('Enter');
  await waitText(page, '#deadlines li.deadline[data-id="unit-1h"] .done-mark', '已报告');
  assert.match(await over.locator('.done-mark').innerText(), /已报告 \d\d:\d\d/);
  assert.equal(await over.evaluate((li) => li.classList.contains('is-overdue')), false);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'undo-done', 'focus stays on the deadline');
  await waitText(page, '#log', '已报告');
  await over.locator('button.undo-done').click();
  await page.waitForSelector('#deadlines li.deadline[data-id="unit-1h"].is-overdue');
  await waitText(page, '#log', '撤销报告');
  check();
});

test('two incidents side by side: each keeps its own plan and facts; switch and reopen', async (t) => {
  const { page, check } = await open(t);
  await plan(page);
  await page.fill('#fact-deaths', '5');
  await page.click('#incident-details > summary');
  await page.fill('#info-title', '甲矿事故');
  await waitText(page, '#grade', '较大');

  await page.click('#incident-new');
  assert.equal(await page.locator('#incident option').count(), 2);
  await plan(page, 'jincheng-hazardous-chemicals');
  await page.fill('#info-title', '乙厂液氯泄漏');
  await page.fill('#fact-deaths', '1');
  await waitText(page, '#grade', '一般');
  await shot(page, '04-second-incident');

  const first = await page.locator('#incident option', { hasText: '甲矿事故' }).getAttribute('value');
  await page.selectOption('#incident', first);
  await waitText(page, '#grade', '较大');
  assert.equal(await page.locator('#plan').inputValue(), 'jincheng-noncoal-mine');
  assert.equal(await page.inputValue('#fact-deaths'), '5');
  assert.equal(await page.inputValue('#info-title'), '甲矿事故');

  await page.reload();
  await waitState(page, '#app', 'ready');
  assert.equal(await page.locator('#incident option').count(), 2);
  assert.equal(await page.inputValue('#info-title'), '甲矿事故', 'the incident open at reload is reopened');
  const second = await page.locator('#incident option', { hasText: '乙厂液氯泄漏' }).getAttribute('value');
  await page.selectOption('#incident', second);
  assert.equal(await page.locator('#plan').inputValue(), 'jincheng-hazardous-chemicals');
  assert.equal(await page.inputValue('#fact-deaths'), '1');
  check();
});

test('export then import round-trips an incident; corrupt, foreign and wrong-version files are refused and nothing changes', async (t) => {
  const { page, check } = await open(t, { context: { acceptDownloads: true } });
  await plan(page);
  await page.click('#incident-details > summary');
  await page.fill('#info-title', '导出测试');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  await showTab(page, 'tasks');
  await page.locator('#tasks li.checkable input.tick').first().check();
  await showTab(page, 'deadlines');
  await page.locator('#deadlines li.deadline[data-id="unit-1h"] button.mark-done').click();

  const [dl] = await Promise.all([page.waitForEvent('download'), clickMenu(page, '#incident-export')]);
  assert.match(dl.suggestedFilename(), /^yingji-事件-\d{8}-\d{4}-导出测试\.json$/);
  const path = join(tmpdir(), `yingji-export-${process.pid}.json`);
  await dl.saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(file.format, 'yingji-incident');
  assert.equal(file.version, 1);
  assert.equal(file.incident.values.deaths, '5');
  assert.equal(Object.keys(file.incident.ticks).length, 1);
  assert.ok(file.incident.reports['unit-1h']);
  assert.ok(file.incident.log.some((e) => e.kind === 'tick'), 'the log is part of the export');

  // The readable log exports as text.
  await showTab(page, 'log');
  const [txt] = await Promise.all([page.waitForEvent('download'), page.click('#log-export')]);
  const txtPath = join(tmpdir(), `yingji-log-${process.pid}.txt`);
  await txt.saveAs(txtPath);
  assert.match(readFileSync(txtPath, 'utf8'), /事件记录 — 导出测试[\s\S]*已报告/);

  const before = await stored(page);
  const bad = [
    ['corrupt.json', '{"format":"yingji-incident","version":1,"incident":{', /不是有效的 JSON/],
    ['foreign.json', JSON.stringify({ name: 'something else', data: [1, 2, 3] }), /不是本工具导出的事件文件/],
    ['future.json', JSON.stringify({ ...file, version: 99 }), /版本（99）/],
    ['noplan.json', JSON.stringify({ ...file, incident: { ...file.incident, plan: 'no-such-plan' } }), /预案“no-such-plan”不在本工具中/],
    ['badvalues.json', JSON.stringify({ ...file, incident: { ...file.incident, values: { deaths: 5 } } }), /格式不对/],
  ];
  for (const [name, text, want] of bad) {
    await page.setInputFiles('#incident-import', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await waitText(page, '#incident-msg', name);
    const msg = await page.locator('#incident-msg').innerText();
    assert.match(msg, want, `${name}: ${msg}`);
    assert.match(msg, /现有事件没有改动/);
    assert.equal(await page.locator('#incident-msg').getAttribute('data-kind'), 'error');
    assert.equal(await stored(page), before, `${name}: storage untouched`);
    assert.equal(await page.locator('#incident option').count(), 1);
    assert.equal(await page.inputValue('#fact-deaths'), '5');
  }
  await shot(page, '05-import-refused', false);

  // A clean browser imports the file and gets the same incident back.
  const other = await open(t);
  await other.page.setInputFiles('#incident-import', path);
  await waitText(other.page, '#incident-msg', '已导入');
  assert.equal(await other.page.locator('#incident option').count(), 2);
  assert.equal(await other.page.inputValue('#info-title'), '导出测试');
  assert.equal(await other.page.inputValue('#fact-deaths'), '5');
  await waitText(other.page, '#grade', '较大');
  await showTab(other.page, 'tasks');
  assert.equal(await other.page.locator('#tasks li.checkable input.tick').first().isChecked(), true);
  await waitText(other.page, '#deadlines li.deadline[data-id="unit-1h"]', '已报告');
  await waitText(other.page, '#log', '导入');
  other.check();
  check();
});

test('print layout: the written report with the facts, grade and level; the checklist with deadlines and ticks apart', async (t) => {
  const { page, check } = await open(t);
  await plan(page);
  await page.click('#incident-details > summary');
  await page.fill('#info-title', '某矿透水事故');
  await page.fill('#info-place', '泽州县某镇某矿');
  await page.fill('#info-unit', '某矿业有限公司');
  await page.fill('#info-summary', '井下透水，5人遇难。');
  await page.fill('#fact-deaths', '5');
  await page.fill('#fact-serious_injuries', '3');
  await page.fill('#fact-incident_time', '2024-05-01T10:00');
  await waitText(page, '#grade', '较大');
  await showTab(page, 'tasks');
  await page.locator('#tasks .task', { hasText: '抢险救援组' }).locator('input.tick').first().check();
  await showTab(page, 'deadlines');
  await page.locator('#deadlines li.deadline[data-id="unit-1h"] button.mark-done').click();

  assert.equal(await page.locator('#report').isVisible(), false, 'the report is for paper only');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#report').isVisible(), true);
  for (const id of ['#banner', '#facts', '#incident-bar', '#log-card']) assert.equal(await page.locator(id).isVisible(), false, `${id} not printed`);
  const r = await page.locator('#report').innerText();
  for (const want of ['关于某矿透水事故的报告', '晋城市非煤矿山生产安全事故应急预案', '2024年5月1日10时00分', '泽州县某镇某矿', '某矿业有限公司', '井下透水', '5人死亡', '较大事故', 'Ⅱ级响应']) {
    assert.ok(r.includes(want), `report has ${want}`);
  }
  // The checklist prints apart (打印任务清单: tests/e2e/report.test.mjs); Ctrl+P prints the report alone.
  assert.equal(await page.locator('#checklist-print').isVisible(), false);
  const list = await page.locator('#checklist-print').textContent();
  for (const want of ['报告时限', '已报告', '未报告，已超时', '抢险救援组', '☑', '☐']) assert.ok(list.includes(want), `checklist has ${want}`);
  await shot(page, '06-print-report');
  const pdf = await page.pdf({ format: 'A4' });
  writeFileSync(join(SHOTS, '06-print-report.pdf'), pdf);
  await page.emulateMedia({ media: 'screen' });
  check();
});

test('keyboard only: every control of the incident is reachable with Tab and shows focus; fits 1366×768 and a phone', async (t) => {
  const { page, check } = await open(t, { context: { viewport: { width: 1366, height: 768 } } });
  await plan(page);
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  await shot(page, '07-laptop-1366x768', false);
  // Tab from the top reaches the incident bar, the form, the result's tabs and a deadline button;
  // from the 任务 tab, Tab reaches a checklist item.
  await page.locator('body').focus();
  const seen = new Set();
  let outlined = 0;
  for (let n = 0; n < 400; n++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const a = document.activeElement;
      return { id: a.id, cls: a.className, outline: getComputedStyle(a).outlineStyle };
    });
    if (f.outline !== 'none') outlined++;
    seen.add(f.id);
    for (const c of String(f.cls).split(' ')) if (c) seen.add(c);
    if (['incident', 'incident-new', 'fact-deaths', 'tab-deadlines', 'mark-done'].every((k) => seen.has(k))) break;
  }
  for (const k of ['incident', 'incident-new', 'fact-deaths', 'tab-deadlines']) assert.ok(seen.has(k), `Tab reaches #${k}`);
  assert.ok(seen.has('mark-done'), 'Tab reaches a deadline button');
  await showTab(page, 'tasks');
  await page.focus('#tab-tasks');
  let tick = false;
  for (let n = 0; n < 6 && !tick; n++) {
    await page.keyboard.press('Tab');
    tick = await page.evaluate(() => document.activeElement.classList.contains('tick'));
  }
  assert.ok(tick, 'Tab reaches a checklist box from the 任务 tab');
  assert.ok(outlined > 10, 'focused controls are outlined');
  // Space ticks the focused checklist box.
  await page.locator('#tasks input.tick').first().focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#tasks input.tick').first().isChecked(), true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling at 1366 (overflow ${overflow}px)`);

  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '08-phone', false);
  const narrow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(narrow <= 1, `no horizontal scrolling on a phone (overflow ${narrow}px)`);
  // Readable at arm's length: the grade is large and body text is not small.
  const sizes = await page.evaluate(() => ({
    grade: parseFloat(getComputedStyle(document.querySelector('#grade')).fontSize),
    body: parseFloat(getComputedStyle(document.querySelector('.item-text')).fontSize),
  }));
  assert.ok(sizes.grade >= 24 && sizes.body >= 15, JSON.stringify(sizes));
  check();
});

test('a page that kept values the old way (per plan) turns them into the first incident', async (t) => {
  const init = `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('yingji:v1:plan', 'jincheng-hazardous-chemicals'); localStorage.setItem('yingji:v1:values:jincheng-hazardous-chemicals', JSON.stringify({ deaths: '3' })); }`;
  const { page, check } = await open(t, { init });
  assert.equal(await page.locator('#plan').inputValue(), 'jincheng-hazardous-chemicals');
  assert.equal(await page.inputValue('#fact-deaths'), '3');
  assert.equal(await page.locator('#incident option').count(), 1);
  check();
});

test('incident.js and incident.css are in the single-file build', () => {
  const single = readFileSync(join(ROOT, 'dist', 'yingji.html'), 'utf8');
  assert.match(single, /function createIncidents\(/, 'incident.js is inlined');
  assert.match(single, /\.incident-bar \{/, 'incident.css is inlined');
  assert.doesNotMatch(single, /href="incident\.css"/, 'no link left to incident.css');
});

test('a new incident: the log starts with the plan chosen, no verdict on defaults; the prefilled time says so until confirmed', async (t) => {
  const { page, check } = await open(t);
  await plan(page);
  await page.click('#incident-new');
  await waitText(page, '#log', '新建事件，预案：《晋城市非煤矿山生产安全事故应急预案》');
  await page.waitForTimeout(1500);
  assert.doesNotMatch(await logText(page), /研判/, 'nothing was judged: nothing typed');
  await waitText(page, '#prefilled-incident_time', '按新建时间预填，请核实');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#log', '研判：较大事故');
  await waitText(page, '#deadlines li.deadline[data-id="unit-1h"]', '按新建时间预填，请核实');
  await page.click('#confirm-incident_time');
  await page.locator('#prefilled-incident_time').waitFor({ state: 'hidden' });
  await waitText(page, '#log', '事发时间已核实');
  await page.waitForFunction(() => !document.querySelector('#deadlines').textContent.includes('按新建时间预填'));
  check();
});

/** Two tabs of the page in one browser profile (they share localStorage), the plan chosen in the first. */
async function twoTabs(t) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  t.after(() => context.close());
  const tabs = [];
  for (let n = 0; n < 2; n += 1) {
    const p = await context.newPage();
    await p.goto(server.url);
    await waitState(p, '#app', 'ready');
    if (!n) await plan(p);
    tabs.push(p);
  }
  return tabs;
}

test('two tabs: an edit in one shows in the other within a second, and no edit is lost', async (t) => {
  const [a, b] = await twoTabs(t);
  await a.fill('#fact-deaths', '5');
  await b.waitForFunction(() => document.querySelector('#fact-deaths').value === '5', null, { timeout: 1000 });
  await b.fill('#fact-missing', '1');
  await a.waitForFunction(() => document.querySelector('#fact-missing').value === '1', null, { timeout: 1000 });
  // The first tab edits another field: the second tab's 下落不明=1 survives.
  await a.fill('#fact-serious_injuries', '2');
  await b.waitForFunction(() => document.querySelector('#fact-serious_injuries').value === '2', null, { timeout: 1000 });
  const saved = JSON.parse(await stored(a));
  const values = saved.incidents.find((i) => i.id === saved.current).values;
  assert.equal(values.missing, '1');
  assert.equal(values.deaths, '5');
  assert.equal(values.serious_injuries, '2');
  await a.reload();
  await waitState(a, '#app', 'ready');
  assert.equal(await a.inputValue('#fact-missing'), '1');
});

test('two tabs, one field: a focused box follows the other tab; two writes at once show both values and let the officer pick', async (t) => {
  const [a, b] = await twoTabs(t);
  await b.fill('#fact-deaths', '5');
  await a.waitForFunction(() => document.querySelector('#fact-deaths').value === '5', null, { timeout: 1000 });
  // B still has the focus in the box (nothing unsaved in it) when A changes the same field: B follows.
  await b.focus('#fact-deaths');
  await a.fill('#fact-deaths', '6');
  await b.waitForFunction(() => document.querySelector('#fact-deaths').value === '6', null, { timeout: 1000 });
  // Two writes at the same moment: another tab's copy (死亡人数 7) lands in storage just before B
  // writes its own 8 — B keeps 8, shows 7, and can take it.
  await b.evaluate(() => {
    const key = 'yingji:v1:incidents:v1';
    const db = JSON.parse(localStorage.getItem(key));
    db.incidents.find((i) => i.id === db.current).values.deaths = '7';
    localStorage.setItem(key, JSON.stringify(db));
  });
  await b.fill('#fact-deaths', '8');
  await waitText(b, '#incident-conflict', '死亡人数：本页为“8”，另一页为“7”');
  assert.equal(await b.inputValue('#fact-deaths'), '8');
  await a.waitForFunction(() => document.querySelector('#fact-deaths').value === '8', null, { timeout: 1000 });
  await b.click('#incident-conflict button.take-theirs');
  await b.waitForFunction(() => document.querySelector('#fact-deaths').value === '7');
  await a.waitForFunction(() => document.querySelector('#fact-deaths').value === '7', null, { timeout: 1000 });
  assert.equal(await b.locator('#incident-conflict').isVisible(), false);
});
