// A report that can be sent (issue 15 §3), in Chromium under the portal policy: the written report in
// 公文 layout on paper (header, 首报/续报, statements only, no 未填), the internal checklist printed apart,
// the Word file loaded only on its click (unzipped: document.xml holds the grade, the level and the
// 报送单位), both CSVs with a BOM, the 电话快报 copied (and selected when the clipboard refuses), and the
// Word export from the single file opened from disk. Screenshots and PDFs go to test-output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, ROOT, clickMenu, open as openPage, portal, showTab, waitState, waitText } from './helpers.mjs';

const env = portal();
const SHOTS = join(REPO, 'test-output');
mkdirSync(SHOTS, { recursive: true });
// window.print() is recorded, not run: the test then looks at the page under print media itself.
const STUB_PRINT = `window.print = () => { (window.__prints = window.__prints || []).push(document.body.className); };`;

async function open(t, opts = {}) {
  const r = await openPage(env.browser, t, { origin: env.server.origin, url: env.server.url, init: STUB_PRINT, ...opts });
  await waitState(r.page, '#app', 'ready');
  return r;
}

/** The 晋城 非煤矿山 roof fall, 5 dead, reported as the 2nd report, one task done, one report made. */
async function fillIncident(page) {
  if ((await page.locator('#plan').inputValue()) !== 'jincheng-noncoal-mine') await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.click('#incident-details > summary');
  const info = { title: '某矿冒顶事故', place: '泽州县某镇某矿', unit: '某矿业有限公司', summary: '井下采场冒顶，5人遇难。', measures: '已组织救护队下井搜救', reporter: '李四 0356-2000000', issuer: '泽州县应急管理局', signer: '张三', doc_no: '泽应急〔2026〕5号', recipient: '晋城市应急管理局' };
  for (const [k, v] of Object.entries(info)) await page.fill(`#info-${k}`, v);
  await page.selectOption('#info-report_seq', '2');
  await page.fill('#fact-incident_time', '2024-05-01T10:00');
  await page.fill('#fact-deaths', '5');
  await page.fill('#fact-serious_injuries', '3');
  await waitText(page, '#grade', '较大');
  await showTab(page, 'tasks');
  await page.locator('#tasks .task', { hasText: '抢险救援组' }).locator('input.tick').first().check();
  await page.locator('#tasks .task', { hasText: '抢险救援组' }).locator('input.item-note').first().fill('已联系, "二号"救护队');
  await page.locator('#tasks .task', { hasText: '抢险救援组' }).locator('input.item-note').first().blur();
  await showTab(page, 'deadlines');
  await page.locator('#deadlines li.deadline[data-id="unit-1h"] button.mark-done').click();
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), clickMenu(page, selector)]);
  const dir = mkdtempSync(join(tmpdir(), 'yingji-report-'));
  const file = join(dir, 'file');
  await d.saveAs(file);
  return { name: d.suggestedFilename(), file, bytes: readFileSync(file) };
}

