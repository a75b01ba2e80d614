#!/usr/bin/env node
// Where a keystroke's or a plan switch's time goes: a Chromium timeline trace (CDP Tracing,
// devtools.timeline) and a CPU profile (CDP Profiler), CPU throttled 4×, on 晋城 非煤矿山.
//   node bench/trace.mjs [type|switch] [--frames]   (YINGJI_ROOT=<checkout> to look at another build;
//   --frames: each frame's script, style, layout, paint and commit, and the layouts forced in script; TOP=n: n JS rows)
// type: ten keystrokes into 死亡人数 (digits and Backspaces, 150 ms apart); switch: six arrow keys on
// the plan <select>. Prints, per action: the main thread's time by event (EventDispatch per event
// type, Layout, UpdateLayoutTree = style, Paint, PrePaint, Commit…), the number of layouts with
// their dirty/total objects, and the page's JS functions by total time (the CPU profile).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tools/serve.mjs';

const REPO = process.env.YINGJI_ROOT || resolve(fileURLToPath(new URL('..', import.meta.url)));
const mode = process.argv[2] === 'switch' ? 'switch' : 'type';
const KEYS = mode === 'type' ? ['3', '0', 'Backspace', 'Backspace', '1', '2', 'Backspace', 'Backspace', '5', 'Backspace'] : ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowUp'];
const GAP = mode === 'type' ? 150 : 400;
const TIMELINE = ['EventDispatch', 'FunctionCall', 'TimerFire', 'Layout', 'UpdateLayoutTree', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest'];

const server = await startServer({ port: 0, root: REPO });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector('#app[data-yingji-state="ready"]', { state: 'attached', timeout: 60_000 });
await page.selectOption('#plan', 'jincheng-noncoal-mine');
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

/** Presses the keys with their gaps (into 死亡人数 or on the plan select). */
async function act() {
  await page.focus(mode === 'type' ? '#fact-deaths' : '#plan');
  for (const k of KEYS) {
    await page.keyboard.press(k);
    await page.waitForTimeout(GAP);
  }
  await page.waitForTimeout(300);
}

// 1. The timeline.
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
await act();
await cdp.send('Tracing.end');
await complete;
const sum = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur) continue;
  const k = e.name === 'EventDispatch' ? `EventDispatch(${e.args?.data?.type || '?'})` : TIMELINE.includes(e.name) ? e.name : null;
  if (k) sum.set(k, (sum.get(k) || 0) + e.dur / 1000);
}
const per = (ms) => (ms / KEYS.length).toFixed(1);
console.log(`${mode}, CPU 4× slower, ms per action (${KEYS.length} actions), nested events counted in each:`);
console.log(`  ${[...sum].filter(([, v]) => v / KEYS.length >= 0.1).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${per(v)}`).join(', ')}`);
const layouts = events.filter((e) => e.ph === 'X' && e.name === 'Layout');
console.log(`  ${layouts.length} layouts, dirty/total objects (! forced from script): ${layouts.map((e) => `${e.args?.beginData?.stackTrace ? '!' : ''}${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects}`).join(' ')}`);
for (const e of layouts.filter((x) => x.args?.beginData?.stackTrace).slice(0, 5)) {
  console.log(`    forced layout ${(e.dur / 1000).toFixed(1)} ms at ${e.args.beginData.stackTrace.slice(0, 3).map((f) => `${f.functionName || '?'} ${String(f.url).split('/').pop()}:${f.lineNumber + 1}`).join(' < ')}`);
}

// Frame by frame (--frames): each rendering update's style, layout, paint and commit, in ms, with the
// JS task before it: which frames a keystroke's own paint waits on.
if (process.argv.includes('--frames')) {
  const kinds = ['EventDispatch', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Commit'];
  const main = events.filter((e) => e.ph === 'X' && e.dur && kinds.includes(e.name)).sort((x, y) => x.ts - y.ts);
  const t0 = main[0]?.ts || 0;
  let line = [];
  let end = 0;
  let top = null;
  for (const e of main) {
    if (e.ts < end) {
      // Style or layout inside a script event: forced by the script (read after a write).
      if (top && (e.name === 'UpdateLayoutTree' || e.name === 'Layout') && e.dur > 500) {
        const st = e.args?.beginData?.stackTrace || e.args?.data?.stackTrace || [];
        const at = st.slice(0, 2).map((f) => `${f.functionName || '?'} ${String(f.url).split('/').pop()}:${f.lineNumber + 1}`).join(' < ');
        line.push(`[forced ${e.name} ${(e.dur / 1000).toFixed(1)}${at ? ` at ${at}` : ''}]`);
      }
      continue;
    }
    end = e.ts + e.dur;
    top = e.name === 'EventDispatch' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame' ? e : null;
    const label = e.name === 'EventDispatch' ? e.args?.data?.type : e.name;
    line.push(`${label} ${(e.dur / 1000).toFixed(1)}`);
    if (e.name === 'Commit') {
      console.log(`  @${((e.ts - t0) / 1000).toFixed(0)} ms: ${line.join(', ')}`);
      line = [];
    }
  }
}

// 2. The CPU profile: the page's functions by total (inclusive) time.
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await act();
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const parent = new Map();
for (const nd of profile.nodes) for (const c of nd.children || []) parent.set(c, nd.id);
const total = new Map();
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] || 0;
  const seen = new Set();
  for (let cur = id; cur != null; cur = parent.get(cur)) {
    const cf = byId.get(cur).callFrame;
    const k = `${cf.functionName || '(anonymous)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) || 0) + us / 1000);
  }
});
console.log('  JS by total time, ms per action:');
for (const [k, v] of [...total].filter(([k]) => !k.startsWith('(')).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 15))) console.log(`    ${per(v)}  ${k}`);
console.log(`  DOM elements ${await page.evaluate(() => document.getElementsByTagName('*').length)}, page height ${await page.evaluate(() => document.documentElement.scrollHeight)} px`);
await browser.close();
await server.close();
