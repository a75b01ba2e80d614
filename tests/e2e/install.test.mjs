// Installable and safely updated (issue 15): the web app manifest and its icons, Chromium's own
// installability check, the version badge, and an update that waits for the user's click.
//
//   node --test tests/e2e/install.test.mjs      (after scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { manifest, writeManifest } from '../../tools/sw-manifest.mjs';
import { CSP, REPO, ROOT, TIMEOUT, launch, open, waitState, waitText } from './helpers.mjs';

let browser;
before(async () => {
  assert.ok(existsSync(join(ROOT, 'pkg', 'yingji_bg.wasm')), 'run scripts/build.sh first');
  browser = await launch();
});
after(() => browser?.close());

const RELEASE = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(REPO, 'Cargo.toml'), 'utf8'))[1];
/** The newest `date` of the embedded plans (plans/<city>/*.toml, in their [plan] table). */
const DATA_DATE = readdirSync(join(REPO, 'plans'), { recursive: true })
  .filter((f) => String(f).endsWith('.toml'))
  .map((f) => /^date\s*=\s*"(\d{4}-\d{2}-\d{2})"/m.exec(readFileSync(join(REPO, 'plans', String(f)), 'utf8'))?.[1] || '')
  .reduce((a, b) => (b > a ? b : a), '');
const badge = (version) => `版本 ${RELEASE}（${version.slice(0, 8)}） · 预案数据日期 ${DATA_DATE}`;

