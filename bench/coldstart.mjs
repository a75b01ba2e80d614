#!/usr/bin/env node
// Cold start (issue 8): navigation start → first result rendered, for www/index.html in headless
// Chromium with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate), side by side with a static
// HTML page of the same total byte size that does no WASM work. Every run has a fresh browser context
// (empty cache, no service worker); the two pages alternate run by run.
//
//   bash scripts/build.sh && node bench/coldstart.mjs [--runs 10] [--rate 4] [--against <checkout>]
// --against: another built checkout (e.g. `git worktree add` of the commit before a change, built),
// measured in the same runs, interleaved run by run with this one and the static page: a before/after
// on the same machine under the same load.
//
// "Rendered": the first result on screen. The page marks its root `data-yingji-first="drawn"` when its
// first screen (grade, response level, who decides, the next report due and whom to call) is written
// into the DOM (www/app.js boot, before the form and the lists), and `data-yingji-state="ready"` once
// the form is there too; a build from before the first mark (e.g. --against af68914) is timed by its
// "ready", which it set at the same point, right after its first screen. The static page's marker is an
// element after all its bytes. A script injected before the page's own polls with
// requestAnimationFrame and takes performance.now() (ms since navigation start) in the first frame
// where the marker is there, i.e. the frame that paints it. If the page sets a performance mark named
// like "first-result" or "rendered", its time is used instead. The milestones printed beside it: the
// first field of the form on screen, and the page ready (form and first screen).
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tools/serve.mjs';
import { launch } from '../tests/e2e/helpers.mjs';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = opt('runs', 10);
const RATE = opt('rate', 4);
const TIMEOUT = 60_000;
const AGAINST = process.argv.includes('--against') ? resolve(process.argv[process.argv.indexOf('--against') + 1]) : null;

const READY = '#app[data-yingji-first="drawn"], #app[data-yingji-state="ready"], #bench-rendered';
const FORM = '#fields > *'; // the first field of the page's form of facts
const PROBE = `
  (() => {
    // When WebAssembly instantiation starts and ends (the page's code is not changed).
    const wasmTimes = (globalThis.__benchWasm = { start: null, end: null });
    if (typeof WebAssembly === 'object') {
      for (const name of ['instantiate', 'instantiateStreaming']) {
        const orig = WebAssembly[name];
        if (typeof orig !== 'function') continue;
        WebAssembly[name] = function (...args) {
          if (wasmTimes.start === null) wasmTimes.start = performance.now();
          return orig.apply(this, args).then((r) => {
            wasmTimes.end = performance.now();
            return r;
          });
        };
      }
      // Synchronous instantiation of a module compiled earlier (www/engine.js, wasm-bindgen's initSync).
      const Instance = WebAssembly.Instance;
      WebAssembly.Instance = new Proxy(Instance, {
        construct(target, args, newTarget) {
          if (wasmTimes.start === null) wasmTimes.start = performance.now();
          const r = Reflect.construct(target, args, newTarget);
          wasmTimes.end = performance.now();
          return r;
        },
      });
    }
    const sel = ${JSON.stringify(READY)};
    // The first frame with a field of the form on screen, and the first with the page ready (the page
    // may draw its first result before either).
    let formAt = null;
    let readyAt = null;
    let first = null;
    const tick = () => {
      const now = performance.now();
      if (formAt === null) {
        const form = document.querySelector(${JSON.stringify(FORM)});
        if (form && !form.closest('[hidden]') && form.getClientRects().length > 0) formAt = now;
      }
      const app = document.querySelector('#app');
      const isStatic = !!document.querySelector('#bench-rendered');
      if (readyAt === null && (isStatic || (app && app.dataset.yingjiState === 'ready'))) readyAt = now;
      if (first === null && document.querySelector(sel)) {
        const nav = performance.getEntriesByType('navigation')[0];
        const res = performance.getEntriesByType('resource');
        const wasm = res.find((r) => r.name.endsWith('.wasm'));
        // A performance mark the page sets itself for its first result wins over the frame time.
        const mark = performance.getEntriesByType('mark').find((m) => /first.?result|rendered/i.test(m.name));
        first = {
          ms: mark ? mark.startTime : now,
          signal: mark ? 'performance mark "' + mark.name + '"' : 'first frame with the marker (requestAnimationFrame)',
          dcl: nav ? nav.domContentLoadedEventEnd : null,
          wasmEnd: wasm ? wasm.responseEnd : null,
          instStart: wasmTimes.start,
          instEnd: wasmTimes.end,
          bytes: (nav ? nav.decodedBodySize : 0) + res.reduce((a, r) => a + r.decodedBodySize, 0),
          files: [location.href, ...res.map((r) => r.name)],
        };
      }
      if (first !== null && readyAt !== null && (formAt !== null || isStatic)) {
        globalThis.__benchRendered = { ...first, formAt, readyAt: app ? readyAt : null, state: app ? app.dataset.yingjiState : 'static' };
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })();
`;

