// The installable offline app (www/sw.js + the generated www/sw-manifest.js): after one visit the
// page works with the server stopped, and a new build replaces the old cache. Served from a copy of
// www/ and pkg/ so a "new version" can be made without touching the repository.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { manifest, writeManifest } from '../../tools/sw-manifest.mjs';
import { CSP, ROOT, TIMEOUT, launch, open, waitState, waitText } from './helpers.mjs';

let browser;
before(async () => {
  assert.ok(existsSync(join(ROOT, 'pkg', 'yingji_bg.wasm')), 'run scripts/build.sh first');
  browser = await launch();
});
after(() => browser?.close());

const cacheKeys = (page) => page.evaluate(() => caches.keys());

/** Polls from here: waitForFunction would take the pending promise of caches.keys() as truthy. */
async function waitCaches(page, want) {
  const end = Date.now() + TIMEOUT;
  let had;
  while (Date.now() < end) {
    had = await cacheKeys(page);
    if (JSON.stringify(had) === JSON.stringify(want)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`caches should be ${JSON.stringify(want)}; they are ${JSON.stringify(had)}`);
}

test('the build writes the precache list and a content-hash version', () => {
  const m = manifest(ROOT);
  assert.match(m.version, /^[0-9a-f]{16}$/);
  for (const f of ['./', 'index.html', 'app.js', 'engine.js', 'preflight.js', 'style.css', 'incident.js', 'incident.css', 'favicon.svg', 'embed.html', 'yingji-panel.js', 'yingji-panel.css', 'status.js', 'status.css', 'version.js', 'manifest.webmanifest', 'icons/icon-192.png', '../pkg/yingji.js', '../pkg/yingji_bg.wasm', '../pkg/yingji_check.js', '../pkg/yingji_check_bg.wasm']) {
    assert.ok(m.files.includes(f), `precaches ${f}`);
  }
  // The page's bundle (tools/bundle.mjs), the chunks index.html preloads and the lazy ones; no source map.
  const html = readFileSync(join(ROOT, 'www', 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((x) => x[1]);
  for (const f of ['app.bundle.js', 'wasm-early.js', ...preloaded]) assert.ok(m.files.includes(f), `precaches ${f}`);
  assert.ok(m.files.some((f) => /^app\.lazy-editor\.js$/.test(f)), 'precaches the editor chunk');
  assert.deepEqual(m.files.filter((f) => f.endsWith('.map')), [], 'no source map is precached');
  const written = readFileSync(join(ROOT, 'www', 'sw-manifest.js'), 'utf8');
  assert.ok(written.includes(`"version": "${m.version}"`), 'www/sw-manifest.js matches the files (run scripts/build.sh)');
  const version = readFileSync(join(ROOT, 'www', 'version.js'), 'utf8');
  assert.ok(version.includes(`"version":"${m.version}"`), 'www/version.js is the same build');
  // The worker waits for the page's «刷新以更新» (SKIP_WAITING) instead of taking over at install.
  const sw = readFileSync(join(ROOT, 'www', 'sw.js'), 'utf8').replace(/\/\/.*$/gm, '');
  assert.equal(sw.match(/skipWaiting\(\)/g)?.length, 1, 'one skipWaiting(), in the message handler');
  assert.match(sw, /'SKIP_WAITING'\) self\.skipWaiting\(\)/);
});

test('load once, stop the server, reload: still works; a new build replaces the old cache', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'yingji-offline-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, 'www'), join(dir, 'www'), { recursive: true, dereference: true });
  cpSync(join(ROOT, 'pkg'), join(dir, 'pkg'), { recursive: true, dereference: true });
  const v1 = writeManifest(dir).version;

  let server = await startServer({ port: 0, root: dir, headers: { 'Content-Security-Policy': CSP } });
  const { port, origin, url } = server;
  t.after(() => server.close());
  const { page, check } = await open(browser, t, { origin, url });

  // First visit: the worker installs, precaches this build and takes control.
  await waitState(page, '#app', 'ready');
  await page.waitForSelector('#app[data-yingji-offline="ready"]', { state: 'attached' });
  await waitCaches(page, [`yingji-${v1}`]);

  // No server at all.
  await server.close();
  await page.reload();
  await waitState(page, '#app', 'ready');
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  await waitText(page, '#response-level', 'Ⅱ级响应');
  // The embedding demo is precached too.
  await page.goto(`${origin}/www/embed.html`);
  await waitState(page, '#panel', 'ready');

  // A new build: one file changes, the build step writes a new manifest; same origin again.
  const marker = `/* new build ${Date.now()} */`;
  appendFileSync(join(dir, 'www', 'style.css'), `\n${marker}\n`);
  const v2 = writeManifest(dir).version;
  assert.notEqual(v2, v1, 'a changed file changes the version');
  server = await startServer({ port, root: dir, headers: { 'Content-Security-Policy': CSP } });
  await page.goto(url);
  await waitState(page, '#app', 'ready');
  // The new worker waits for the user (no silent switch: tests/e2e/install.test.mjs); the click
  // activates it and reloads the page.
  await page.waitForSelector('#app-update');
  await Promise.all([page.waitForEvent('load'), page.click('#app-update')]);
  await waitState(page, '#app', 'ready');
  await waitCaches(page, [`yingji-${v2}`]); // the old cache is gone
  const cachedCss = await page.evaluate(async (name) => (await (await caches.open(name)).match('style.css')).text(), `yingji-${v2}`);
  assert.ok(cachedCss.includes(marker), 'the new cache holds the new build');

  // And the new version works offline.
  await server.close();
  await page.reload();
  await waitState(page, '#app', 'ready');
  const css = await page.evaluate(async () => (await fetch('style.css')).text());
  assert.ok(css.includes(marker), 'offline, the page gets the new build');
  await page.fill('#fact-deaths', '30');
  await waitText(page, '#grade', '特别重大');
  check();
});