/** Width and height from a PNG's IHDR. */
function pngSize(path) {
  const b = readFileSync(path);
  assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${path} is a PNG`);
  return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;
}

/** A copy of the built site (www/ + pkg/) that a test may change into "build B". */
function copySite(t) {
  const dir = mkdtempSync(join(tmpdir(), 'yingji-install-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, 'www'), join(dir, 'www'), { recursive: true, dereference: true });
  cpSync(join(ROOT, 'pkg'), join(dir, 'pkg'), { recursive: true, dereference: true });
  return dir;
}

async function waitCaches(page, want) {
  const end = Date.now() + TIMEOUT;
  let had;
  while (Date.now() < end) {
    had = await page.evaluate(() => caches.keys()).catch(() => null);
    if (JSON.stringify(had) === JSON.stringify(want)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`caches should be ${JSON.stringify(want)}; they are ${JSON.stringify(had)}`);
}

test('the manifest names the app, its start page, scope and icons; the page links it; the worker precaches it', () => {
  const m = JSON.parse(readFileSync(join(REPO, 'www', 'manifest.webmanifest'), 'utf8'));
  assert.equal(m.name, '应急预案助手');
  assert.equal(m.short_name, '预案助手');
  assert.equal(m.lang, 'zh-CN');
  assert.equal(m.display, 'standalone');
  assert.equal(m.start_url, './');
  assert.equal(m.scope, './');
  assert.match(m.theme_color, /^#[0-9a-f]{6}$/);
  assert.match(m.background_color, /^#[0-9a-f]{6}$/);
  const icons = m.icons.map((i) => `${i.src} ${i.sizes} ${i.type} ${i.purpose}`);
  assert.deepEqual(icons, [
    'icons/icon-192.png 192x192 image/png any',
    'icons/icon-512.png 512x512 image/png any',
    'icons/maskable-192.png 192x192 image/png maskable',
    'icons/maskable-512.png 512x512 image/png maskable',
  ]);
  for (const i of m.icons) assert.equal(pngSize(join(REPO, 'www', i.src)), i.sizes, `${i.src} is really ${i.sizes}`);
  const html = readFileSync(join(REPO, 'www', 'index.html'), 'utf8');
  assert.match(html, /<link rel="manifest" href="manifest\.webmanifest">/);
  const files = manifest(ROOT).files;
  for (const f of ['manifest.webmanifest', ...m.icons.map((i) => i.src), 'status.js', 'version.js', '../pkg/yingji_check.js', '../pkg/yingji_check_bg.wasm']) {
    assert.ok(files.includes(f), `the worker precaches ${f}`);
  }
  // The single file is not installed: no manifest link (its policy allows no fetch).
  assert.doesNotMatch(readFileSync(join(ROOT, 'dist', 'yingji.html'), 'utf8'), /rel="manifest"/);
});

test('Chromium finds the page installable (only "in-incognito", which every fresh test context reports) and shows the offline badge', async (t) => {
  const s = await startServer({ port: 0, root: ROOT, headers: { 'Content-Security-Policy': CSP } });
  t.after(() => s.close());
  const { page, check } = await open(browser, t, { origin: s.origin, url: s.url });
  await waitState(page, '#app', 'ready');
  await page.waitForSelector('#app[data-yingji-offline="ready"]', { state: 'attached' });
  const cdp = await page.context().newCDPSession(page);
  const { url, errors } = await cdp.send('Page.getAppManifest');
  assert.equal(new URL(url).pathname, '/www/manifest.webmanifest');
  assert.deepEqual(errors, [], 'the manifest parses without errors');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const ids = installabilityErrors.map((e) => e.errorId);
  assert.deepEqual(ids.filter((id) => id !== 'in-incognito'), [], JSON.stringify(installabilityErrors));
  const version = manifest(ROOT).version;
  assert.equal(await page.locator('#app-status .app-badge').innerText(), `已可离线使用 · ${badge(version)}`);
  assert.equal(await page.locator('#app-update').count(), 0, 'no update prompt for the current build');
  check();
});

test('a new build waits for the click: prompt on reload, the old build keeps answering, the click switches', async (t) => {
  const dir = copySite(t);
  const v1 = writeManifest(dir).version;
  const s = await startServer({ port: 0, root: dir, headers: { 'Content-Security-Policy': CSP } });
  t.after(() => s.close());
  const { page, check } = await open(browser, t, { origin: s.origin, url: s.url });
  await waitState(page, '#app', 'ready');
  await page.waitForSelector('#app[data-yingji-offline="ready"]', { state: 'attached' });
  await waitText(page, '#app-status', `已可离线使用 · ${badge(v1)}`);

  // Build B on the same server: a changed file, a new manifest (and version.js).
  const marker = `/* build B ${Date.now()} */`;
  appendFileSync(join(dir, 'www', 'style.css'), `\n${marker}\n`);
  const v2 = writeManifest(dir).version;
  assert.notEqual(v2, v1);

  await page.reload();
  await waitState(page, '#app', 'ready');
  await waitText(page, '#app-status .app-update', '有新版本可用');
  assert.equal(await page.locator('#app-update').innerText(), '刷新以更新');
  // Nothing switched: the page still runs build A, and both caches exist while B waits.
  await waitText(page, '#app-status .app-badge', `已可离线使用 · ${badge(v1)}`);
  assert.deepEqual((await page.evaluate(() => caches.keys())).sort(), [`yingji-${v1}`, `yingji-${v2}`].sort());
  const waiting = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { waiting: !!reg.waiting, controller: !!navigator.serviceWorker.controller };
  });
  assert.deepEqual(waiting, { waiting: true, controller: true });
  // The lazily loaded checker and every other file still come from build A's cache.
  const served = await page.evaluate(async () => ({
    version: await (await fetch('version.js')).text(),
    css: await (await fetch('style.css')).text(),
    checker: (await fetch('../pkg/yingji_check.js')).ok,
  }));
  assert.ok(served.version.includes(v1), 'version.js is build A');
  assert.ok(!served.css.includes(marker), 'style.css is build A');
  assert.ok(served.checker);

  // A second window of the app, also on build A, offered the same update.
  const other = await page.context().newPage();
  await other.goto(s.url);
  await waitState(other, '#app', 'ready');
  await waitText(other, '#app-status .app-update', '有新版本可用');

  // The click: the waiting worker takes over and the page reloads once into build B.
  await Promise.all([page.waitForEvent('load'), page.click('#app-update')]);
  // The other window is not switched under its feet: it says so and offers the reload.
  await waitText(other, '#app-status .app-update', '新版本已在其他窗口启用，请刷新本页');
  await waitText(other, '#app-status .app-badge', `已可离线使用 · ${badge(v1)}`);
  await Promise.all([other.waitForEvent('load'), other.click('#app-update')]);
  await waitText(other, '#app-status .app-badge', `已可离线使用 · ${badge(v2)}`);
  await waitState(page, '#app', 'ready');
  await waitText(page, '#app-status .app-badge', `已可离线使用 · ${badge(v2)}`);
  await waitCaches(page, [`yingji-${v2}`]);
  assert.equal(await page.locator('#app-update').count(), 0, 'the prompt is gone after the update');
  const css = await page.evaluate(async () => (await fetch('style.css')).text());
  assert.ok(css.includes(marker), 'build B is served');
  check();
});

test('the single file says 单文件版 with its version and data date', async (t) => {
  const file = pathToFileURL(join(ROOT, 'dist', 'yingji.html')).href;
  const { page, check } = await open(browser, t, { own: (u) => u === file || u.startsWith('data:'), url: file });
  await waitState(page, '#app', 'ready');
  assert.equal(await page.locator('#app-status .app-badge').innerText(), `单文件版 · ${badge(manifest(ROOT).version)}`);
  check();
});
