// The cockpit (issue 15 §1): at 1366×768, after the 晋城 roof-fall facts, the first screen holds the
// grade, the level, the next clock deadline with its countdown and a number to call, with no scrolling
// (screenshot: test-output/cockpit-1366x768.png); the result's tabs by keyboard; a hidden tab is not
// redrawn while typing but is right when shown; the phone layout keeps the same order
// (test-output/cockpit-390.png); the facts form's groups; a focused box's ring is not cut by its
// field's clip (the fields out of view are skipped with content-visibility: auto, www/cockpit.css); Tab
// to a box half out of view shows its label and its refusal too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, open as openPage, portal, showTab, waitState, waitText } from './helpers.mjs';

const env = portal();
const OUT = join(REPO, 'test-output');

async function open(t, viewport = { width: 1366, height: 768 }) {
  const r = await openPage(env.browser, t, { origin: env.server.origin, context: { viewport } });
  await r.page.goto(env.server.url);
  await waitState(r.page, '#app', 'ready');
  return r;
}

/** China wall time `minutes` ago, as a datetime-local value. */
const chinaAgo = (minutes) => new Date(Date.now() - minutes * 60_000 + 8 * 3600_000).toISOString().slice(0, 16);

/** The 晋城 非煤矿山 roof fall: 3 dead, the incident `minutes` ago. */
async function roofFall(page, minutes) {
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.fill('#fact-incident_time', chinaAgo(minutes));
  await page.fill('#fact-deaths', '3');
  await waitText(page, '#grade', '较大');
}

/** The element's box, asserted inside the viewport. */
async function inView(page, selector, height) {
  const box = await page.locator(selector).first().boundingBox();
  assert.ok(box, `${selector} is laid out`);
  assert.ok(box.y >= 0 && box.y + box.height <= height, `${selector} inside 0..${height}: y=${box.y}, height=${box.height}`);
  return box;
}

test('1366×768: grade, level, next clock deadline with countdown and a number to call, all without scrolling', async (t) => {
  const { page, check } = await open(t);
  await roofFall(page, 5);
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await inView(page, '#grade', 768);
  await inView(page, '#response-level', 768);
  assert.match(await page.textContent('#response-level'), /Ⅱ级/);
  // The next due: the earliest clock deadline, counting down, its clock time, and a tel: link in the strip.
  await waitText(page, '#next-due .next-countdown', '还剩');
  assert.match(await page.textContent('#next-due .next-countdown'), /^还剩 \d\d:\d\d:\d\d$/);
  const due = await page.evaluate(() => [...document.querySelectorAll('#deadlines li.deadline[data-status="pending"]')].map((li) => li.dataset.due).sort()[0]);
  // Its clock time in China; after 23:00 there the first report is due tomorrow, shown with its date.
  const at = (ms) => new Date(ms + 8 * 3600_000);
  const d = at(Date.parse(due));
  const hhmm = d.toISOString().slice(11, 16);
  const other = d.toISOString().slice(0, 10) !== at(Date.now()).toISOString().slice(0, 10);
  const year = d.getUTCFullYear() !== at(Date.now()).getUTCFullYear() ? `${d.getUTCFullYear()}年` : '';
  const want = other ? `${year}${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hhmm}` : hhmm;
  assert.equal(await page.textContent('#next-due .next-clock'), want, 'the next-due clock is the earliest pending deadline');
  await inView(page, '#next-due .next-countdown', 768);
  await inView(page, '#next-due .next-clock', 768);
  const tel = await inView(page, '#cockpit a.tel[href^="tel:0356"]', 768);
  assert.ok(tel.width > 0);
  // Who commands and the counts.
  await inView(page, '#response-who', 768);
  assert.match(await page.textContent('#response-who'), /指挥/);
  assert.ok(Number(await page.textContent('#count-tasks')) > 0, 'open tasks counted');
  assert.equal(await page.textContent('#count-overdue'), '0');
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, 'cockpit-1366x768.png') });

  // Two hours later (the same facts, an earlier incident time): the next report is overdue and counted.
  await page.fill('#fact-incident_time', chinaAgo(120));
  await waitText(page, '#next-due .next-countdown', '已超时');
  assert.ok(await page.locator('#next-due').evaluate((n) => n.classList.contains('is-overdue')));
  assert.ok(Number(await page.textContent('#count-overdue')) >= 1, 'an overdue report is counted');
  // Marking it reported moves the cockpit to the next one.
  const first = await page.textContent('#next-due .next-clock');
  await page.locator(`#deadlines li.deadline[data-due] button.mark-done`).first().click();
  await page.waitForFunction((f) => document.querySelector('#next-due .next-clock')?.textContent !== f, first);
  check();
});

