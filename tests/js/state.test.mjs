// The page's state transitions (www/state.js): an invalid input keeps the last good result and marks
// the state invalid, so nothing is recorded from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createState, evaluateState, setPlan, setValue, takeValues } from '../../www/state.js';

const schema = { facts: [{ id: 'deaths', type: 'count', label: '死亡人数' }, { id: 'incident_time', type: 'datetime', label: '事发时间' }, { id: 'loss', type: 'money', label: '损失' }] };
const calls = [];
const evaluate = (plan, facts) => {
  calls.push(facts);
  if (facts.deaths > 100) throw Object.assign(new Error('死亡人数过大'), { field: 'deaths' });
  return { plan, grade: facts.deaths >= 3 ? '较大' : '一般' };
};

test('plan switch keeps only that plan\'s values', () => {
  const s = createState();
  setPlan(s, 'p', schema, { deaths: '3', other: '9', loss: '1.2亿' });
  assert.deepEqual(s.values, { deaths: '3', loss: '1.2亿' });
  assert.equal(s.out, null);
});

test('another tab\'s values replace the plan\'s, without other plans\' facts and keeping the result', () => {
  const s = createState();
  setPlan(s, 'p', schema, { deaths: '3' });
  evaluateState(s, evaluate, 'now');
  const out = s.out;
  takeValues(s, { deaths: '4', other: '9', loss: '2万' });
  assert.deepEqual(s.values, { deaths: '4', loss: '2万' });
  assert.equal(s.out, out, 'the shown result stays until the new values are evaluated');
});

test('valid → result; invalid → last result kept, state invalid; same input → no evaluation', () => {
  const s = createState();
  setPlan(s, 'p', schema, {});
  assert.equal(evaluateState(s, evaluate, 'now'), true);
  assert.equal(s.empty, true, 'nothing typed');
  assert.equal(s.valid, true);
  assert.equal(setValue(s, 'deaths', '5'), true);
  assert.equal(setValue(s, 'deaths', '5'), false, 'the same value is no change');
  evaluateState(s, evaluate, 'now');
  assert.equal(s.out.grade, '较大');
  assert.equal(s.empty, false);
  const n = calls.length;
  assert.equal(evaluateState(s, evaluate, 'now'), false);
  assert.equal(calls.length, n, 'not evaluated again');

  setValue(s, 'deaths', '三');
  evaluateState(s, evaluate, 'now');
  assert.equal(s.valid, false);
  assert.equal(s.out.grade, '较大', 'the last good result stays (shown stale)');
  assert.match(s.read.errors.deaths, /“三”/);
  assert.equal(calls.length, n, 'an input the page refuses never reaches the engine');

  setValue(s, 'deaths', '101');
  evaluateState(s, evaluate, 'now');
  assert.equal(s.valid, false, 'the engine refused it');
  assert.equal(s.read.errors.deaths, '死亡人数过大');

  setValue(s, 'deaths', undefined);
  setValue(s, 'loss', '1.2亿');
  evaluateState(s, evaluate, 'now');
  assert.equal(s.valid, true);
  assert.deepEqual(calls.at(-1), { loss: 12000 });
  assert.deepEqual(s.read.understood, { loss: '按 12000 万元(1.2亿元)计' });
});

test('an incomplete date is an error beside its field', () => {
  const s = createState();
  setPlan(s, 'p', schema, {});
  setValue(s, 'incident_time', undefined, true);
  evaluateState(s, evaluate, 'now');
  assert.equal(s.valid, false);
  assert.equal(s.read.errors.incident_time, '“事发时间”不是完整的日期时间');
});
