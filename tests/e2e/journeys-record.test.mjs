// The page's input, its record and two tabs, in BOTH Chromium and Firefox (issue 14, "Done when"),
// through the browser-neutral driver in browsers.mjs:
//   - "1.2亿" in the direct-loss box is 12000 万元 and shown so;
//   - "三" in a count is refused beside the field, quoting what was typed;
//   - an invalid intermediate input writes nothing to the log or the 情况变化 box (a count, and a day
//     of the AQI forecast), while the next valid one does;
//   - two pages of one profile: an edit in one shows in the other within a second, none is lost;
//   - storage that throws on every write: what was typed stays on screen and the page says so.
// The same journeys in Chromium alone, with more detail, are in page, incident and forecast.test.mjs.
//
// Every hook the journeys touch is in SEL and every text they expect in WANT.
//
//   node --test tests/e2e/journeys-record.test.mjs   (after scripts/build.sh)
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { CSP, ROOT } from './helpers.mjs';
import { BROWSERS, launchBrowser } from './browsers.mjs';

const SEL = {
  root: '#app', // carries data-yingji-state
  plan: '#plan', // the plan <select>, option values are plan ids
  deaths: '#fact-deaths', // 死亡人数
  deathsError: '#error-deaths', // the message beside 死亡人数
  missing: '#fact-missing', // 下落不明
  injuries: '#fact-serious_injuries', // 重伤
  loss: '#fact-direct_loss_wan', // 直接经济损失(万元)
  lossUnderstood: '#understood-direct_loss_wan', // what the loss box understood
  grade: '#grade',
  level: '#response-level',
  banner: '#banner', // data-stale="true" while the input is refused
  log: '#log', // 事件记录
  changes: '#changes', // 情况变化
  aqi: (day) => `#fact-aqi-${day}`, // a day of the AQI forecast
  aqiError: '#error-aqi',
  saveState: '#save-state',
};
const PLAN = 'jincheng-noncoal-mine';
const FORECAST_PLAN = 'lvliang-heavy-pollution-weather';
const STORE_KEY = 'yingji:v1:incidents:v1';
const WANT = {
  // tests/cases/jincheng-noncoal-mine.toml: loss ≥ 10000 万元 特别重大; deaths 3–9 较大, 10–29 重大.
  lossUnderstood: '按 12000 万元(1.2亿元)计',
  lossGrade: '特别重大',
  deathsRefused: '“死亡人数”填写的“三”无法识别为人数',
  five: ['较大事故', 'Ⅱ级响应'],
  twelve: ['重大事故', 'Ⅰ级响应'],
  logFive: '研判：较大事故',
  raised: '响应级别由Ⅱ级响应提高到Ⅰ级响应',
  lowered: '降低',
  // L936: AQI > 200 on two days running → 黄色预警, Ⅲ级响应.
  yellow: 'Ⅲ级响应',
  aqiRefused: '“三百”',
  saveFull: '存储空间已满',
  saveKept: '输入仍在本页上',
};
// Past the log's pause in typing (incident.js LOG_DEBOUNCE_MS = 1200) with room to spare.
const PAST_LOG_PAUSE = 2000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
before(async () => {
  assert.ok(existsSync(join(ROOT, 'pkg', 'yingji_bg.wasm')), 'run scripts/build.sh first');
  server = await startServer({ port: 0, root: ROOT, headers: { 'Content-Security-Policy': CSP } });
});
after(() => server?.close());

async function readyOn(s, plan = PLAN) {
  await s.waitState(SEL.root, 'ready');
  if ((await s.value(SEL.plan)) !== plan) await s.select(SEL.plan, plan);
  await s.waitFor(`${SEL.plan} should be ${plan}`, (p) => document.querySelector('#plan').value === p, plan);
}

/** The log and the 情况变化 box as they stand (text, and whether the box is shown). */
const record = (s) =>
  s.evaluate(([log, changes]) => {
    const c = document.querySelector(changes);
    return { log: document.querySelector(log).textContent, changes: c.textContent, changesShown: !c.hidden };
  }, [SEL.log, SEL.changes]);

/** Waits until `sel` is on screen (not hidden, laid out). */
const shown = (s, sel) =>
  s.waitFor(
    `${sel} should be shown`,
    (q) => {
      const n = document.querySelector(q);
      return !!n && !n.closest('[hidden]') && n.getClientRects().length > 0;
    },
    sel,
  );

