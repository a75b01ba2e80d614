// Every way loading can fail that headless Chromium can provoke: the root (page) or host (custom
// element) reaches data-yingji-state="error:<code>" and shows a specific Chinese message. Provoking a
// failure causes the browser's own console errors (a 404, a CSP report), so these tests assert only
// that nothing left the page's own files, plus what each case must show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { CSP, ROOT, launch, open, waitState } from './helpers.mjs';

let browser;
before(async () => {
  assert.ok(existsSync(join(ROOT, 'pkg', 'yingji_bg.wasm')), 'run scripts/build.sh first');
  browser = await launch();
});
after(() => browser?.close());

const noForeign = (problems) => {
  const bad = problems.filter((p) => p.startsWith('foreign') || p.startsWith('request off') || p.startsWith('page error'));
  assert.deepEqual(bad, [], bad.join('\n'));
};

async function serve(t, opts) {
  const s = await startServer({ port: 0, root: ROOT, headers: { 'Content-Security-Policy': CSP }, ...opts });
  t.after(() => s.close());
  return s;
}

test('blocked by CSP (no wasm-unsafe-eval): error:csp on the page and on <yingji-panel>', async (t) => {
  const s = await serve(t, { headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" } });
  {
    const { page, problems, violations } = await open(browser, t, { origin: s.origin, url: s.url });
    await waitState(page, '#app', 'error:csp');
    assert.match(await page.locator('#status-text').innerText(), /内容安全策略.*wasm-unsafe-eval/);
    assert.ok(violations.some((v) => /wasm-eval/.test(v)), `the violation was seen by the test harness: ${violations}`);
    noForeign(problems);
  }
  {
    const { page, problems } = await open(browser, t, { origin: s.origin, url: `${s.origin}/www/embed.html` });
    await waitState(page, '#panel', 'error:csp');
    assert.match(await page.locator('#panel .status-text').innerText(), /wasm-unsafe-eval/);
    noForeign(problems);
  }
});

test('wrong MIME type for .wasm (application/octet-stream): error:mime, reported, not worked around', async (t) => {
  const s = await serve(t, { types: { '.wasm': 'application/octet-stream' } });
  const { page, check } = await open(browser, t, { origin: s.origin, url: s.url });
  await waitState(page, '#app', 'error:mime');
  const msg = await page.locator('#status-text').innerText();
  assert.match(msg, /application\/wasm/);
  assert.match(msg, /application\/octet-stream/, 'says what the server sent');
  check(); // detected before any compile: no console error at all
});

/** Serves www/ beside a pkg/ that holds only `files` (the others missing). */
async function serveWithPkg(t, files) {
  const dir = mkdtempSync(join(tmpdir(), 'yingji-pkg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(ROOT, 'www'), join(dir, 'www'));
  mkdirSync(join(dir, 'pkg'));
  for (const f of files) symlinkSync(join(ROOT, 'pkg', f), join(dir, 'pkg', f));
  return serve(t, { root: dir });
}

test('missing .wasm file: error:fetch naming the file and the HTTP status', async (t) => {
  const s = await serveWithPkg(t, ['yingji.js']);
  const { page, problems } = await open(browser, t, { origin: s.origin, url: s.url });
  await waitState(page, '#app', 'error:fetch');
  const msg = await page.locator('#status-text').innerText();
  assert.match(msg, /yingji_bg\.wasm.*404/);
  assert.match(msg, /请检查网络后刷新页面；如仍失败，请联系网站管理员检查部署/);
  noForeign(problems);
});

test('missing engine glue (pkg/yingji.js, imported with the page): error:fetch naming it, said by preflight.js', async (t) => {
  const s = await serveWithPkg(t, ['yingji_bg.wasm']);
  const { page, problems } = await open(browser, t, { origin: s.origin, url: s.url });
  await waitState(page, '#app', 'error:fetch');
  const msg = await page.locator('#status-text').innerText();
  assert.match(msg, /pkg\/yingji\.js/);
  assert.match(msg, /请检查网络后刷新页面；如仍失败，请联系网站管理员检查部署/);
  assert.equal(await page.getAttribute('#app', 'aria-busy'), null, 'no longer busy');
  noForeign(problems);
});

test('wasm-early.js missing or blocked: the page still grades (engine.js fetches the .wasm itself)', async (t) => {
  const s = await serve(t);
  for (const fail of [(r) => r.fulfill({ status: 404, body: 'not found' }), (r) => r.abort('blockedbyclient')]) {
    const { page, context, problems } = await open(browser, t, { origin: s.origin });
    await context.route('**/wasm-early.js', fail);
    await page.goto(s.url);
    await waitState(page, '#app', 'ready');
    await page.selectOption('#plan', 'jincheng-noncoal-mine');
    await page.fill('#fact-deaths', '3');
    await page.waitForFunction(() => document.getElementById('grade')?.textContent.includes('较大'));
    noForeign(problems);
  }
});

test('multi-file build opened from file://: error:file-protocol pointing to the single file', async (t) => {
  const www = pathToFileURL(join(ROOT, 'www')).href + '/';
  // The build's own files are www/ and pkg/ (index.html preloads the module and the .wasm from pkg/).
  const pkg = pathToFileURL(join(ROOT, 'pkg')).href + '/';
  const { page, problems } = await open(browser, t, { own: (u) => u.startsWith(www) || u.startsWith(pkg), url: `${www}index.html` });
  await waitState(page, '#app', 'error:file-protocol');
  const msg = await page.locator('#status-text').innerText();
  assert.match(msg, /不能直接从文件打开/);
  assert.match(msg, /yingji\.html/);
  assert.match(msg, /请联系网站管理员部署后通过网址访问/, 'says what to do, not which script to run');
  assert.doesNotMatch(msg, /scripts\/|127\.0\.0\.1/);
  noForeign(problems);
});

test('no WebAssembly: error:no-wasm on <yingji-panel> too', async (t) => {
  const s = await serve(t);
  const { page, check } = await open(browser, t, { origin: s.origin, url: `${s.origin}/www/embed.html`, init: 'delete globalThis.WebAssembly;' });
  await waitState(page, '#panel', 'error:no-wasm');
  const f = page.frame({ url: /\/www\/index\.html$/ });
  await waitState(f, '#app', 'error:no-wasm');
  assert.match(await page.locator('#panel .status-text').innerText(), /不支持 WebAssembly/);
  check();
});

test('load messages say what the user or the site administrator does, never a developer command', async () => {
  const { LOAD_ERRORS } = await import('../../www/engine.js');
  assert.deepEqual(Object.keys(LOAD_ERRORS).sort(), ['checker', 'csp', 'fetch', 'file-protocol', 'init', 'mime', 'no-wasm', 'plan'].sort());
  for (const [code, text] of Object.entries(LOAD_ERRORS)) {
    assert.doesNotMatch(text, /scripts\/|\.sh\b|README|127\.0\.0\.1|localhost/, `${code}: ${text}`);
  }
  for (const code of ['csp', 'mime', 'fetch', 'checker', 'init']) assert.match(LOAD_ERRORS[code], /联系网站管理员/, code);
  // preflight.js (ES5, runs before the modules) says the same as the module would.
  const preflight = readFileSync(join(ROOT, 'www', 'preflight.js'), 'utf8');
  for (const code of ['no-wasm', 'file-protocol']) assert.ok(preflight.includes(`'${LOAD_ERRORS[code]}'`), `preflight.js: ${code}`);
  // The loading hint in the page too.
  const hint = /<p id="status-hint"[^>]*>([^<]*)<\/p>/.exec(readFileSync(join(ROOT, 'www', 'index.html'), 'utf8'))[1];
  assert.equal(hint, '如果一直停留在此：请刷新页面；仍然不行，请联系网站管理员检查部署，或改用单文件版 yingji.html（双击即可打开，无需网络）。');
});
