// One small driver over two automation libraries, so a journey is written once and run in Chromium
// and in Firefox (tests/e2e/journeys.test.mjs):
//   - Chromium: Debian's /usr/bin/chromium through playwright-core (launch options in helpers.mjs);
//   - Firefox: Debian's /usr/bin/firefox-esr through puppeteer-core over WebDriver BiDi
//     (playwright-core drives only its own patched Firefox, which cannot be downloaded here).
// Neither library downloads a browser. Every page records console errors, uncaught errors, CSP
// violations and requests off the page's own files; check() asserts there were none.
//
// Firefox headless as root: no MOZ_* variable and no extra pref is needed for firefox-esr 153 with
// puppeteer's temporary profile (it lives in the system temp folder, so root's HOME does not matter).
// The prefs below only keep the browser itself from calling home (updates, telemetry, captive-portal
// and remote-settings checks …) on a machine with no network; the page's own requests are checked
// through the page's request events.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch as launchChromium } from './helpers.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const TIMEOUT = 15_000;

/** The browsers this machine can run; a missing one is named so the test fails instead of skipping. */
export const BROWSERS = ['chromium', 'firefox'];

const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'browser.region.network.url': '',
  'browser.search.update': false,
  'media.gmp-manager.url': '',
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'intl.accept_languages': 'zh-CN',
};

// Runs in every page before its scripts: reports CSP violations to the test through the console
// (the one channel both libraries carry the same way).
const REPORT_VIOLATIONS = `
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error('CSP violation: ' + [e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' '));
  }, true);
`;

/**
 * Starts one browser: `name` is "chromium" or "firefox". Resolves to `{name, open(opts),
 * openTabs(n, opts), close()}`; open() gives a fresh profile context (own storage) and page,
 * openTabs() n pages in one fresh context, see Session.
 */
/**
 * What a page must not do, the same in both drivers (Playwright and puppeteer name these events and
 * their fields alike): fetch anything but its own files, log an error, throw.
 * @param {any} page @param {(u: string) => boolean} isOwn @param {string[]} problems @param {string[]} requests
 */
function watch(page, isOwn, problems, requests) {
  page.on('request', (req) => {
    const u = req.url();
    requests.push(u);
    if (!isOwn(u) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`request off the page's own files: ${u}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
}

export async function launchBrowser(name) {
  if (name === 'chromium') {
    const browser = await launchChromium();
    return {
      name,
      open: (opts) => openPlaywright(browser, opts),
      openTabs: (n, opts) => openPlaywright(browser, opts, n),
      close: () => browser.close(),
    };
  }
  if (name === 'firefox') {
    assert.ok(existsSync(FIREFOX), `no Firefox at ${FIREFOX}: install Debian's firefox-esr (scripts/setup.sh --test)`);
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: FIREFOX_PREFS,
    });
    return {
      name,
      open: (opts) => openPuppeteer(browser, opts),
      openTabs: (n, opts) => openPuppeteer(browser, opts, n),
      close: () => browser.close(),
    };
  }
  throw new Error(`unknown browser ${name}`);
}

/** Whether a URL is one of the page's own files: same origin as `origin`, or the given predicate. */
function ownTest(origin, own) {
  if (own) return own;
  return (u) => {
    try {
      return new URL(u).origin === origin;
    } catch {
      return false;
    }
  };
}

/**
 * A page in a fresh context. Options: `url` (opened at once), `origin` (its own files; default the
 * url's origin), `own(url)` (instead of origin), `init` (script run before the page's own).
 * The returned Session: goto, reload, fill, select, click, text, value, visible, count, attr,
 * waitState, waitText, waitFor, setFile, evaluate, check, close; `requests` lists every URL requested.
 * With `tabs` = n (the browser's openTabs(n, opts)): n Sessions, pages of ONE context, so they share
 * localStorage and see each other's `storage` events as two tabs of one profile do; close() on any
 * of them closes them all.
 */
