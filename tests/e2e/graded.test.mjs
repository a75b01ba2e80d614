// End-to-end: what issue 16 (items 1, 4, 5, 6) adds to the page — a scope ruling before grading, a
// clock estimated from the incident time, a warning level computed from the expected grade beside
// the published one, and the 后期处置 duties once the response is ended.
//
//   node --test tests/e2e/graded.test.mjs      (needs a built pkg/: scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { CSP, ROOT, launch, openGroups, showTab, waitText } from './helpers.mjs';

const TIMEOUT = 10_000;
let browser;
let server;

before(async () => {
  assert.ok(existsSync(join(ROOT, 'pkg', 'yingji_bg.wasm')), 'no built module: run scripts/build.sh first');
  server = await startServer({ port: 0, root: ROOT, headers: { 'Content-Security-Policy': CSP } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page on the given plan; fails on console errors, page errors and foreign requests. */
async function open(t, plan, field = '#fact-deaths') {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  t.after(() => context.close());
  const problems = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(server.origin)) return route.continue();
    problems.push(`foreign request: ${u}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(server.url);
  await page.waitForSelector('[data-yingji-state="ready"]');
  if ((await page.locator('#plan').inputValue()) !== plan) await page.selectOption('#plan', plan);
  await page.waitForSelector(field, { state: 'attached' });
  await openGroups(page); // the rarely used facts and each hazard are collapsed
  return { page, check: () => assert.deepEqual(problems, [], problems.join('\n')) };
}

test('scope ruling: 5 deaths grade 较大 until ruled 非生产安全事故, then no grade and who applies instead', async (t) => {
  const { page, check } = await open(t, 'ordos-production-safety');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  await page.selectOption('#fact-scope_ruling', 'no');
  await waitText(page, '#grade', '不按本预案定级');
  await waitText(page, '#response-level', '不启动本预案响应');
  await waitText(page, '#response-who', '已认定为非生产安全事故');
  await waitText(page, '#response-who', '公安、卫生健康');
  assert.equal(await page.locator('#deadlines .deadline:not(.empty)').count(), 0, 'no deadlines of the plan');
  await page.selectOption('#fact-scope_ruling', 'yes');
  await waitText(page, '#grade', '较大');
  check();
});

test('clock start unknown: 30-minute report counted from the incident time, marked as estimated', async (t) => {
  const { page, check } = await open(t, 'ordos-production-safety');
  await page.fill('#fact-deaths', '1');
  await page.fill('#fact-incident_time', '2026-11-23T15:00');
  const row = '#deadlines .deadline[data-id="head-phone-30min"]';
  await waitText(page, row, '按事发时间估算：单位负责人接报时间未填');
  await waitText(page, row, '15:30');
  await page.fill('#fact-unit_head_notified_time', '2026-11-23T15:20');
  await waitText(page, row, '15:50');
  assert.ok(!(await page.locator(row).innerText()).includes('按事发时间估算'), 'no estimate once the start is known');
  check();
});

test('warning from the expected grade: 黄色 computed, 蓝色 published, the difference said', async (t) => {
  const { page, check } = await open(t, 'jincheng-rural-biogas');
  await showTab(page, 'warnings');
  await page.selectOption('#fact-expected_grade', 'larger');
  await page.selectOption('#fact-warning_level', 'blue');
  await waitText(page, '#warnings .warning.hazard[data-level="yellow"]', '黄色');
  await waitText(page, '#warnings .warning.hazard .warning-differs', '已发布：蓝色(IV级)');
  assert.equal(await page.locator('#warnings .warning:not(.hazard)[data-level="blue"]').count(), 1, 'the published level is shown too');
  // A warning before anything has happened: no harm entered, so nothing is graded (note zero-consequence).
  await waitText(page, '#grade', '未达到分级标准');
  check();
});

test('after the disaster: a Ⅰ级 weather response ended lists who assesses and who reports to 自治区', async (t) => {
  const { page, check } = await open(t, 'ordos-meteorological-disaster', '#fact-rain_fc_mm');
  await showTab(page, 'termination');
  await page.fill('#fact-rain_fc_area_pct', '50');
  await page.fill('#fact-rain_fc_mm', '100');
  await waitText(page, '#response-level', 'Ⅰ级');
  assert.equal(await page.locator('#recovery').count(), 0, 'no 后期处置 while the response runs');
  await page.locator('details.fact-group[data-group="报告时间"]').evaluate((d) => { d.open = true; });
  await page.check('#fact-response_ended-yes');
  await waitText(page, '#recovery [data-id="assessment-city-I-II"]', '市人民政府或者应急指挥机构 → 自治区党委和政府');
  await waitText(page, '#recovery [data-id="assessment-county"]', '灾害发生地旗区人民政府');
  check();
});