const valueIs = (s, sel, want, timeout) =>
  s.waitFor(`${sel} should hold ${JSON.stringify(want)}`, ([q, w]) => document.querySelector(q)?.value === w, [sel, want], timeout);

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

    test('numbers as meant: 1.2亿 is 12000 万元 and shown so; 三 in a count is refused beside the field, quoting it', async (t) => {
      const s = await open(t, { url: server.url });
      await readyOn(s);
      await s.fill(SEL.loss, '1.2亿');
      await s.waitText(SEL.lossUnderstood, WANT.lossUnderstood);
      await s.waitText(SEL.grade, WANT.lossGrade);
      await s.fill(SEL.loss, '');
      await s.fill(SEL.deaths, '5');
      await s.waitText(SEL.grade, WANT.five[0]);
      assert.equal(await s.visible(SEL.deathsError), false, 'no message for a good count');

      await s.fill(SEL.deaths, '三');
      await shown(s, SEL.deathsError);
      assert.match(await s.text(SEL.deathsError), new RegExp(WANT.deathsRefused));
      assert.equal(await s.attr(SEL.deathsError, 'role'), 'alert');
      assert.equal(await s.attr(SEL.deaths, 'aria-invalid'), 'true');
      // The message is written in the input event; the banner's mark with the result's step after the paint.
      await s.waitFor('the last result is marked stale', (q) => document.querySelector(q)?.dataset.stale === 'true', SEL.banner);
      assert.equal(await s.value(SEL.deaths), '三', 'what was typed stays in the box');

      await s.fill(SEL.deaths, '12');
      await s.waitText(SEL.grade, WANT.twelve[0]);
      await s.waitFor(`${SEL.deathsError} should be hidden`, (q) => document.querySelector(q).hidden, SEL.deathsError);
      assert.notEqual(await s.attr(SEL.banner, 'data-stale'), 'true');
      s.check();
    });

    test('record: a count refused after a valid one writes nothing to the log or 情况变化; the next valid one does', async (t) => {
      const s = await open(t, { url: server.url });
      await readyOn(s);
      await s.fill(SEL.deaths, '5');
      await s.waitText(SEL.log, WANT.logFive);
      await s.fill(SEL.deaths, '12');
      await s.waitText(SEL.level, WANT.twelve[1]);
      await s.waitText(SEL.changes, WANT.raised);
      await s.waitText(SEL.log, WANT.raised);
      await sleep(PAST_LOG_PAUSE);
      const before = await record(s);
      assert.equal(before.changesShown, true);

      // Were 三 taken as blank (or as anything), the level would fall and both would say so.
      await s.fill(SEL.deaths, '三');
      await shown(s, SEL.deathsError);
      await sleep(PAST_LOG_PAUSE);
      assert.deepEqual(await record(s), before, 'an invalid input records nothing');

      // A valid input after it is recorded: the log and 情况变化 say the level went down.
      await s.fill(SEL.deaths, '2');
      await s.waitText(SEL.changes, WANT.lowered);
      await s.waitFor('the log should record the fall', ([q, w]) => document.querySelector(q).textContent.includes(w), [SEL.log, WANT.lowered]);
      s.check();
    });

    test('record: a day of the AQI forecast the page cannot read writes nothing to the log or 情况变化', async (t) => {
      const s = await open(t, { url: server.url });
      await readyOn(s, FORECAST_PLAN);
      await s.fill(SEL.aqi(1), '201');
      await s.fill(SEL.aqi(2), '201');
      await s.waitText(SEL.level, WANT.yellow);
      await s.waitFor('the log should record the warning', (q) => /研判/.test(document.querySelector(q).textContent), SEL.log);
      await sleep(PAST_LOG_PAUSE);
      const before = await record(s);

      await s.fill(SEL.aqi(2), '三百');
      await shown(s, SEL.aqiError);
      assert.match(await s.text(SEL.aqiError), new RegExp(WANT.aqiRefused));
      await s.waitFor('the last result is marked stale', (q) => document.querySelector(q)?.dataset.stale === 'true', SEL.banner);
      await sleep(PAST_LOG_PAUSE);
      assert.deepEqual(await record(s), before, 'an invalid input records nothing');

      // Day 2 at 100: no two days above 200, the warning goes, and that is recorded.
      await s.fill(SEL.aqi(2), '100');
      await s.waitFor(
        'the log should gain an entry',
        ([q, old]) => document.querySelector(q).textContent !== old,
        [SEL.log, before.log],
      );
      s.check();
    });

    test('two tabs of one profile: an edit in one shows in the other within a second, and no edit is lost', async (t) => {
      const [a, b] = await browser.openTabs(2, { url: server.url });
      t.after(() => a.close());
      await readyOn(a);
      await b.waitState(SEL.root, 'ready');
      await a.fill(SEL.deaths, '5');
      await valueIs(b, SEL.deaths, '5', 1000);
      await b.fill(SEL.missing, '1');
      await valueIs(a, SEL.missing, '1', 1000);
      // The first tab edits another field: the second tab's 下落不明 = 1 survives.
      await a.fill(SEL.injuries, '2');
      await valueIs(b, SEL.injuries, '2', 1000);
      await b.waitText(SEL.grade, WANT.five[0]);
      const saved = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), STORE_KEY));
      const values = saved.incidents.find((i) => i.id === saved.current).values;
      assert.equal(values.deaths, '5');
      assert.equal(values.missing, '1');
      assert.equal(values.serious_injuries, '2');
      await a.reload();
      await a.waitState(SEL.root, 'ready');
      assert.equal(await a.value(SEL.deaths), '5');
      assert.equal(await a.value(SEL.missing), '1');
      assert.equal(await a.value(SEL.injuries), '2');
      a.check();
      b.check();
    });

    test('storage that throws on every write: what was typed stays on screen and the page says so', async (t) => {
      const init = `Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };`;
      const s = await open(t, { url: server.url, init });
      await s.waitState(SEL.root, 'ready');
      await s.waitText(SEL.saveState, WANT.saveFull);
      assert.equal(await s.attr(SEL.saveState, 'role'), 'alert');
      await readyOn(s);
      await s.fill(SEL.deaths, '5');
      await s.waitText(SEL.grade, WANT.five[0]);
      await s.waitText(SEL.level, WANT.five[1]);
      assert.equal(await s.value(SEL.deaths), '5');
      await s.waitText(SEL.saveState, WANT.saveKept);
      assert.equal(await s.attr(SEL.saveState, 'role'), 'alert');
      s.check();
    });
  });
}
