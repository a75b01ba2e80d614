// Portal embedding (www/embed.html): the custom element, the JS API and the iframe, all under the
// multi-file build's strict CSP, with no violation, no console error and no foreign request; the
// portal's CSS does not reach into <yingji-panel> and the panel's CSS does not reach out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, ROOT, TIMEOUT, open, portal, waitState, waitText } from './helpers.mjs';

const env = portal();

test('embedding sources keep to the CSP: no inline script or style, no DOM from strings', () => {
  for (const f of ['yingji-panel.js', 'engine.js', 'embed-demo.js', 'preflight.js', 'sw.js']) {
    const js = readFileSync(join(REPO, 'www', f), 'utf8');
    const forbidden = /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.style\b|cssText|\beval\s*\(|new\s+Function|setTimeout\s*\(\s*['"`]|setAttribute\(\s*['"]style|adoptedStyleSheets|replaceSync/;
    const hit = js.split('\n').findIndex((l) => forbidden.test(l));
    assert.equal(hit, -1, `www/${f} line ${hit + 1} uses a forbidden API: ${js.split('\n')[hit]}`);
  }
  for (const f of ['embed.html', 'index.html']) {
    const html = readFileSync(join(REPO, 'www', f), 'utf8');
    assert.doesNotMatch(html, /\sstyle\s*=|<style/i, `${f}: no inline style`);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.match(m[1], /\ssrc=/, `${f}: every <script> has src`);
      assert.equal(m[2].trim(), '', `${f}: no inline script`);
    }
    assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//i, `${f}: no external resources`);
  }
});

test('embed.html under the strict CSP: element, JS API and iframe all work, no violation', async (t) => {
  const { page, check, violations } = await open(env.browser, t, { origin: env.server.origin, url: `${env.server.origin}/www/embed.html` });
  // (b) the custom element
  await waitState(page, '#panel', 'ready');
  const panel = page.locator('#panel');
  await panel.locator('input[name="deaths"]').fill('5');
  await page.waitForFunction(() => document.querySelector('#panel').shadowRoot.querySelector('.grade')?.textContent.includes('较大'), null, { timeout: TIMEOUT });
  assert.match(await panel.locator('.level').innerText(), /Ⅱ级响应/);
  const event = await page.evaluate(
    () =>
      new Promise((ok) => {
        const p = document.querySelector('#panel');
        p.addEventListener('yingji-result', (e) => ok({ grade: e.detail.grade, level: e.detail.response?.level }), { once: true });
        const input = p.shadowRoot.querySelector('input[name="deaths"]');
        input.value = '30';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
  );
  assert.deepEqual(event, { grade: '特别重大', level: event.level });
  assert.ok(event.level, 'the yingji-result event carries the result');
  // The panel reads numbers as the page does (parse.js): 三 refused with the text quoted, 1.2亿 = 12000 万元.
  await panel.locator('input[name="deaths"]').fill('三');
  await page.waitForFunction(() => document.querySelector('#panel').shadowRoot.querySelector('.error')?.textContent.includes('“三”'), null, { timeout: TIMEOUT });
  await panel.locator('input[name="deaths"]').fill('');
  await panel.locator('input[name="direct_loss_wan"]').fill('1.2亿');
  await page.waitForFunction(() => document.querySelector('#panel').shadowRoot.querySelector('.grade')?.textContent.includes('特别重大'), null, { timeout: TIMEOUT });
  assert.equal(await panel.locator('.understood[data-fact="direct_loss_wan"]').innerText(), '按 12000 万元(1.2亿元)计');
  // (a) the JS API
  await waitState(page, '#api-result', 'ready');
  await waitText(page, '#api-result', '较大事故');
  // The compact result names the level by id; the demo reads its name and commander from the schema.
  assert.match(await page.locator('#api-result').innerText(), /^死亡 5 人 → 较大事故，Ⅱ级响应，指挥：市指挥部/);
  assert.doesNotMatch(await page.locator('#api-result').innerText(), /undefined/);
  // (c) the iframe (the full page)
  const frame = page.frameLocator('#frame');
  await frame.locator('#app[data-yingji-state="ready"]').waitFor({ state: 'attached' });
  const f = page.frame({ url: /\/www\/index\.html$/ });
  if ((await f.locator('#plan').inputValue()) !== 'jincheng-noncoal-mine') await f.selectOption('#plan', 'jincheng-noncoal-mine');
  await f.fill('#fact-deaths', '5');
  await waitText(f, '#grade', '较大');
  assert.deepEqual(violations, []);
  check();
});

test('no CSS leaks: portal styles stay out of the panel, panel styles stay out of the portal', async (t) => {
  const { page, check } = await open(env.browser, t, { origin: env.server.origin, url: `${env.server.origin}/www/embed.html` });
  await waitState(page, '#panel', 'ready');
  const styles = await page.evaluate(() => {
    const root = document.querySelector('#panel').shadowRoot;
    const cs = (n) => getComputedStyle(n);
    return {
      panelP: cs(root.querySelector('p.meta')).color,
      panelPSize: cs(root.querySelector('p.meta')).fontSize,
      panelInputBorder: cs(root.querySelector('input')).borderTopStyle,
      panelStrong: cs(root.querySelector('strong')).color,
      panelFont: cs(root.querySelector('.panel')).fontFamily,
      hostFont: cs(document.querySelector('#panel')).fontFamily,
      portalP: cs(document.querySelector('#portal-grade')).color,
      portalPBg: cs(document.querySelector('#portal-grade')).backgroundColor,
      portalFont: cs(document.body).fontFamily,
      sheets: [...document.styleSheets].map((s) => s.href && new URL(s.href).pathname),
    };
  });
  // The portal paints every <p> magenta, every <strong> green and dashes every input border.
  assert.notEqual(styles.panelP, 'rgb(255, 0, 255)', 'portal p colour reached the panel');
  assert.notEqual(styles.panelPSize, '22px', 'portal p size reached the panel');
  assert.notEqual(styles.panelInputBorder, 'dashed', 'portal input border reached the panel');
  assert.notEqual(styles.panelStrong, 'rgb(0, 128, 0)', 'portal strong colour reached the panel');
  assert.doesNotMatch(styles.panelFont, /Georgia/, 'the portal font is not inherited');
  // The panel's styles (e.g. its .grade/.banner rules) do not reach the portal's own elements.
  assert.equal(styles.portalP, 'rgb(255, 0, 255)');
  assert.equal(styles.portalPBg, 'rgba(0, 0, 0, 0)');
  assert.match(styles.portalFont, /Georgia/);
  assert.deepEqual(styles.sheets, ['/www/embed.css'], 'the panel adds no stylesheet to the document');
  check();
});

test('<yingji-panel> with an unknown plan: error:plan and a Chinese message', async (t) => {
  const { page, check } = await open(env.browser, t, { origin: env.server.origin, url: `${env.server.origin}/www/embed.html` });
  await waitState(page, '#panel', 'ready');
  await page.evaluate(() => document.querySelector('#panel').setAttribute('plan', 'no-such-plan'));
  await waitState(page, '#panel', 'error:plan');
  assert.match(await page.locator('#panel .status-text').innerText(), /找不到指定的预案.*no-such-plan/);
  check();
});

test('pkg/ is an npm package with precise TypeScript types', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'pkg', 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'yingji');
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.equal(pkg.types, 'yingji.d.ts');
  for (const f of pkg.files) assert.ok(existsSync(join(ROOT, 'pkg', f)), `pkg/${f} listed in files exists`);
  const dts = readFileSync(join(ROOT, 'pkg', 'yingji.d.ts'), 'utf8');
  assert.match(dts, /export function evaluate\(id: string, facts: Facts, now: string\): Evaluation;/);
  assert.match(dts, /export function schema\(id: string\): Schema;/);
  assert.match(dts, /export function plans\(\): PlanSummary\[\];/);
  assert.doesNotMatch(dts.replace(/readonly [^\n]*/g, ''), /\): any;/, 'no function returns any');
});
