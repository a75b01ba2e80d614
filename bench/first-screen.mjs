// The first screen a duty officer sees at 1366×768 after entering the 晋城 roof-fall facts (3 dead,
// incident 26 minutes ago): a screenshot and which of grade, level, the next clock deadline with its
// countdown, and a phone number lie inside the viewport (y < 768), with the page's total height.
//   node bench/first-screen.mjs [label]      (YINGJI_ROOT=<checkout> to measure another build)
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tools/serve.mjs';

const REPO = process.env.YINGJI_ROOT || resolve(fileURLToPath(new URL('..', import.meta.url)));
const label = process.argv[2] || 'page';
const out = resolve(fileURLToPath(new URL('../test-output', import.meta.url)));
mkdirSync(out, { recursive: true });
const server = await startServer({ port: 0, root: REPO });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto(server.url);
await page.waitForSelector('#app[data-yingji-state="ready"]', { state: 'attached', timeout: 30_000 });
await page.selectOption('#plan', 'jincheng-noncoal-mine');
const t = new Date(Date.now() - 26 * 60_000 + 8 * 3600_000).toISOString().slice(0, 16); // China time
await page.fill('#fact-incident_time', t);
await page.fill('#fact-deaths', '3');
await page.waitForFunction(() => /较大/.test(document.getElementById('grade')?.textContent || ''));
await page.waitForTimeout(1500);
await page.evaluate(() => window.scrollTo(0, 0));
const file = `${out}/first-screen-${label}.png`;
await page.screenshot({ path: file });
const seen = await page.evaluate(() => {
  const top = (el) => (el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null);
  // The cockpit's next report (a page before the cockpit: the first pending card of the deadlines).
  const next = document.querySelector('#next-due .next-when');
  const clock = next || [...document.querySelectorAll('#deadlines li')].find((li) => li.dataset.status === 'pending');
  const countdown = next ? next.querySelector('.next-countdown') : clock?.querySelector('.countdown');
  const phone = document.querySelector('a[href^="tel:"]') || [...document.querySelectorAll('td, dd, p')].find((e) => /\d{7,}/.test(e.textContent || ''));
  return {
    height: document.documentElement.scrollHeight,
    grade: top(document.getElementById('grade')),
    level: top(document.getElementById('response-level')),
    nextClockDeadline: top(clock),
    countdown: countdown ? countdown.textContent : null,
    phone: top(phone),
  };
});
const inView = (y) => (y !== null && y < 768 ? 'in view' : 'below');
console.log(`${label}: page height ${seen.height} px; screenshot ${file}`);
for (const k of ['grade', 'level', 'nextClockDeadline', 'phone']) console.log(`  ${k}: y=${seen[k]} (${inView(seen[k])})`);
console.log(`  countdown text: ${seen.countdown}`);
await browser.close();
await server.close();