test('the tabs: arrow keys, Home and End move the selection and the focus; only the shown panel is laid out', async (t) => {
  const { page, check } = await open(t);
  await roofFall(page, 5);
  const selected = () => page.evaluate(() => [...document.querySelectorAll('#tablist [role="tab"]')].filter((b) => b.getAttribute('aria-selected') === 'true').map((b) => b.dataset.tab));
  const visiblePanes = () => page.evaluate(() => [...document.querySelectorAll('[role="tabpanel"]')].filter((p) => !p.hidden).map((p) => p.id));
  assert.deepEqual(await selected(), ['deadlines']);
  assert.deepEqual(await visiblePanes(), ['pane-deadlines']);
  // 晋城 非煤矿山 has no warning measures for a roof fall: no 预警 tab.
  assert.equal(await page.locator('#tab-warnings').isVisible(), false);
  await page.focus('#tab-deadlines');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await selected(), ['tasks']);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-tasks');
  assert.deepEqual(await visiblePanes(), ['pane-tasks']);
  assert.ok(await page.locator('#tasks .task').first().isVisible());
  assert.equal(await page.locator('#deadlines').isVisible(), false);
  await page.keyboard.press('End');
  assert.deepEqual(await selected(), ['log']);
  assert.ok(await page.locator('#log').isVisible());
  await page.keyboard.press('ArrowRight'); // wraps
  assert.deepEqual(await selected(), ['deadlines']);
  await page.keyboard.press('ArrowLeft'); // and back
  assert.deepEqual(await selected(), ['log']);
  await page.keyboard.press('Home');
  assert.deepEqual(await selected(), ['deadlines']);
  assert.equal(await page.getAttribute('#tab-deadlines', 'tabindex'), '0');
  assert.equal(await page.getAttribute('#tab-tasks', 'tabindex'), '-1');
  // A plan with warning levels offers the 预警 tab.
  await page.selectOption('#plan', 'lvliang-heavy-pollution-weather');
  await page.waitForFunction(() => !document.getElementById('tab-warnings')?.hidden);
  await page.click('#tab-warnings');
  assert.ok(await page.locator('#warnings-card').isVisible());
  check();
});

test('a hidden tab is not redrawn while typing, and shows the current result when its tab is shown', async (t) => {
  const { page, check } = await open(t);
  await roofFall(page, 5);
  const tasks = () => page.evaluate(() => [...document.querySelectorAll('#tasks .task-title')].map((n) => n.textContent).join('|'));
  await showTab(page, 'tasks');
  const at3 = await tasks();
  assert.ok(at3, 'tasks drawn at 3 dead');
  await showTab(page, 'deadlines');
  await page.fill('#fact-deaths', '10');
  await waitText(page, '#grade', '重大');
  assert.equal(await tasks(), at3, 'the hidden tasks panel was left alone');
  await showTab(page, 'tasks');
  const at10 = await tasks();
  assert.notEqual(at10, at3, 'shown: the tasks of the new level');
  await showTab(page, 'why');
  await page.fill('#fact-deaths', '3');
  await waitText(page, '#grade', '较大');
  assert.equal(await tasks(), at10, 'hidden again: not redrawn');
  await showTab(page, 'tasks');
  assert.equal(await tasks(), at3, 'and right again when shown');
  check();
});

test('phone width: the cockpit, then the form, then the tabs, in one column', async (t) => {
  const { page, check } = await open(t, { width: 390, height: 844 });
  await roofFall(page, 5);
  await page.evaluate(() => window.scrollTo(0, 0));
  const y = (s) => page.locator(s).first().evaluate((n) => n.getBoundingClientRect().top + window.scrollY);
  const order = [await y('#banner'), await y('#next-due'), await y('#summary'), await y('#facts'), await y('#tablist')];
  assert.deepEqual([...order].sort((a, b) => a - b), order, `cockpit, form, tabs top to bottom: ${order}`);
  await inView(page, '#grade', 844);
  await inView(page, '#next-due .next-countdown', 844);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `no sideways scrolling (${wide} px)`);
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, 'cockpit-390.png') });
  check();
});

test('the facts form: common facts open, the rare ones and each hazard collapsed until used; import box closed', async (t) => {
  const { page, check } = await open(t);
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  // A switched plan's form is laid out in the frame after the switch's (app.js selectPlan).
  await page.waitForSelector('#fields:not(.swapping)', { state: 'attached' });
  assert.ok(await page.locator('#fact-deaths').isVisible());
  assert.ok(await page.locator('#fact-incident_time').isVisible());
  const other = page.locator('details.fact-group[data-group="其他情况与时间"]');
  assert.equal(await other.evaluate((d) => d.open), false);
  assert.equal(await page.locator('#fact-urge_time').isVisible(), false);
  assert.equal(await page.locator('#import-details').evaluate((d) => d.open), false);
  assert.equal(await page.locator('#fields #import-file').count(), 0, 'the import box is not among the facts');
  // The weather plan: every hazard closed; choosing one opens its fields.
  await page.selectOption('#plan', 'ordos-meteorological-disaster');
  const rain = page.locator('details.fact-group[data-group="暴雨"]');
  assert.deepEqual(await page.locator('#fields details.fact-group').evaluateAll((ds) => ds.filter((d) => d.open).length), 0);
  await rain.locator('summary').click();
  await page.fill('#fact-rain_fc_mm', '60');
  // A value keeps its group open when the plan is shown again.
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.selectOption('#plan', 'ordos-meteorological-disaster');
  assert.equal(await rain.evaluate((d) => d.open), true);
  assert.equal(await page.locator('details.fact-group[data-group="暴雪"]').evaluate((d) => d.open), false);
  check();
});

