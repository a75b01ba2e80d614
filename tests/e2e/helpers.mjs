// Shared by the e2e tests (page.test.mjs uses the constants and launch() but keeps its own open()).
// Every page opened through open() records console errors, uncaught errors, Content-Security-Policy
// violations and every request that is not to the page's own files; check() asserts there were none.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bundleIfStale } from '../../tools/bundle.mjs';
import { startServer } from '../../tools/serve.mjs';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ROOT = resolve(process.env.YINGJI_ROOT || REPO);
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** The multi-file build's policy (README "Serve or install" and "Embed"). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const TIMEOUT = 15_000;
/** www/ beside an engine built with the `test-hooks` feature (`__armPanicForTest`), made by
 *  scripts/build.sh for the tests only; the shipped pkg/ has no test-only export. */
export const TEST_HOOKS_ROOT = join(REPO, 'target', 'test-root');

// The page loads www/app.bundle.js (tools/bundle.mjs), built from www/app.js and its modules: rebuilt
// here when a module is newer, so that a stale bundle is never what the tests load.
if (ROOT === REPO) await bundleIfStale();

/**
 * For a test file: before its tests, serve the built page under the portal policy and start one
 * Chromium; after them, close both. `browser` and `server` are set on the returned object once
 * the tests run.
 */
export function portal({ root = ROOT } = {}) {
  const env = { browser: null, server: null };
  before(async () => {
    assert.ok(existsSync(join(root, 'pkg', 'yingji_bg.wasm')), `no built module in ${join(root, 'pkg')}: run scripts/build.sh first`);
    env.server = await startServer({ port: 0, root, headers: { 'Content-Security-Policy': CSP } });
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

// Runs in every page and frame before its scripts: reports CSP violations to the test.
const REPORT_VIOLATIONS = `
  document.addEventListener('securitypolicyviolation', (e) => {
    const report = globalThis.__yingjiViolation;
    if (typeof report === 'function') report([e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' '));
  }, true);
`;

/**
 * A fresh context and page. `own(url)` says whether a request is to the page's own files (default:
 * same origin as `origin`). Records problems; `check()` asserts none.
 */
export async function open(browser, t, { origin, own, url, init, context: ctxOpts = {} } = {}) {
  const isOwn =
    own ||
    ((u) => {
      try {
        return new URL(u).origin === origin;
      } catch {
        return false;
      }
    });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...ctxOpts,
  });
  t.after(() => context.close().catch(() => {}));
  const problems = [];
  const violations = [];
  const requests = [];
  await context.exposeBinding('__yingjiViolation', (_source, text) => {
    violations.push(text);
    problems.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(REPORT_VIOLATIONS);
  if (init) await context.addInitScript(init);
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (isOwn(u)) return route.continue();
    problems.push(`foreign request: ${u}`);
    return route.abort('blockedbyclient');
  });
  // Routing does not see every scheme (file:, data:); this sees every request the page makes, also
  // those a service worker answers.
  context.on('request', (req) => {
    const u = req.url();
    requests.push(u);
    if (!isOwn(u) && !u.startsWith('data:')) problems.push(`request off the page's own files: ${u}`);
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} @ ${JSON.stringify(msg.location())}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  const check = () => assert.deepEqual([...new Set(problems)], [], `problems on the page:\n${[...new Set(problems)].join('\n')}`);
  if (url) await page.goto(url);
  return { context, page, problems, violations, requests, check };
}

/** Waits for `[data-yingji-state]` on `selector` to become `state`; fails showing what it was. */
export async function waitState(scope, selector, state, timeout = TIMEOUT) {
  try {
    await scope.waitForSelector(`${selector}[data-yingji-state="${state}"]`, { timeout, state: 'attached' });
  } catch {
    const had = await scope.evaluate((s) => document.querySelector(s)?.getAttribute('data-yingji-state') ?? '(missing)', selector).catch(() => '?');
    assert.fail(`${selector} should reach data-yingji-state="${state}"; it is "${had}"`);
  }
}

/** Waits until the element's text contains `want`. */
export async function waitText(scope, selector, want, timeout = TIMEOUT) {
  try {
    await scope.waitForFunction(
      ([sel, w]) => {
        const n = document.querySelector(sel);
        // …and the page has drawn the whole result (a keystroke's result is drawn step by step, one
        // step per frame: the banner can show the new grade before the deadlines and the tabs do).
        return !!n && n.textContent.includes(w) && document.getElementById('app')?.dataset.yingjiResult !== 'pending';
      },
      [selector, want],
      { timeout },
    );
  } catch {
    const had = await scope.evaluate((sel) => document.querySelector(sel)?.textContent ?? '(missing)', selector).catch(() => '?');
    assert.fail(`${selector} should contain ${JSON.stringify(want)}; it shows ${JSON.stringify(had)}`);
  }
}

/**
 * Shows one of the result's tabs (报告时限 deadlines · 任务 tasks · 预警 warnings · 依据 why · 通讯录
 * contacts · 后期处置 termination · 事件记录 log): hidden panels are neither laid out nor redrawn.
 */
export async function showTab(page, name) {
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#pane-${name}:not([hidden])`, { state: 'attached' });
}

/** Opens a collapsed group of the facts form (data-group). */
export async function openGroup(page, group) {
  await page.locator(`#fields details.fact-group[data-group="${group}"]`).evaluate((d) => {
    d.open = true;
  });
}

/** Opens every collapsed group of the facts form (a plan switch or a reload builds them closed). */
export async function openGroups(page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('#fields details.fact-group')) d.open = true;
  });
}

/**
 * Clicks a button of the incident bar's menus (报告与导出, 事件文件: <details class="menu">), opening
 * its menu first by clicking the menu's summary, as a user does. `page`: a Playwright page or a
 * browsers.mjs session (both have click and evaluate).
 */
export async function clickMenu(page, selector) {
  const id = await page.evaluate((sel) => {
    const d = document.querySelector(sel)?.closest('details.menu');
    return d && !d.open ? d.id : null;
  }, selector);
  if (id) await page.click(`#${id} > summary`);
  await page.click(selector);
}
