// The geometry of the pictures the page draws (www/svg-timeline.js, svg-aqi.js, svg-bands.js), and
// the band bar drawn from the bounds the schema gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aqiLayout, aqiLines } from '../../www/svg-aqi.js';
import { bandLayout, bandRange, inRange } from '../../www/svg-bands.js';
import { WIDTH, timelineLayout } from '../../www/svg-timeline.js';

test('band bounds come from the schema, each with its inclusivity; none without it', () => {
  assert.deepEqual(bandRange({ min: 10000, min_inclusive: true, max: null, max_inclusive: null }), { min: 10000, minIn: true, max: null, maxIn: false });
  assert.deepEqual(bandRange({ min: 0, min_inclusive: false, max: 3, max_inclusive: false }), { min: 0, minIn: false, max: 3, maxIn: false });
  assert.equal(bandRange({ min: 3, max: 10, max_inclusive: false }), null, 'no default inclusivity');
  assert.equal(bandRange({ min: null, max: null }), null, 'a judgement flag has no bounds');
  const r = /** @type {any} */ (bandRange({ min: 3, min_inclusive: true, max: 10, max_inclusive: false }));
  assert.equal(inRange(r, 3), true);
  assert.equal(inRange(r, 2.999), false);
  assert.equal(inRange(r, 9.999), true);
  assert.equal(inRange(r, 10), false);
});

const band = (/** @type {string} */ grade, /** @type {number} */ grade_rank, /** @type {string} */ text, /** @type {number | null} */ min, /** @type {boolean | null} */ minIn, /** @type {number | null} */ max, /** @type {boolean | null} */ maxIn) => ({ grade, grade_rank, text, min, min_inclusive: minIn, max, max_inclusive: maxIn });
// 晋城 非煤矿山 deaths as the schema gives them (the 一般 band starts above 0: 为0时不计).
const DEATHS = [
  band('特别重大', 1, '30人以上(含30人)', 30, true, null, null),
  band('重大', 2, '10人以上30人以下(含10人,不含30人)', 10, true, 30, false),
  band('较大', 3, '3人以上10人以下(含3人,不含10人)', 3, true, 10, false),
  band('一般', 4, '3人以下(不含3人;为0时不计)', 0, false, 3, false),
];

test('band bar: lowest grade left, equal segments, the marker in the band the value lies in (both sides of 3 and 10)', () => {
  const L = /** @type {any} */ (bandLayout(DEATHS, 3, 400));
  assert.deepEqual(L.segs.map((/** @type {any} */ s) => [s.grade, s.x, s.w]), [[null, 0, 80], ['一般', 80, 80], ['较大', 160, 80], ['重大', 240, 80], ['特别重大', 320, 80]]);
  assert.equal(L.segs[L.at].grade, '较大');
  assert.equal(L.markerX, 164, 'on the closed lower end of 较大');
  const zero = /** @type {any} */ (bandLayout(DEATHS, 0, 400));
  assert.equal(zero.segs[zero.at].grade, null, '0 is below the 一般 band (its lower bound 0 is open)');
  assert.deepEqual(zero.segs[0].r, { min: 0, minIn: true, max: 0, maxIn: true });
  const one = /** @type {any} */ (bandLayout(DEATHS, 1, 400));
  assert.equal(one.segs[one.at].grade, '一般');
  assert.equal(/** @type {any} */ (bandLayout(DEATHS, 2, 400)).segs[/** @type {any} */ (bandLayout(DEATHS, 2, 400)).at].grade, '一般');
  assert.equal(/** @type {any} */ (bandLayout(DEATHS, 9, 400)).markerX < 240, true, "9 stays left of 重大 (at 240)");
  const ten = /** @type {any} */ (bandLayout(DEATHS, 10, 400));
  assert.equal(ten.segs[ten.at].grade, '重大');
  const top = /** @type {any} */ (bandLayout(DEATHS, 1000, 400));
  assert.equal(top.markerX, 396, 'far beyond the top bound: at the far end');
  assert.equal(/** @type {any} */ (bandLayout(DEATHS, null, 400)).markerX, null);
  assert.equal(bandLayout([{ grade: 'x', grade_rank: 1, text: '情况危急' }], 1, 400), null, 'a band without bounds draws no bar');
});

