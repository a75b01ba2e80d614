// The core journeys in BOTH Chromium and Firefox (issue 14, item 6), through the browser-neutral
// driver in browsers.mjs: load, grade on both sides of a threshold, reload keeps the input, a bad plan
// file is refused with its Chinese errors, and the single file grades offline from file://.
// The other e2e files stay Chromium-only.
//
// Every hook the journeys touch is in SEL and every text they expect in WANT, so a change of the page
// is mended in one place.
import { describe, test, before, after } from 'node:test';
import { moduleGraph } from '../../tools/modulepreload.mjs';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { CSP, REPO, ROOT } from './helpers.mjs';
import { BROWSERS, launchBrowser } from './browsers.mjs';

const SEL = {
  root: '#app', // carries data-yingji-state
  plan: '#plan', // the plan <select>, option values are plan ids
  deaths: '#fact-deaths', // 死亡人数
  grade: '#grade', // the banner's grade
  level: '#response-level', // the banner's response level
  importFile: '#import-file',
  importStatus: '#import-status',
  importError: '#import-errors li',
  statusText: '#status-text', // the load message (hidden once ready)
};
const PLAN = 'jincheng-noncoal-mine';
// tests/cases/jincheng-noncoal-mine.toml: deaths 2 → 一般/III, 3 and 9 → 较大/II, 10 → 重大/I.
const WANT = {
  2: ['一般事故', 'Ⅲ级响应'],
  3: ['较大事故', 'Ⅱ级响应'],
  9: ['较大事故', 'Ⅱ级响应'],
  10: ['重大事故', 'Ⅰ级响应'],
};
const PLAN_TEXT = readFileSync(join(REPO, 'plans', 'jincheng', 'noncoal-mine.toml'), 'utf8');
const FILE = join(ROOT, 'dist', 'yingji.html');
const FILE_URL = pathToFileURL(FILE).href;

let server;
before(async () => {
  assert.ok(existsSync(join(ROOT, 'pkg', 'yingji_bg.wasm')) && existsSync(FILE), 'run scripts/build.sh first');
  server = await startServer({ port: 0, root: ROOT, headers: { 'Content-Security-Policy': CSP } });
});
after(() => server?.close());

test('index.html preloads the .wasm and exactly the module graph app.js loads', () => {
  const html = readFileSync(join(ROOT, 'www', 'index.html'), 'utf8');
  const links = (rel) => [...html.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"([^>]*)>`, 'g'))];
  const wasm = links('preload');
  assert.deepEqual(wasm.map((m) => m[1]), ['../pkg/yingji_bg.wasm']);
  // as="fetch" + crossorigin (credentials same-origin) is what engine.js's fetch() asks for.
  assert.match(wasm[0][2], /\bas="fetch"/);
  assert.match(wasm[0][2], /\bcrossorigin\b/);
  const entry = /<script type="module" src="([^"]+)"><\/script>/.exec(html)[1];
  assert.deepEqual(links('modulepreload').map((m) => m[1]).sort(), moduleGraph(entry).sort(), 'stale modulepreload list: run node tools/modulepreload.mjs');
});

/** Grades `deaths` and checks the banner shows exactly the expected grade and level. */
async function grade(s, deaths) {
  const [g, l] = WANT[deaths];
  await s.fill(SEL.deaths, String(deaths));
  await s.waitText(SEL.grade, g);
  await s.waitText(SEL.level, l);
  assert.ok((await s.text(SEL.grade)).trim().startsWith(g), `deaths ${deaths}: grade ${await s.text(SEL.grade)}`);
  assert.equal((await s.text(SEL.level)).trim(), l, `deaths ${deaths}: level`);
}

async function readyOn(s, plan = PLAN) {
  await s.waitState(SEL.root, 'ready');
  if ((await s.value(SEL.plan)) !== plan) await s.select(SEL.plan, plan);
}

for (const name of BROWSERS) {
  describe(name, () => {
    let browser;
    before(async () => {
      browser = await launchBrowser(name);
    });
    after(() => browser?.close());

    const open = async (t, opts) => {
      const s = await browser.open(opts);
      t.after(() => s.close());
      return s;
    };

    test('load: the page reaches ready and lists the plan, fetching the .wasm once', async (t) => {
      const s = await open(t, { url: server.url });
      await s.waitState(SEL.root, 'ready');
      assert.equal(await s.count(`${SEL.plan} option[value="${PLAN}"]`), 1);
      assert.equal(await s.visible(SEL.statusText), false, 'no load message once ready');
      // The <link rel="preload"> response is the one engine.js uses (same URL, mode and credentials):
      // the page fetched the .wasm once (the service worker's precache is not the page's fetch).
      const wasm = await s.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((r) => r.name.endsWith('.wasm'))
          .map((r) => new URL(r.name).pathname),
      );
      assert.deepEqual(wasm, ['/pkg/yingji_bg.wasm']);
      s.check();
    });

    test('grade: both sides of the 3- and 10-death thresholds', async (t) => {
      const s = await open(t, { url: server.url });
      await readyOn(s);
      for (const deaths of [2, 3, 9, 10, 2]) await grade(s, deaths);
      s.check();
    });

    test('reload keeps the typed input and its result', async (t) => {
      const s = await open(t, { url: server.url });
      await readyOn(s);
      await grade(s, 3);
      await s.reload();
      await s.waitState(SEL.root, 'ready');
      assert.equal(await s.value(SEL.plan), PLAN);
      assert.equal(await s.value(SEL.deaths), '3');
      await s.waitText(SEL.grade, WANT[3][0]);
      await s.waitText(SEL.level, WANT[3][1]);
      s.check();
    });

    test('import refusal: a broken plan file is listed with its place, in Chinese', async (t) => {
      const s = await open(t, { url: server.url });
      await readyOn(s);
      await s.setFile(SEL.importFile, '坏.toml', PLAN_TEXT.replace('date = "2020-10-12"', 'date = 2020-10-12"'));
      await s.waitText(SEL.importStatus, '未导入“坏.toml”');
      assert.match(await s.text(SEL.importError), /^坏\.toml：第11行第\d+列：无法解析/);
      // Nothing was added: the embedded plan still grades.
      assert.equal(await s.value(SEL.plan), PLAN);
      await grade(s, 10);
      s.check();
    });

    test('single file from file:// grades offline', async (t) => {
      const s = await open(t, { url: FILE_URL, own: (u) => u === FILE_URL || u.startsWith('data:') });
      await readyOn(s);
      assert.equal(await s.attr(SEL.root, 'data-yingji-build'), 'single');
      await grade(s, 2);
      await grade(s, 3);
      s.check();
    });
  });
}
