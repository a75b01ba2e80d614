// Number parsing as the officer types (www/parse.js): full-width digits, thousands separators,
// Chinese units; anything else refused with the text quoted; lists pasted into a forecast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { halfWidth, isList, parseAmount, parseSeries, readFacts, splitList } from '../../www/parse.js';

const money = { id: 'direct_loss_wan', type: 'money', label: '直接经济损失' };
const count = { id: 'deaths', type: 'count', label: '死亡人数' };
const temp = { id: 't', type: 'number', label: '最低气温', unit: '℃' };

test('money: Chinese units become 万元 and the page says what it understood', () => {
  assert.deepEqual(parseAmount('1.2亿', money), { value: 12000, understood: '按 12000 万元(1.2亿元)计' });
  assert.deepEqual(parseAmount('1.2亿元', money), { value: 12000, understood: '按 12000 万元(1.2亿元)计' });
  assert.deepEqual(parseAmount('1,013万', money), { value: 1013, understood: '按 1013 万元(1013万元)计' });
  assert.deepEqual(parseAmount('10130000元', money), { value: 1013, understood: '按 1013 万元(10130000元)计' });
  assert.deepEqual(parseAmount('3千万', money), { value: 3000, understood: '按 3000 万元(3千万元)计' });
  assert.deepEqual(parseAmount('5000', money), { value: 5000 });
  assert.deepEqual(parseAmount('', money), { value: null });
  assert.deepEqual(parseAmount('  ', money), { value: null });
});

test('full-width digits and thousands separators are read; a plain number carries no note', () => {
  assert.equal(halfWidth('１２．５，３'), '12.5,3');
  assert.deepEqual(parseAmount('１２', count), { value: 12, understood: '按 12 人计' });
  assert.deepEqual(parseAmount('1,000', count), { value: 1000, understood: '按 1000 人计' });
  assert.deepEqual(parseAmount('3人', count), { value: 3, understood: '按 3 人(3人)计' });
  assert.deepEqual(parseAmount('1.2万人', count), { value: 12000, understood: '按 12000 人(1.2万人)计' });
  assert.deepEqual(parseAmount('5', count), { value: 5 });
  assert.deepEqual(parseAmount('-1', count), { value: -1 }, 'the engine refuses a negative count, naming the field');
});

test('what is not understood is refused, quoting what was typed', () => {
  assert.deepEqual(parseAmount('三', count), { error: '“死亡人数”填写的“三”无法识别为人数，请填写阿拉伯数字（如 3）' });
  assert.match(parseAmount('abc', money).error, /“直接经济损失”填写的“abc”无法识别为数字/);
  assert.match(parseAmount('5美元', money).error, /单位“美元”无法识别，请按万元填写/);
  assert.match(parseAmount('180, 230', count).error, /“180, 230”看起来是多个数值/);
  assert.match(parseAmount('1,00', count).error, /看起来是多个数值/);
  assert.match(parseAmount('5毫米', temp).error, /单位“毫米”无法识别，请按℃填写/);
});

test('a measured number takes its own unit or none, and may be negative', () => {
  assert.deepEqual(parseAmount('-3', temp), { value: -3 });
  assert.deepEqual(parseAmount('－3℃', temp), { value: -3, understood: '按 -3 ℃(-3℃)计' });
});

test('lists: commas, 、, spaces, new lines', () => {
  assert.deepEqual(splitList('180, 230, 260'), ['180', '230', '260']);
  assert.deepEqual(splitList('180\n230\r\n260'), ['180', '230', '260']);
  assert.deepEqual(splitList('180、230；２６０'), ['180', '230', '260']);
  assert.equal(isList('180,'), true);
  assert.equal(isList('180'), false);
  assert.equal(isList('1 2'), true);
});

test('a series: trailing blank days dropped, a gap or a bad day refused', () => {
  const aqi = { id: 'aqi', type: 'series', label: 'AQI日均值预报', item: '天' };
  assert.deepEqual(parseSeries(['180', '230', ''], aqi), { value: [180, 230] });
  assert.deepEqual(parseSeries(['', '', ''], aqi), { value: null });
  assert.deepEqual(parseSeries(['180', '', '260'], aqi), { error: '“AQI日均值预报”第2天未填写（后面还有数值）' });
  assert.match(parseSeries(['180', '二百'], aqi).error, /第2天.*“二百”无法识别/);
});

test('readFacts: values as typed → facts, errors and what was understood; nothing dropped', () => {
  const facts = [count, money, { id: 'yes', type: 'yesno', label: '是否' }, { id: 'c', type: 'choice', label: '类', options: [{ value: 'a', label: 'A' }] },
    { id: 'incident_time', type: 'datetime', label: '事发时间' }, { id: 'aqi', type: 'series', label: 'AQI', item: '天' }];
  const r = readFacts({ deaths: '三', direct_loss_wan: '1.2亿', yes: 'yes', c: 'z', incident_time: '2026-12-07T08:00', aqi: '180,,' }, facts);
  assert.deepEqual(r.facts, { direct_loss_wan: 12000, yes: true, incident_time: '2026-12-07T08:00', aqi: [180] });
  assert.deepEqual(Object.keys(r.errors).sort(), ['c', 'deaths']);
  assert.match(r.errors.deaths, /“三”/);
  assert.deepEqual(r.understood, { direct_loss_wan: '按 12000 万元(1.2亿元)计' });
  const bad = readFacts({}, facts, new Set(['incident_time']));
  assert.equal(bad.errors.incident_time, '“事发时间”不是完整的日期时间');
});
