// Plan files as untrusted input in the page (www/import.js, www/guard.js): importing a county's edited
// plan, positioned errors for a broken one, a plan whose every text is an XSS probe (nothing runs, the
// text shows literally, nothing is requested off the page's origin), a broken stored copy, and an
// engine panic (a real Rust panic and trap, caused through the test-only export __armPanicForTest,
// which only the engine in target/test-root/ has: see scripts/build.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, ROOT, TEST_HOOKS_ROOT, open, openGroups, portal, showTab, waitState, waitText } from './helpers.mjs';

const PLAN = readFileSync(join(REPO, 'plans', 'jincheng', 'noncoal-mine.toml'), 'utf8');
const XSS = readFileSync(join(REPO, 'tests', 'fixtures', 'xss-plan.toml'), 'utf8');
const STORE = 'yingji:v1:imported';

const env = portal();
const hooked = portal({ root: TEST_HOOKS_ROOT });

async function ready(t, opts = {}) {
  const o = await open(env.browser, t, { origin: env.server.origin, url: env.server.url, ...opts });
  await waitState(o.page, '#app', 'ready');
  return o;
}

const pick = (page, name, text) =>
  page.setInputFiles('#import-file', { name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

test('an edited plan is imported, marked, evaluated, kept over a reload and removable', async (t) => {
  const { page, check } = await ready(t);
  const edited = PLAN.replace('title = "晋城市非煤矿山', 'title = "(高平修订)晋城市非煤矿山');
  await pick(page, '高平修订.toml', edited);
  // Same id as the embedded plan: renamed, and the page says so.
  await waitText(page, '#import-status', '与内置预案相同');
  await waitText(page, '#import-status', 'imported-jincheng-noncoal-mine');
  assert.equal(await page.inputValue('#plan'), 'imported-jincheng-noncoal-mine');
  const option = await page.textContent('#plan option[value="imported-jincheng-noncoal-mine"]');
  assert.equal(option, '（导入）(高平修订)晋城市非煤矿山生产安全事故应急预案 — 高平修订.toml');
  assert.ok(await page.$('#plan option[value="jincheng-noncoal-mine"]'), 'the embedded plan stays');
  await waitText(page, '#plan-meta', '（导入）文件“高平修订.toml”');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');

  await page.reload();
  await waitState(page, '#app', 'ready');
  assert.equal(await page.inputValue('#plan'), 'imported-jincheng-noncoal-mine');
  assert.equal(await page.inputValue('#fact-deaths'), '5');
  await waitText(page, '#grade', '较大');

  await page.click('#import-list .import-remove');
  // Back to the first embedded plan.
  assert.equal(await page.inputValue('#plan'), await page.getAttribute('#plan option', 'value'));
  assert.equal(await page.$('#plan option[value="imported-jincheng-noncoal-mine"]'), null);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORE), '[]');
  check();
});

test('a broken file lists every problem with its place: 第L行第C列 or the key path', async (t) => {
  const { page, check } = await ready(t);
  await pick(page, '坏.toml', PLAN.replace('date = "2020-10-12"', 'date = 2020-10-12"'));
  await waitText(page, '#import-status', '未导入“坏.toml”');
  const place = await page.textContent('#import-errors .err-place');
  assert.match(place, /^第11行第\d+列$/);
  assert.match(await page.textContent('#import-errors li'), /^坏\.toml：第11行第\d+列：无法解析/);

  const gap = PLAN.replace('min = 10\nmin_inclusive = true\nmax = 30', 'min = 11\nmin_inclusive = true\nmax = 30')
    .replace('id = "jincheng-noncoal-mine"', 'id = "county-plan"')
    .replace('line = 1174 }', 'line = 9999 }');
  await pick(page, 'gap.toml', gap);
  await waitText(page, '#import-status', '未导入“gap.toml”');
  const errors = await page.$$eval('#import-errors li', (lis) => lis.map((li) => li.textContent));
  assert.ok(errors.length >= 2, JSON.stringify(errors));
  assert.ok(errors.some((e) => e.startsWith('gap.toml：grading.axes[0](deaths)') && e.includes('空档')), JSON.stringify(errors));
  assert.ok(errors.some((e) => e.includes('9999')), JSON.stringify(errors));
  // Nothing was added to the plan list.
  assert.equal(await page.$('#imported-plans'), null);
  check();
});

test('a broken stored copy is dropped with a message, never breaking the page', async (t) => {
  const { page, check } = await ready(t);
  // A stored file that no longer validates, and one that is not even a record.
  await page.evaluate(([k, good]) => localStorage.setItem(k, JSON.stringify([{ file: 'old.toml', text: 'x = ' }, 42, { file: 'ok.toml', text: good }])), [STORE, PLAN.replace('id = "jincheng-noncoal-mine"', 'id = "ok-plan"')]);
  await page.reload();
  await waitState(page, '#app', 'ready');
  await waitText(page, '#import-status', '“old.toml”、“（无法识别的记录）”已无法通过校验，已删除');
  assert.ok(await page.$('#plan option[value="ok-plan"]'), 'the good one stays');
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORE)).length, 1);
  // Not JSON at all.
  await page.evaluate((k) => localStorage.setItem(k, '{oops'), STORE);
  await page.reload();
  await waitState(page, '#app', 'ready');
  await waitText(page, '#import-status', '已损坏，已删除');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORE), '[]');
  check();
});