function machine() {
  let cpu = cpus()[0]?.model || 'unknown';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m);
    if (m) cpu = m[1];
  } catch {
    /* keep os.cpus() */
  }
  let rustc = 'n/a';
  try {
    rustc = execSync('rustc --version', { encoding: 'utf8' }).trim();
  } catch {
    /* not needed */
  }
  return `${cpu}, ${cpus().length} cores; node ${process.version}; ${rustc}`;
}

async function once(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT });
    const handle = await page.waitForFunction(() => globalThis.__benchRendered, null, { timeout: TIMEOUT, polling: 50 });
    const r = await handle.jsonValue();
    const state = await page.evaluate(() => document.querySelector('#app')?.dataset.yingjiState ?? 'static');
    if (state !== 'ready' && state !== 'static') throw new Error(`page state ${state}`);
    return r;
  } finally {
    await context.close();
  }
}

/** A page of exactly `size` bytes: inert text in a comment, then the marker element. */
function staticPage(size, files) {
  const head = '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>static</title></head><body><!--\n';
  const tail = '\n--><p id="bench-rendered">rendered</p></body></html>\n';
  // The filler is the page's own bytes as text (the .wasm as base64), made inert inside a comment.
  const parts = files.map((f) => {
    const buf = readFileSync(f);
    return f.endsWith('.wasm') ? buf.toString('base64') : buf.toString('utf8');
  });
  let filler = Buffer.from(parts.join('\n').replaceAll('--', '- '), 'utf8');
  const want = size - Buffer.byteLength(head) - Buffer.byteLength(tail);
  while (filler.length < want) filler = Buffer.concat([filler, filler]);
  filler = filler.subarray(0, want);
  // Do not end inside a multi-byte character: pad the cut with spaces.
  let end = filler.length;
  while (end > 0 && (filler[end - 1] & 0xc0) === 0x80) end--;
  if (end > 0 && filler[end - 1] >= 0xc0) end--;
  filler = Buffer.concat([filler.subarray(0, end), Buffer.alloc(want - end, 0x20)]);
  return Buffer.concat([Buffer.from(head), filler, Buffer.from(tail)]);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const med = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: med, min: s[0], max: s[s.length - 1] };
};
const ms = (x) => (x === null || x === undefined ? 'n/a' : `${x.toFixed(0)} ms`);