test('the written report on paper: 公文 header, 续报 number, statements only; issuing it is logged', async (t) => {
  const { page, check } = await open(t);
  await fillIncident(page);
  await clickMenu(page, '#incident-print');
  assert.deepEqual(await page.evaluate(() => window.__prints), ['print-report']);
  await waitText(page, '#log', '已出具续报（第2次）：打印书面报告');
  await waitText(page, '#log', '首报/续报：续报（第2次报告）');
  await waitText(page, '#report-msg', '已出具续报（第2次）。下一次报告请在“事件信息”中选择“续报（第3次报告）”。');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#report').isVisible(), true);
  assert.equal(await page.locator('#checklist-print').isVisible(), false, 'the checklist prints apart');
  for (const id of ['#banner', '#facts', '#incident-bar', '#log-card']) assert.equal(await page.locator(id).isVisible(), false, `${id} not printed`);
  const r = await page.locator('#report').innerText();
  for (const want of ['泽州县应急管理局', '泽应急〔2026〕5号', '签发人：张三', '关于某矿冒顶事故的报告', '续报（第2次报告）', '晋城市应急管理局：', '一、事故基本情况', '2024年5月1日10时00分，泽州县某镇某矿发生某矿冒顶事故。', '事故已造成5人死亡、3人重伤。', '已组织救护队下井搜救。', '已向事发地县(市、区)应急管理部门和负有安全监管职能的行业管理部门报告', '已落实：1. 抢险救援组：', '按《晋城市非煤矿山生产安全事故应急预案》第1.5(3)条，属较大事故，建议启动Ⅱ级响应', '依据：第1.5(3)条 · 原文第1184行', '特此报告。', '报送时间：', '（联系人：李四 0356-2000000）']) {
    assert.ok(r.includes(want), `report has ${want}:\n${r}`);
  }
  for (const not of ['未填', '？', '?', '☐', '任务落实情况']) assert.ok(!r.includes(not), `report has no ${not}`);
  assert.equal(await page.locator('#report .report-draft').count(), 0, 'an embedded plan is no draft');
  // The red header rule and the 公文 body size.
  const look = await page.evaluate(() => {
    const s = (sel) => getComputedStyle(document.querySelector(sel));
    return { issuer: s('#report .report-issuer').color, para: s('#report .report-para').fontSize, indent: s('#report .report-para').textIndent };
  });
  assert.deepEqual(look, { issuer: 'rgb(192, 0, 0)', para: '21.3333px', indent: '42.6667px' });
  await page.screenshot({ path: join(SHOTS, 'report-01-written-report.png'), fullPage: true });
  writeFileSync(join(SHOTS, 'report-01-written-report.pdf'), await page.pdf({ preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  check();
});

test('the checklist prints alone: ticks, notes, report marks and deadlines', async (t) => {
  const { page, check } = await open(t);
  await fillIncident(page);
  await clickMenu(page, '#checklist-print-btn');
  assert.deepEqual(await page.evaluate(() => window.__prints), ['print-checklist']);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#checklist-print').isVisible(), true);
  assert.equal(await page.locator('#report').isVisible(), false, 'the written report is not on the checklist print');
  const c = await page.locator('#checklist-print').innerText();
  for (const want of ['任务清单（内部）：某矿冒顶事故', '报告时限', '已报告', '未报告', '抢险救援组', '☑', '☐', '（备注：已联系, "二号"救护队）']) assert.ok(c.includes(want), `checklist has ${want}`);
  assert.ok(!(await page.locator('#log').innerText()).includes('已出具'), 'printing the checklist issues no report');
  writeFileSync(join(SHOTS, 'report-02-checklist.pdf'), await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  check();
});

test('导出Word: the library loads on the click only; the .docx unzips to the grade, the level and the 报送单位', async (t) => {
  const { page, check } = await open(t);
  // The page's own requests (the service worker precaches the file for offline use: not counted).
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  await fillIncident(page);
  assert.ok(!asked.some((u) => u.includes('docx-report')), 'the Word library is not loaded with the page');
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('docx-report')).length), 0);
  const d = await download(page, '#report-docx');
  assert.ok(asked.some((u) => u.endsWith('/www/vendor/docx-report.js')), 'loaded on the click');
  assert.equal(d.name, '某矿冒顶事故-第2次报告.docx');
  const xml = execFileSync('unzip', ['-p', d.file, 'word/document.xml'], { encoding: 'utf8' });
  for (const want of ['泽州县应急管理局', '签发人：', '关于某矿冒顶事故的报告', '续报（第2次报告）', '属较大事故，建议启动Ⅱ级响应', '特此报告。']) assert.ok(xml.includes(want), `document.xml has ${want}`);
  await waitText(page, '#report-msg', '已导出：某矿冒顶事故-第2次报告.docx。下一次报告请在“事件信息”中选择“续报（第3次报告）”。');
  await waitText(page, '#log', '已出具续报（第2次）：导出Word文件');
  check();
});

test('CSV: the checklist and the log, each with a BOM, CRLF and quoted fields', async (t) => {
  const { page, check } = await open(t);
  await fillIncident(page);
  const list = await download(page, '#checklist-csv');
  assert.match(list.name, /^yingji-事件-\d{8}-\d{4}-某矿冒顶事故-任务清单\.csv$/);
  assert.deepEqual([...list.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = list.bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(rows[0], '分组,任务,完成,完成时间,备注');
  assert.ok(rows.some((r) => /^抢险救援组,.+,是,\d{4}年\d+月\d+日 \d\d:\d\d,"已联系, ""二号""救护队"$/.test(r)), `the ticked task with its note quoted:\n${rows.join('\n')}`);
  assert.ok(rows.some((r) => /,否,,$/.test(r)), 'a task not done');
  assert.ok(rows.some((r) => /^报告时限,事发单位向.*,是,2/.test(r)), 'the report marked done');
  assert.equal(rows.at(-1), '', 'ends with CRLF');
  const log = await download(page, '#log-csv');
  assert.deepEqual([...log.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = log.bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(lines[0], '时间,类别,内容');
  assert.ok(lines.some((l) => /^\d{4}年\d+月\d+日 \d\d:\d\d,勾选,/.test(l)), 'the tick in the log');
  assert.ok(lines.some((l) => l.includes(',已报告,')), 'the report mark in the log');
  check();
});

test('电话快报: only filled parts, copied; when the clipboard refuses, the text is selected with a Chinese message', async (t) => {
  const { page, context, check } = await open(t);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await fillIncident(page);
  await clickMenu(page, '#quick-report-btn');
  const text = await page.inputValue('#quick-report-text');
  assert.equal(
    text,
    ['电话快报：某矿冒顶事故', '时间：2024年5月1日10时00分', '地点：泽州县某镇某矿', '单位：某矿业有限公司', '事故类型：非煤矿山生产安全事故', '伤亡：事故已造成5人死亡、3人重伤。', '等级与响应建议：初判为较大事故，建议启动Ⅱ级响应（依据《晋城市非煤矿山生产安全事故应急预案》）', '报告人：李四 0356-2000000', ''].join('\n'),
  );
  await page.click('#quick-report-copy');
  await waitText(page, '#quick-report-note', '已复制到剪贴板');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  // A new fact shows in the open box.
  await page.fill('#fact-deaths', '2');
  await page.waitForFunction(() => document.querySelector('#quick-report-text').value.includes('2人死亡'));
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.click('#quick-report-copy');
  await waitText(page, '#quick-report-note', '文字已全部选中，请按 Ctrl+C 复制');
  const sel = await page.evaluate(() => {
    const a = document.querySelector('#quick-report-text');
    return [document.activeElement === a, a.selectionStart, a.selectionEnd, a.value.length];
  });
  assert.deepEqual(sel.slice(0, 3), [true, 0, sel[3]]);
  await page.screenshot({ path: join(SHOTS, 'report-03-quick-report.png') });
  check();
});

test('the single file from disk: 导出Word works there too', async (t) => {
  const url = pathToFileURL(join(ROOT, 'dist', 'yingji.html')).href;
  const { page, check } = await openPage(env.browser, t, { own: (u) => u.startsWith('file:') || u.startsWith('blob:') || u.startsWith('data:'), url, init: STUB_PRINT });
  await waitState(page, '#app', 'ready');
  await fillIncident(page);
  const d = await download(page, '#report-docx');
  assert.equal(d.name, '某矿冒顶事故-第2次报告.docx');
  const xml = execFileSync('unzip', ['-p', d.file, 'word/document.xml'], { encoding: 'utf8' });
  assert.ok(xml.includes('泽州县应急管理局') && xml.includes('较大事故'));
  check();
});