async function openPlaywright(browser, { url, origin, own, init } = {}, tabs = 0) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const isOwn = ownTest(origin || (url && new URL(url).origin), own);
  await context.addInitScript(REPORT_VIOLATIONS);
  if (init) await context.addInitScript(init);
  // Each page has its own problems and requests (a request is the page's that made it).
  const tab = async (closeAll) => {
    const problems = [];
    const requests = [];
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    watch(page, isOwn, problems, requests);
    const s = session(problems, requests, {
      goto: (u) => page.goto(u).then(() => undefined),
      reload: () => page.reload().then(() => undefined),
      fill: (sel, v) => page.fill(sel, v),
      select: (sel, v) => page.selectOption(sel, v).then(() => undefined),
      click: (sel) => page.click(sel),
      setFile: (sel, name, text) => page.setInputFiles(sel, { name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') }),
      evaluate: (fn, arg) => page.evaluate(fn, arg),
      close: closeAll,
    });
    if (url) await s.goto(url);
    return s;
  };
  const closeAll = () => context.close();
  if (!tabs) return tab(closeAll);
  const all = [];
  for (let n = 0; n < tabs; n += 1) all.push(await tab(closeAll));
  return all;
}

async function openPuppeteer(browser, { url, origin, own, init } = {}, tabs = 0) {
  const context = await browser.createBrowserContext();
  const isOwn = ownTest(origin || (url && new URL(url).origin), own);
  const uploads = [];
  const closeAll = async () => {
    await context.close();
    for (const dir of uploads) rmSync(dir, { recursive: true, force: true });
  };
  // The tab being typed into is brought to the front first, as the officer's would be: a background
  // tab renders no frames, and puppeteer's locators wait for a stable box on screen.
  let front = null;
  const toFront = async (page) => {
    if (tabs && front !== page) await page.bringToFront();
    front = page;
  };
  const tab = async () => {
    const problems = [];
    const requests = [];
    const page = await context.newPage();
    front = page;
    page.setDefaultTimeout(TIMEOUT);
    await page.setViewport({ width: 1280, height: 900 });
    watch(page, isOwn, problems, requests);
    await page.evaluateOnNewDocument(REPORT_VIOLATIONS);
    if (init) await page.evaluateOnNewDocument(init);
    const s = session(problems, requests, {
      goto: (u) => page.goto(u).then(() => undefined),
      reload: () => page.reload().then(() => undefined),
      // puppeteer's fill clears a box by assigning '' (no input event) and then types the new text,
      // so filling '' would leave the page believing the old value: select it and press Backspace,
      // as an officer would.
      fill: async (sel, v) => {
        await toFront(page);
        if (v !== '') return page.locator(sel).fill(v);
        await page.$eval(sel, (n) => {
          n.focus();
          n.select();
        });
        await page.keyboard.press('Backspace');
      },
      select: (sel, v) => toFront(page).then(() => page.select(sel, v)).then(() => undefined),
      click: (sel) => toFront(page).then(() => page.locator(sel).click()),
      // As the file picker would (WebDriver BiDi input.setFiles) from a file written under its name;
      // kept until the page closes, since the browser may read it only when the page asks.
      setFile: async (sel, name, text) => {
        const dir = mkdtempSync(join(tmpdir(), 'yingji-upload-'));
        uploads.push(dir);
        writeFileSync(join(dir, name), text);
        await (await page.$(sel)).uploadFile(join(dir, name));
      },
      evaluate: (fn, arg) => page.evaluate(fn, arg),
      close: closeAll,
    });
    if (url) await s.goto(url);
    return s;
  };
  if (!tabs) return tab();
  const all = [];
  for (let n = 0; n < tabs; n += 1) all.push(await tab());
  return all;
}

/** What both drivers share: reading the DOM and waiting, through evaluate only. */
function session(problems, requests, d) {
  const poll = async (what, fn, arg, describe, timeout = TIMEOUT) => {
    const end = Date.now() + timeout;
    for (;;) {
      let ok = false;
      try {
        ok = await d.evaluate(fn, arg);
      } catch {
        ok = false; // navigating: the page is not there yet
      }
      if (ok) return;
      if (Date.now() > end) assert.fail(`${what}; ${await describe().catch(() => '?')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const text = (sel) => d.evaluate((s) => document.querySelector(s)?.textContent ?? null, sel);
  return {
    ...d,
    problems,
    requests,
    text,
    value: (sel) => d.evaluate((s) => document.querySelector(s)?.value ?? null, sel),
    count: (sel) => d.evaluate((s) => document.querySelectorAll(s).length, sel),
    visible: (sel) =>
      d.evaluate((s) => {
        const n = document.querySelector(s);
        return !!n && !n.closest('[hidden]') && n.getClientRects().length > 0;
      }, sel),
    attr: (sel, name) => d.evaluate(([s, a]) => document.querySelector(s)?.getAttribute(a) ?? null, [sel, name]),
    waitState: (sel, state) =>
      poll(
        `${sel} should reach data-yingji-state="${state}"`,
        ([s, st]) => document.querySelector(s)?.getAttribute('data-yingji-state') === st,
        [sel, state],
        async () => `it is "${await d.evaluate((s) => document.querySelector(s)?.getAttribute('data-yingji-state') ?? '(missing)', sel)}"`,
      ),
    waitText: (sel, want) =>
      poll(
        `${sel} should contain ${JSON.stringify(want)}`,
        // …once the whole result is drawn (helpers.mjs waitText says why).
        ([s, w]) => (document.querySelector(s)?.textContent ?? '').includes(w) && document.getElementById('app')?.dataset.yingjiResult !== 'pending',
        [sel, want],
        async () => `it shows ${JSON.stringify(await text(sel))}`,
      ),
    /** Waits until `fn(arg)` in the page is truthy, at most `timeout` ms, else fails saying `what`. */
    waitFor: (what, fn, arg, timeout = TIMEOUT) => poll(what, fn, arg, async () => 'it did not happen', timeout),
    check: () => assert.deepEqual([...new Set(problems)], [], `problems on the page:\n${[...new Set(problems)].join('\n')}`),
  };
}
