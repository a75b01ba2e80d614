// The plan workbench's response times in headless Chromium (median of 9): opening the 晋城 非煤矿山
// template (outline, check, forms, try pane), one value edit (a band bound: apply, outline, check,
// quote check, diff, try), and one «确认» on a draft of that plan's pasted text (95 marks).
//   node bench/editor.mjs      (YINGJI_ROOT=<checkout> to measure another build)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tools/serve.mjs';

const REPO = process.env.YINGJI_ROOT || resolve(fileURLToPath(new URL('..', import.meta.url)));
const SEED = readFileSync(join(REPO, '..', 'shared', 'seeds', '002_0bfa9b600ed86ad0.txt'), 'utf8');
const server = await startServer({ port: 0, root: REPO });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
await page.goto(server.url);
await page.waitForSelector('#app[data-yingji-state="ready"]', { state: 'attached', timeout: 30_000 });
await page.click('#editor-toggle');
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
/** ms from the action to the try pane's redraw (the last thing an edit updates). */
async function timed(action) {
  await page.evaluate(() => {
    window.__t0 = performance.now();
    window.__done = new Promise((res) => new MutationObserver((_, o) => (o.disconnect(), res(performance.now()))).observe(document.getElementById('ed-try'), { childList: true }));
  });
  await action();
  return page.evaluate(async () => (await window.__done) - window.__t0);
}
const open = [];
for (let i = 0; i < 9; i++) open.push(await timed(() => page.click('#ed-use-template')));
await page.click('details[data-section="分级标准"] > summary');
const sel = 'fieldset[data-name="grading.axes[0](deaths).bands[2]"] .ed-field[data-key="max"] input';
const edit = [];
for (let i = 0; i < 9; i++) {
  edit.push(await timed(async () => {
    await page.fill(sel, String(11 - (i % 2)));
    await page.press(sel, 'Tab');
  }));
}
await page.fill('#ed-source', SEED.split('\n').slice(1129, 1691).join('\n'));
await timed(() => page.click('#ed-draft'));
const confirm = [];
for (let i = 0; i < 9; i++) confirm.push(await timed(() => page.click('#ed-marks li:first-child .ed-confirm')));
console.log(JSON.stringify({ open_template_ms: Math.round(median(open)), value_edit_ms: Math.round(median(edit)), confirm_on_draft_ms: Math.round(median(confirm)) }));
await browser.close();
await server.close();
