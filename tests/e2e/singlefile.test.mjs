// The single-file build (dist/yingji.html, tools/single-file.mjs): opened from disk with no server,
// and served under the exact Content-Security-Policy the build wrote to dist/yingji.csp.txt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { ROOT, launch, open, waitState, waitText } from './helpers.mjs';

const FILE = join(ROOT, 'dist', 'yingji.html');
const FILE_URL = pathToFileURL(FILE).href;
let browser;

before(async () => {
  assert.ok(existsSync(FILE), `no ${FILE}: run scripts/build.sh first`);
  browser = await launch();
});
after(() => browser?.close());

const onlyTheFile = (u) => u === FILE_URL || u.startsWith('data:');

test('the single file has no external resource and its CSP hashes match its inline code', () => {
  const html = readFileSync(FILE, 'utf8');
  assert.doesNotMatch(html, /<script[^>]*\ssrc=/i, 'no <script src>');
  assert.doesNotMatch(html, /<link[^>]*rel="stylesheet"/i, 'no stylesheet links');
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'no style attributes');
  assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//i, 'no external URLs');
  const csp = readFileSync(join(ROOT, 'dist', 'yingji.csp.txt'), 'utf8').trim().replace(/^Content-Security-Policy:\s*/, '');
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`), 'the file carries the documented CSP');
  const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
  assert.equal(scripts.length, 2, 'one module script and one classic preflight script');
  assert.equal(styles.length, 1);
  const scriptSrc = /script-src ([^;]*)/.exec(csp)[1].split(' ');
  const styleSrc = /style-src ([^;]*)/.exec(csp)[1].split(' ');
  for (const s of scripts) assert.ok(scriptSrc.includes(hash(s)), 'script hash listed');
  for (const s of styles) assert.ok(styleSrc.includes(hash(s)), 'style hash listed');
  assert.ok(scriptSrc.includes("'wasm-unsafe-eval'"));
  assert.ok(!/unsafe-inline|'unsafe-eval'/.test(csp), 'no unsafe-inline or unsafe-eval');
  // Both modules are carried gzip-compressed (base64 of the gzip magic 1f 8b 08 is "H4sI").
  assert.equal([...html.matchAll(/[wW]asmGzipBase64:\s*["']H4sI/g)].length, 2);
  // Nothing of the multi-file page's preloads is left (they would be requests off the file).
  assert.doesNotMatch(html, /<link[^>]*rel="(modulepreload|preload)"/);
});

test('opened from disk (file://, no server): deaths=5 gives 较大事故, Ⅱ级响应', async (t) => {
  const { page, check, requests } = await open(browser, t, { own: onlyTheFile, url: FILE_URL });
  await waitState(page, '#app', 'ready');
  if ((await page.locator('#plan').inputValue()) !== 'jincheng-noncoal-mine') await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  await waitText(page, '#response-level', 'Ⅱ级响应');
  assert.equal(await page.locator('#status-text').isVisible(), false, 'no load error shown');
  // Typed values survive a reload from disk too.
  await page.reload();
  await waitState(page, '#app', 'ready');
  await waitText(page, '#grade', '较大');
  assert.deepEqual([...new Set(requests.filter((u) => !u.startsWith('data:')))], [FILE_URL], 'the only request is the file itself');
  check();
});

test('served under the CSP in dist/yingji.csp.txt: works with no violation', async (t) => {
  const csp = readFileSync(join(ROOT, 'dist', 'yingji.csp.txt'), 'utf8').trim().replace(/^Content-Security-Policy:\s*/, '');
  const server = await startServer({ port: 0, root: ROOT, headers: { 'Content-Security-Policy': csp } });
  t.after(() => server.close());
  const { page, check } = await open(browser, t, { origin: server.origin, url: `${server.origin}/dist/yingji.html` });
  await waitState(page, '#app', 'ready');
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.fill('#fact-deaths', '30');
  await waitText(page, '#grade', '特别重大');
  check();
});

test('single file without WebAssembly: error:no-wasm with a Chinese message', async (t) => {
  const { page, check } = await open(browser, t, { own: onlyTheFile, url: FILE_URL, init: 'delete globalThis.WebAssembly;' });
  await waitState(page, '#app', 'error:no-wasm');
  assert.match(await page.locator('#status-text').innerText(), /不支持 WebAssembly/);
  check();
});

// Counts synchronous compiles (what the glue's initSync does): the file must never make one.
const COUNT_SYNC = `
  globalThis.__syncCompiles = 0;
  for (const name of ['Module', 'Instance']) {
    const Orig = WebAssembly[name];
    WebAssembly[name] = new Proxy(Orig, { construct(target, args) { globalThis.__syncCompiles++; return Reflect.construct(target, args); } });
  }
`;

test('single file in a browser without DecompressionStream: the inflate fallback unpacks both modules, never compiling synchronously', async (t) => {
  const { page, check } = await open(browser, t, { own: onlyTheFile, url: FILE_URL, init: `delete globalThis.DecompressionStream;${COUNT_SYNC}` });
  await waitState(page, '#app', 'ready');
  assert.equal(await page.evaluate(() => typeof DecompressionStream), 'undefined');
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.fill('#fact-deaths', '10');
  await waitText(page, '#grade', '重大');
  await waitText(page, '#response-level', 'Ⅰ级响应');
  // The import checker (the second module) unpacks the same way: an edited plan file is checked.
  await page.setInputFiles('#import-file', { name: 'bad.toml', mimeType: 'text/plain', buffer: Buffer.from('[plan\n') });
  await waitText(page, '#import-errors', 'bad.toml');
  assert.equal(await page.evaluate(() => globalThis.__syncCompiles), 0, 'no new WebAssembly.Module/Instance on the main thread');
  check();
});
