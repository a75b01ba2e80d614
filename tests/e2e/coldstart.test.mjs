// The start loads what the first result needs, no more (issue 14 §5): the plan editor is loaded on the
// first click of 编辑预案, the report modules after the first result (so a print from the browser's menu
// finds the written report), the 依据 tab and the AQI chart when shown. The incident bar's menus
// (报告与导出, 事件文件) work by keyboard. Headless Chromium; the figures are bench/coldstart.mjs's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, clickMenu, open, portal, showTab, waitState, waitText } from './helpers.mjs';

const env = portal();
// The page loads its bundle (tools/bundle.mjs); each lazy module and what only it imports is one chunk.
const LAZY = ['app.lazy-editor.js', 'app.lazy-report-actions.js', 'app.lazy-render-why.js', 'app.lazy-svg-aqi.js'];
// What the page itself fetched (its resource timing): the service worker, once registered, fetches every
// file for offline use, in its own context, at a moment a slow machine does not fix (CI saw it fetch
// the editor before the first result).
const loaded = (page, file) => page.evaluate((f) => performance.getEntriesByType('resource').some((r) => new URL(r.name).pathname.endsWith(`/www/${f}`)), file);

test('no module loaded on first use is in the modulepreload list', () => {
  const html = readFileSync(join(REPO, 'www', 'index.html'), 'utf8');
  const links = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  assert.ok(links.includes('app.bundle.js') && links.some((l) => l.startsWith('app.shared-')), links.join(' '));
  for (const f of LAZY) assert.ok(!links.includes(f), `${f} is preloaded`);
});

test('the editor is loaded on the first click of 编辑预案; the report modules after the first result, before a print', async (t) => {
  const { page, check } = await open(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await waitState(page, '#app', 'ready');
  assert.ok(!(await loaded(page, 'app.lazy-editor.js')), 'the editor is not loaded at start');
  // What is not needed for the first result starts loading after it (app.js marks it 'yingji-ready').
  const early = await page.evaluate((files) => {
    const ready = performance.getEntriesByName('yingji-ready')[0].startTime;
    return performance.getEntriesByType('resource').filter((r) => files.some((f) => r.name.endsWith(`/www/${f}`)) && r.startTime < ready).map((r) => r.name);
  }, LAZY);
  assert.deepEqual(early, [], 'loaded before the first result');
  await page.fill('#fact-deaths', '3');
  await waitText(page, '#grade', '较大');
  // Loaded a moment after the first result: then a print from the browser's menu draws the report.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/app.lazy-report-actions.js')));
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await waitText(page, '#report', '3人死亡');
  await page.click('#editor-toggle');
  await page.waitForSelector('#editor', { state: 'visible' });
  assert.ok(await loaded(page, 'app.lazy-editor.js'), 'the editor is loaded on its first click');
  assert.equal(await page.getAttribute('#editor-toggle', 'aria-pressed'), 'true');
  await page.click('#editor-toggle');
  await page.waitForSelector('#editor', { state: 'hidden' });
  await showTab(page, 'why');
  await waitText(page, '#why-body', '事故等级怎么得出');
  check();
});

test('the .wasm is fetched and compiled once, by wasm-early.js, even when that async script arrives after the page module', async (t) => {
  const context = await env.browser.newContext();
  t.after(() => context.close());
  // Held back until the page's module has surely run (it preloads and evaluates at once on localhost).
  let released = false;
  await context.route('**/wasm-early.js', async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    released = true;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitState(page, '#app', 'ready');
  assert.ok(released, 'the page waited for wasm-early.js');
  const got = await page.evaluate(() => ({
    wasm: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/yingji_bg.wasm')).length,
    early: !!(/** @type {any} */ (window).__yingjiWasmEarly),
  }));
  assert.deepEqual(got, { wasm: 1, early: true });
});

test('报告与导出 and 事件文件: menus of buttons, opened and closed by keyboard, one open at a time', async (t) => {
  const { page, check } = await open(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await waitState(page, '#app', 'ready');
  const open_ = (id) => page.evaluate((i) => document.getElementById(i).open, id);
  assert.equal(await page.isVisible('#incident-print'), false, 'the menu starts closed');
  await page.focus('#report-menu > summary');
  await page.keyboard.press('Enter');
  assert.equal(await open_('report-menu'), true);
  assert.equal(await page.isVisible('#quick-report-btn'), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'incident-print', 'Tab goes to the first button');
  await page.keyboard.press('Escape');
  assert.equal(await open_('report-menu'), false, 'Escape closes');
  assert.equal(await page.evaluate(() => document.activeElement.closest('details')?.id), 'report-menu', 'the focus back on the summary');
  await page.click('#report-menu > summary');
  await page.click('#file-menu > summary');
  assert.equal(await open_('file-menu'), true);
  assert.equal(await open_('report-menu'), false, 'one menu open at a time');
  await page.click('h1');
  assert.equal(await open_('file-menu'), false, 'a click elsewhere closes');
  // A button chosen closes its menu (电话快报 opens its box below the bar).
  await clickMenu(page, '#quick-report-btn');
  await page.waitForSelector('#quick-report', { state: 'visible' });
  assert.equal(await open_('report-menu'), false);
  check();
});