test('a plan whose every text is an XSS probe: nothing runs, nothing is fetched, the text shows literally', async (t) => {
  const dialogs = [];
  const { page, check, requests } = await ready(t);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await pick(page, '<img src=x onerror=window.__xss=99>.toml', XSS);
  await waitText(page, '#import-status', '已导入');
  assert.equal(await page.inputValue('#plan'), 'xss-probe-plan');
  // Reach as much of the plan as possible: a grade, a response, judgements, deadlines, warnings.
  await page.fill('#fact-deaths', '31');
  await page.fill('#fact-incident_time', '2024-05-01T10:00');
  await openGroups(page);
  for (const r of await page.$$('input[type=radio][value=yes]')) await r.check();
  await page.selectOption('#fact-warning_level', 'red').catch(() => {});
  await page.waitForTimeout(300);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await page.hover('#app');
  await page.waitForTimeout(300);

  assert.equal(await page.evaluate(() => window.__xss), undefined, 'a probe ran');
  assert.deepEqual(dialogs, []);
  // No element from plan text: nothing but the page's own markup kinds inside #app.
  const injected = await page.$$eval('#app img, #app script, #app svg:not(.pic), #app iframe, #app style, #app math, #app a[href], #app b', (n) => n.map((x) => x.outerHTML.slice(0, 80)));
  assert.deepEqual(injected, []);
  // The page's own pictures (svg-*.js, class "pic") hold only the kinds of element they draw.
  const drawn = await page.$$eval('#app svg.pic *', (n) => [...new Set(n.map((x) => x.tagName))].sort());
  assert.deepEqual(drawn.filter((tag) => !['circle', 'g', 'line', 'path', 'polyline', 'rect', 'text', 'title'].includes(tag)), []);
  // Every tab's panel in turn (a hidden panel is neither drawn nor in innerText).
  let text = '';
  for (const tab of await page.$$eval('#tablist [role="tab"]:not([hidden])', (b) => b.map((x) => x.dataset.tab))) {
    await showTab(page, tab);
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    text += await page.evaluate(() => document.getElementById('app').innerText);
  }
  for (const probe of [
    '<script>window.__xss=2</script>#1',
    '<img src=x onerror=window.__xss=1>#',
    '"><svg onload=window.__xss=3>#',
    '<a href="javascript:window.__xss=4">点我</a>#',
    '<img src=https://evil.example/x.png>#',
    'javascript:window.__xss=10#',
  ]) {
    assert.ok(text.includes(probe), `shown literally: ${probe}`);
  }
  // The option and the file name are text too.
  assert.match(await page.textContent('#plan option[value="xss-probe-plan"]'), /^（导入）<script>window\.__xss=2<\/script>#1 — <img src=x onerror=window\.__xss=99>\.toml$/);
  assert.ok(requests.every((u) => u.startsWith(env.server.origin)), requests.filter((u) => !u.startsWith(env.server.origin)).join('\n'));
  check();
});

test('an engine panic shows a recoverable error, keeps the input, and a reload brings it back', async (t) => {
  const { page, check } = await open(hooked.browser, t, { origin: hooked.server.origin, url: hooked.server.url });
  await waitState(page, '#app', 'ready');
  // A graded plan (the first plan in the list may be a support procedure without casualty facts).
  await page.selectOption('#plan', 'lvliang-special-equipment');
  await page.fill('#fact-deaths', '3');
  await waitText(page, '#grade', '较大');
  // A real panic inside evaluate(): the Rust panic hook keeps the message, the call traps.
  await page.evaluate(async () => {
    const m = await import('/pkg/yingji.js');
    m.__armPanicForTest();
  });
  await page.fill('#fact-deaths', '4');
  await waitState(page, '#app', 'error:engine');
  await waitText(page, '#engine-failure', '引擎内部错误');
  await waitText(page, '#engine-failure', '已保存您的输入');
  await waitText(page, '#engine-failure', '测试用的故意崩溃');
  // Further calls do not reach the engine again; the input is saved.
  await page.fill('#fact-deaths', '5');
  // The input is kept in the current incident (www/incident.js).
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('yingji:v1:incidents:v1')));
  assert.equal(saved.incidents.find((i) => i.id === saved.current).values.deaths, '5');
  await Promise.all([page.waitForNavigation(), page.click('#engine-reload')]);
  await waitState(page, '#app', 'ready');
  assert.equal(await page.inputValue('#fact-deaths'), '5');
  await waitText(page, '#grade', '较大');
  assert.equal(await page.$('#engine-failure'), null);
  check();
});

test('the import and guard modules build no DOM from strings and are in both builds', () => {
  const forbidden = /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.style\b|cssText|\beval\s*\(|new\s+Function|setTimeout\s*\(\s*['"`]|setAttribute\(\s*['"]style/;
  for (const f of ['import.js', 'guard.js']) {
    const lines = readFileSync(join(REPO, 'www', f), 'utf8').split('\n');
    const hit = lines.findIndex((l) => forbidden.test(l));
    assert.equal(hit, -1, `www/${f} line ${hit + 1} uses a forbidden API: ${lines[hit]}`);
  }
  const single = readFileSync(join(ROOT, 'dist', 'yingji.html'), 'utf8');
  assert.match(single, /function setupImport\(/, 'import.js is inlined in the single file');
  assert.match(single, /function guardEngine\(/, 'guard.js is inlined in the single file');
  const sw = readFileSync(join(ROOT, 'www', 'sw-manifest.js'), 'utf8');
  assert.match(sw, /"import\.js"/);
  assert.match(sw, /"guard\.js"/);
});
