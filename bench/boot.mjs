#!/usr/bin/env node
// Where a cold start's time goes (issue 14 §5): one fresh load of www/index.html in headless Chromium,
// CPU throttled 4×, cache disabled, traced with CDP Tracing (devtools.timeline, v8, loading). Prints,
// in ms after navigation start: each file's request → response end, the main thread's tasks of at
// least 4 ms (parse, module compile/evaluate, script, style, layout, paint) with the file they run,
// the main thread's busy time by kind, and the page's performance marks.
//
//   node bench/boot.mjs [--runs 3] [--min 4]      (YINGJI_ROOT=<checkout> to look at another build)
// bench/coldstart.mjs measures; this one explains.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tools/serve.mjs';
import { launch } from '../tests/e2e/helpers.mjs';

const REPO = process.env.YINGJI_ROOT || resolve(fileURLToPath(new URL('..', import.meta.url)));
const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = opt('runs', 3);
const MIN = opt('min', 4);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'loading', 'blink.user_timing', 'netlog'].join(',');

const server = await startServer({ port: 0, root: REPO });
const browser = await launch();
const short = (u) => String(u || '').replace(server.origin, '').replace('/www/', '');
try {
  for (let run = 0; run <= RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(`${server.origin}/www/index.html`, { waitUntil: 'commit' });
    // The CPU profile from the commit on (the module graph and the boot; the HTML's first bytes are before it).
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.waitForSelector('#app[data-yingji-state="ready"]', { state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(300);
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        dcl: nav.domContentLoadedEventStart,
        marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
        res: performance.getEntriesByType('resource').map((r) => [r.name, r.startTime, r.responseEnd, r.decodedBodySize]),
      };
    });
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end');
    await complete;
    await context.close();
    if (run === 0) continue; // warm-up: starts Chromium's processes
    // Navigation start: the renderer's navigationStart mark of the page's document.
    const navStart = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes('/www/index.html')).map((e) => e.ts).pop();
    const t = (ts) => (ts - navStart) / 1000;
    // The renderer main thread: the one that parsed the page.
    const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url).includes('/www/index.html'));
    const main = events.filter((e) => e.pid === parse?.pid && e.tid === parse?.tid && e.ph === 'X' && e.dur && e.ts >= navStart);
    const tops = [];
    let end = 0;
    for (const e of main.sort((a, b) => a.ts - b.ts)) {
      if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
      if (e.ts < end) continue;
      end = e.ts + e.dur;
      tops.push(e);
    }
    const url = (e) => e.args?.data?.url || e.args?.beginData?.url || e.args?.fileName || e.args?.data?.fileName || '';
    console.log(`\nrun ${run}: ${marks.res.length} files; DOMContentLoaded ${marks.dcl.toFixed(0)} ms; marks ${marks.marks.map(([n, s]) => `${n} ${s.toFixed(0)}`).join(', ')}`);
    const files = marks.res.map(([n, s, e2, b]) => `${short(n)} ${s.toFixed(0)}→${e2.toFixed(0)}${b > 100_000 ? ` (${(b / 1024).toFixed(0)} KiB)` : ''}`);
    console.log(`  files (request → response end): ${files.join('; ')}`);
    console.log(`  main-thread tasks ≥ ${MIN} ms:`);
    for (const e of tops.filter((x) => x.dur / 1000 >= MIN)) {
      // What ran inside: the longest nested events.
      const inner = main.filter((x) => x !== e && x.ts >= e.ts && x.ts + x.dur <= e.ts + e.dur && x.dur / 1000 >= MIN / 2);
      const kinds = new Map();
      for (const x of inner) {
        const k = `${x.name}${url(x) ? ` ${short(url(x))}` : ''}`;
        kinds.set(k, (kinds.get(k) || 0) + x.dur / 1000);
      }
      const detail = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
      console.log(`    @${t(e.ts).toFixed(0).padStart(5)} ${(e.dur / 1000).toFixed(0).padStart(4)} ms ${e.name}${url(e) ? ` ${short(url(e))}` : ''}${detail ? `  [${detail}]` : ''}`);
    }
    const busy = new Map();
    for (const e of tops) busy.set(e.name, (busy.get(e.name) || 0) + e.dur / 1000);
    const total = tops.reduce((a, e) => a + e.dur / 1000, 0);
    console.log(`  main thread busy ${total.toFixed(0)} ms: ${[...busy].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    // The page's JS functions by total (inclusive) and own time.
    const byId = new Map(profile.nodes.map((x) => [x.id, x]));
    const parent = new Map();
    for (const nd of profile.nodes) for (const c of nd.children || []) parent.set(c, nd.id);
    const incl = new Map();
    const self = new Map();
    const key = (cf) => `${cf.functionName || '(anonymous)'} ${short(cf.url).split('/').pop()}:${cf.lineNumber + 1}`;
    profile.samples.forEach((id, i) => {
      const us = (profile.timeDeltas[i + 1] || 0) / 1000;
      const k0 = key(byId.get(id).callFrame);
      self.set(k0, (self.get(k0) || 0) + us);
      const seen = new Set();
      for (let cur = id; cur != null; cur = parent.get(cur)) {
        const k = key(byId.get(cur).callFrame);
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) || 0) + us);
      }
    });
    const top = (m, n) => [...m].filter(([k]) => !k.startsWith('(program)') && !k.startsWith('(idle)') && !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(0)} ${k}`).join('; ');
    console.log(`  JS total: ${top(incl, Number(process.env.TOP || 25))}`);
    console.log(`  JS self: ${top(self, 15)}`);
    const kinds = new Map();
    for (const e of main) if (/^v8\.|Compile|Evaluate|Parse/.test(e.name)) kinds.set(e.name, (kinds.get(e.name) || 0) + e.dur / 1000);
    console.log(`  nested (not exclusive): ${[...kinds].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
