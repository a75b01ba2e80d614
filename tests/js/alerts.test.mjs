// The alert decision (www/alerts.js dueAlerts): T-10 and overdue, each once per deadline per kind,
// never for a marked report, nothing for a deadline without a clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LEAD_MS, alertKey, alertText, dueAlerts, firedElsewhere, remember } from '../../www/alerts.js';

const DUE = '2026-12-07T08:30:00+08:00';
const dueMs = Date.parse(DUE);
const d = { id: 'written-30min', due: DUE, who: '事发单位', to: '市应急管理局', what: '书面报告', limit_text: '30分钟内' };
const at = (/** @type {number} */ minutesBefore) => dueMs - minutesBefore * 60_000;

test('T-10: nothing at 10 min 1 s before, «soon» from exactly 10 min before until due', () => {
  assert.equal(LEAD_MS, 600_000);
  assert.deepEqual(dueAlerts([d], {}, at(10) - 1000, new Set()), []);
  const a = dueAlerts([d], {}, at(10), new Set());
  assert.deepEqual(a.map((x) => [x.kind, x.key]), [['soon', alertKey('written-30min', 'soon', dueMs)]]);
  assert.deepEqual(dueAlerts([d], {}, dueMs, new Set()).map((x) => x.kind), ['soon'], 'at the due instant it is not yet overdue');
});

test('overdue the moment the due time has passed; first seen overdue fires only «overdue»', () => {
  assert.deepEqual(dueAlerts([d], {}, dueMs + 1, new Set()).map((x) => x.kind), ['overdue']);
  assert.deepEqual(dueAlerts([d], {}, dueMs + 86_400_000, new Set()).map((x) => x.kind), ['overdue']);
});

test('each kind fires once: what fired (a Set or the stored object) is not fired again', () => {
  const fired = new Set(dueAlerts([d], {}, at(5), new Set()).map((x) => x.key));
  assert.deepEqual(dueAlerts([d], {}, at(4), fired), [], 'T-10 does not fire twice');
  const over = dueAlerts([d], {}, dueMs + 60_000, fired);
  assert.deepEqual(over.map((x) => x.kind), ['overdue'], 'overdue still fires after T-10');
  for (const x of over) fired.add(x.key);
  assert.deepEqual(dueAlerts([d], {}, dueMs + 120_000, fired), []);
  const stored = Object.fromEntries([...fired].map((k) => [k, true]));
  assert.deepEqual(dueAlerts([d], {}, dueMs + 120_000, stored), []);
});

test('a due time that moves (a fact changed) is a new clock with its own alerts', () => {
  const fired = new Set(dueAlerts([d], {}, at(5), new Set()).map((x) => x.key));
  const later = { ...d, due: '2026-12-07T08:33:00+08:00' };
  assert.deepEqual(dueAlerts([later], {}, at(5), fired).map((x) => x.kind), ['soon']);
});

test('a marked report never alerts; a deadline without a clock never alerts', () => {
  assert.deepEqual(dueAlerts([d], { 'written-30min': '2026-12-07T08:10:00+08:00' }, at(5), new Set()), []);
  assert.deepEqual(dueAlerts([d], { 'written-30min': '2026-12-07T08:10:00+08:00' }, dueMs + 60_000, new Set()), []);
  assert.deepEqual(dueAlerts([{ id: 'x', due: null }, { id: 'y' }, { id: 'z', due: 'garbage' }], {}, dueMs, new Set()), []);
  assert.deepEqual(dueAlerts([d], { other: 'x' }, at(5), new Set()).length, 1, 'a mark on another deadline does not count');
});

test('several due at once come nearest first', () => {
  const e = { ...d, id: 'phone', due: '2026-12-07T08:25:00+08:00' };
  assert.deepEqual(dueAlerts([d, e], {}, at(6), new Set()).map((x) => x.d.id), ['phone', 'written-30min']);
});

test('the words: minutes left rounded up, the due time, who → to: what (limit)', () => {
  const [soon] = dueAlerts([d], {}, at(10) + 30_000, new Set());
  const t = alertText(soon, at(10) + 30_000);
  assert.equal(t.title, '报告时限还剩10分钟（08:30）');
  assert.equal(t.body, '事发单位 → 市应急管理局：书面报告（30分钟内）');
  const [over] = dueAlerts([d], {}, dueMs + 60_000, new Set());
  assert.equal(alertText(over, dueMs + 60_000).title, '报告已超时（时限08:30）');
});

test('remembered keys: no duplicates, oldest dropped past 200', () => {
  assert.deepEqual(remember(['a', 'b'], ['b', 'c']), ['a', 'b', 'c']);
  const many = remember(Array.from({ length: 200 }, (_, i) => `k${i}`), ['new']);
  assert.equal(many.length, 200);
  assert.equal(many[0], 'k1');
  assert.equal(many.at(-1), 'new');
});

test('fired in another tab: the new keys for deadlines shown here, unmarked, with the same due time', () => {
  const soon = alertKey('written-30min', 'soon', dueMs);
  const other = alertKey('written-30min', 'soon', dueMs + 60_000);
  assert.deepEqual(firedElsewhere([], [soon], [d], {}).map((a) => [a.kind, a.d.id, a.dueMs]), [['soon', 'written-30min', dueMs]]);
  assert.deepEqual(firedElsewhere([soon], [soon], [d], {}), [], 'already known here');
  assert.deepEqual(firedElsewhere([], [other], [d], {}), [], 'another due time: not this deadline');
  assert.deepEqual(firedElsewhere([], [soon], [d], { 'written-30min': 'x' }), [], 'marked here');
  assert.deepEqual(firedElsewhere([], ['junk', 'a|b|c'], [d], {}), []);
});