test('band bar: a lowest band with a lower bound gets a leading 未达到 segment', () => {
  const bands = [band('较大', 3, '3人以上10人以下(含3人,不含10人)', 3, true, 10, false), band('一般', 4, '1人以上3人以下(含1人,不含3人)', 1, true, 3, false)];
  const L = /** @type {any} */ (bandLayout(bands, 0, 300));
  assert.deepEqual(L.segs.map((/** @type {any} */ s) => s.grade), [null, '一般', '较大']);
  assert.equal(L.at, 0);
  assert.deepEqual(L.segs[0].r, { min: 0, minIn: true, max: 1, maxIn: false });
  assert.equal(/** @type {any} */ (bandLayout(bands, 1, 300)).at, 1);
});

test('timeline: the axis spans now and every due time, overdue/soon/done states, close labels on the next row', () => {
  const now = Date.parse('2026-12-07T08:00:00+08:00');
  const m = (/** @type {number} */ min) => now + min * 60_000;
  const L = timelineLayout(
    [
      { id: 'late', dueMs: m(-30), done: false, text: 'a' },
      { id: 'done', dueMs: m(-20), done: true, text: 'b' },
      { id: 'soon', dueMs: m(10), done: false, text: 'c' },
      { id: 'soon2', dueMs: m(11), done: false, text: 'd' },
      { id: 'far', dueMs: m(120), done: false, text: 'e' },
    ],
    now,
  );
  assert.deepEqual(L.marks.map((x) => [x.id, x.state]), [['late', 'overdue'], ['done', 'done'], ['soon', 'soon'], ['soon2', 'pending'], ['far', 'pending']]);
  assert.ok(L.marks[0].x >= 40 && L.marks[4].x <= WIDTH - 40);
  assert.ok(L.marks[0].x < L.nowX && L.nowX < L.marks[2].x);
  assert.equal(L.marks[2].row, 0);
  assert.equal(L.marks[3].row, 1, 'one minute apart: on the next row');
  assert.equal(L.marks[4].row, 0);
  assert.equal(L.rows, 2);
  const one = timelineLayout([{ id: 'x', dueMs: now, done: false, text: '' }], now);
  assert.ok(Number.isFinite(one.nowX) && one.marks[0].x === one.nowX, 'one mark at now: a 10-minute span, no division by zero');
});

const POLLUTION = [
  {
    rules: [
      { text: '预测AQI日均值>200(不含200)连续2天及以上(持续48小时及以上)' },
      { text: '预测AQI日均值>200连续4天及以上(96小时及以上),且其中AQI日均值>300(不含300)连续2天及以上(48小时及以上)' },
      { text: '预测任一天AQI日均值达到500(含500)' },
      { text: '已增设二氧化硫预警启动条件,且监测或预测到二氧化硫小时浓度值超过500微克/立方米(不含500)' },
    ],
  },
];

test('AQI lines come from the criteria words: 200 and 300 open, 500 closed; SO2 numbers are not AQI lines', () => {
  assert.deepEqual(aqiLines(POLLUTION), [
    { value: 200, closed: false },
    { value: 300, closed: false },
    { value: 500, closed: true },
  ]);
  assert.deepEqual(aqiLines([]), []);
});

test('AQI layout: points above a line are marked over it; blank days are gaps', () => {
  const L = aqiLayout([150, 200, 201, null, 320], aqiLines(POLLUTION), 560, 220);
  assert.deepEqual(L.points.map((p) => p.over), [[], [], [200], [], [200, 300]]);
  assert.equal(L.points[3].y, null);
  assert.ok(L.lines[0].y > L.lines[1].y, 'higher values are higher up');
  assert.ok(L.top >= 550, 'the 500 line fits');
  assert.ok(/** @type {number} */ (L.points[0].y) > L.lines[0].y && /** @type {number} */ (L.points[2].y) < L.lines[0].y);
});