console.log(`machine: ${machine()}`);
const app = await startServer({ port: 0, root: REPO });
const tmp = mkdtempSync(join(tmpdir(), 'yingji-coldstart-'));
let stat = null;
const other = AGAINST ? await startServer({ port: 0, root: AGAINST }) : null;
const browser = await launch();
try {
  const appUrl = `${app.origin}/www/index.html`;
  // Warm-up (unmeasured): starts Chromium's processes, and tells which files and bytes the page loads.
  const probe = await once(browser, appUrl);
  const localFiles = [...new Set(probe.files)]
    .map((u) => new URL(u))
    .filter((u) => u.origin === app.origin)
    .map((u) => join(REPO, decodeURIComponent(u.pathname)));
  const size = localFiles.reduce((a, f) => a + readFileSync(f).length, 0);
  console.log(`page: ${localFiles.length} files, ${size} bytes to the first result (${localFiles.map((f) => f.slice(REPO.length + 1)).join(', ')})`);
  mkdirSync(join(tmp, 'www'));
  writeFileSync(join(tmp, 'www', 'index.html'), staticPage(size, localFiles));
  stat = await startServer({ port: 0, root: tmp });
  const staticUrl = `${stat.origin}/www/index.html`;
  await once(browser, staticUrl);
  const otherUrl = other ? `${other.origin}/www/index.html` : null;
  if (otherUrl) await once(browser, otherUrl);

  const times = { app: [], static: [], against: [] };
  const signals = {};
  const milestones = () => ({ dcl: [], formAt: [], readyAt: [], wasmEnd: [], instStart: [], instEnd: [] });
  const extras = { app: milestones(), against: milestones() };
  for (let i = 0; i < RUNS; i++) {
    const kinds = otherUrl ? ['app', 'against', 'static'] : ['app', 'static'];
    const order = kinds.map((_, k) => kinds[(i + k) % kinds.length]);
    for (const which of order) {
      const r = await once(browser, which === 'app' ? appUrl : which === 'static' ? staticUrl : otherUrl);
      times[which].push(r.ms);
      signals[which] = r.signal;
      if (which !== 'static') {
        for (const k of ['dcl', 'formAt', 'readyAt', 'wasmEnd', 'instStart', 'instEnd']) if (r[k] !== null && r[k] !== undefined) extras[which][k].push(r[k]);
      }
      process.stdout.write(`  run ${String(i + 1).padStart(2)} ${which.padEnd(6)} ${ms(r.ms)}  (${r.bytes} bytes)\n`);
    }
  }
  const a = stats(times.app);
  const s = stats(times.static);
  console.log(`\ncold start, CPU ${RATE}× slower, ${RUNS} runs each, fresh context per run (navigation start → first result rendered):`);
  console.log(`  www/index.html      median ${ms(a.median)}  (min ${ms(a.min)}, max ${ms(a.max)})`);
  console.log(`  signal: page ${signals.app}; static ${signals.static}`);
  const med = (xs) => (xs.length ? ms(stats(xs).median) : 'n/a');
  const milestoneText = (extra, first) =>
    `    milestones (medians, ms after navigation start): DOMContentLoaded ${med(extra.dcl)}; .wasm received ${med(extra.wasmEnd)};\n` +
    `    WebAssembly.instantiate called ${med(extra.instStart)}, resolved ${med(extra.instEnd)}; first result rendered ${first};\n` +
    `    a field of the form on screen ${med(extra.formAt)}; page ready (form and first result) ${med(extra.readyAt)}`;
  console.log(milestoneText(extras.app, ms(a.median)));
  console.log(`  static page, ${size} bytes  median ${ms(s.median)}  (min ${ms(s.min)}, max ${ms(s.max)})`);
  console.log(`  ratio (median app / median static): ${(a.median / s.median).toFixed(2)}×`);
  if (otherUrl) {
    const o = stats(times.against);
    console.log(`  --against ${AGAINST}: median ${ms(o.median)} (min ${ms(o.min)}, max ${ms(o.max)}); ratio to the same static page ${(o.median / s.median).toFixed(2)}×`);
    console.log(milestoneText(extras.against, ms(o.median)));
  }
} finally {
  await browser.close();
  await app.close();
  if (stat) await stat.close();
  if (other) await other.close();
  rmSync(tmp, { recursive: true, force: true });
}