test('a focused box keeps its whole focus ring: the fields skipped out of view clip past it', async (t) => {
  const { page, check } = await open(t);
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await page.evaluate(() => document.querySelectorAll('#fields details').forEach((d) => d.setAttribute('open', '')));
  // Each box of the form focused in turn (no pointer used yet: :focus-visible applies), its ring
  // (border box + outline width + offset) against what its field paints: the field's box, widened by
  // overflow-clip-margin where content-visibility: auto brings paint containment (www/cockpit.css).
  const cut = await page.evaluate(() => {
    const out = [];
    let rings = 0;
    for (const box of document.querySelectorAll('#fields input:not([type=hidden]), #fields select, #fields button')) {
      box.scrollIntoView({ block: 'center' });
      box.focus();
      const s = getComputedStyle(box);
      const ring = s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth) + Math.max(0, parseFloat(s.outlineOffset));
      if (!ring) continue;
      rings++;
      const field = box.closest('#fields > *');
      const fs = getComputedStyle(field);
      if (fs.contentVisibility !== 'auto') continue;
      const margin = parseFloat(fs.overflowClipMargin) || 0;
      const b = box.getBoundingClientRect();
      const f = field.getBoundingClientRect();
      const lost = Math.max(f.left - margin - (b.left - ring), b.right + ring - (f.right + margin), f.top - margin - (b.top - ring), b.bottom + ring - (f.bottom + margin));
      if (lost > 0.5) out.push(`${box.id || box.name}: ${lost.toFixed(1)}px of its ring cut`);
    }
    return { out, rings };
  });
  assert.ok(cut.rings >= 10, `rings measured: ${cut.rings}`);
  assert.deepEqual(cut.out, []);
  check();
});

test('Tab to a box half out of view brings its label and the refusal under it into view too', async (t) => {
  const { page, check } = await open(t);
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await waitText(page, '#plan-meta', '2020');
  const height = page.viewportSize().height;
  // Place 死亡人数 so that its box ends 10 px below the window (where the browser leaves a box it
  // scrolls "into view" from below), its neighbour focused without scrolling; then Tab, Shift+Tab.
  const place = (step) =>
    page.evaluate(
      ([id, step]) => {
        const boxes = [...document.querySelectorAll('#fields input:not([type=hidden]), #fields select, #fields textarea, #fields button')];
        const box = /** @type {HTMLElement} */ (document.getElementById(id));
        boxes[boxes.indexOf(box) - step].focus({ preventScroll: true });
        const r = box.getBoundingClientRect();
        scrollBy(0, step > 0 ? r.bottom - innerHeight + 10 : r.top - 10);
      },
      ['fact-deaths', step],
    );
  await place(1);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'fact-deaths');
  await page.keyboard.type('三');
  await page.locator('#error-deaths').waitFor({ state: 'visible' });
  await inView(page, '#fact-deaths', height);
  await inView(page, '#error-deaths', height);
  await page.fill('#fact-deaths', '');
  await place(-1);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'fact-deaths');
  await inView(page, 'label[for="fact-deaths"]', height);
  check();
});

test('typing a count moves nothing below it: the grade it reaches shows beside the box, in its row', async (t) => {
  const { page, check } = await open(t);
  await page.selectOption('#plan', 'jincheng-noncoal-mine');
  await waitText(page, '#plan-meta', '2020');
  const below = () => page.$eval('#fact-serious_injuries', (e) => e.getBoundingClientRect().top + scrollY);
  const before = await below();
  await page.fill('#fact-deaths', '12');
  await waitText(page, '#reach-deaths', '可达重大');
  assert.equal(await below(), before, 'the next field stayed where it was');
  const row = await page.$eval('#fact-deaths', (e) => e.parentElement?.contains(document.getElementById('reach-deaths')));
  assert.ok(row, 'the reach line is in the box row');
  await page.fill('#fact-deaths', '');
  await page.waitForSelector('#reach-deaths', { state: 'hidden' });
  assert.equal(await below(), before, 'and stays when the count is erased');
  check();
});
