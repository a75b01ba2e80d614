// Formatting shared by the page and the panel (www/format.js): dates carry their date when not today
// and their year when not this year; numbers never print NaN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chinaLocal, citeText, clockText, factText, fmtMinutes, fmtNum, fullTime, hms, readableQuote, withYear } from '../../www/format.js';

const NOW = Date.parse('2026-12-07T02:00:00Z'); // 10:00 China time

test('clock times: today bare, another day with its date, another year with its year', () => {
  assert.equal(clockText('2026-12-07T01:05:00Z', NOW), '09:05');
  assert.equal(clockText('2026-12-06T15:59:00Z', NOW), '12月6日 23:59', '23:59 China time on the 6th is yesterday');
  assert.equal(clockText('2026-12-06T16:00:00Z', NOW), '00:00', 'midnight China time is today');
  assert.equal(clockText('2026-09-07T04:10:00Z', NOW), '9月7日 12:10');
  assert.equal(clockText('2025-09-07T04:10:00Z', NOW), '2025年9月7日 12:10');
  assert.equal(clockText('2026-12-07T01:05:09Z', NOW, { seconds: true }), '09:05:09');
  assert.equal(clockText('not a time', NOW), '');
  assert.equal(fullTime('2026-12-07T00:05:00Z'), '2026年12月7日 08:05');
  assert.equal(chinaLocal(NOW), '2026-12-07T10:00');
});

test('numbers, durations and citations', () => {
  assert.equal(fmtNum(NaN), '—');
  assert.equal(fmtNum(1 / 3), '0.3333');
  assert.equal(fmtNum(12000), '12000');
  assert.equal(fmtMinutes(61), '1小时1分钟');
  assert.equal(fmtMinutes(-1500), '1天1小时');
  assert.equal(fmtMinutes(undefined), '');
  assert.equal(hms(90061000), '1天 01:01:01');
  assert.equal(citeText({ clause: '1.5', line: 1174, line_end: 1176 }), '第1.5条 · 原文第1174–1176行');
  assert.equal(citeText({ clause: '附录8.3', line: 12, chars: [0, 5] }), '附录8.3 · 原文第12行 · 第1字起');
  assert.equal(citeText(null), '');
});

test('a fact as the log writes it: as typed, with its unit', () => {
  assert.equal(factText({ type: 'count' }, '5'), '5人');
  assert.equal(factText({ type: 'money' }, '1.2亿'), '1.2亿', 'a value typed with its own unit is written as typed');
  assert.equal(factText({ type: 'money' }, undefined), '未填');
  assert.equal(factText({ type: 'yesno' }, 'yes'), '是');
  assert.equal(factText({ type: 'choice', options: [{ value: 'a', label: '甲' }] }, 'a'), '甲');
  assert.equal(factText({ type: 'datetime' }, '2026-12-07T08:00'), '2026-12-07 08:00');
});

test('a due time from the engine gets its year only when not in this year; 24:00 stays as the plan says it', () => {
  assert.equal(withYear('12月8日 24:00', '2026-12-08T16:00:00Z', NOW), '12月8日 24:00');
  assert.equal(withYear('9月7日 12:10', '2025-09-07T04:10:00Z', NOW), '2025年9月7日 12:10');
  assert.equal(withYear('12月31日 24:00', '2026-12-31T16:00:00Z', NOW), '12月31日 24:00', 'the end of this year is this year');
  assert.equal(withYear('12:10', '2025-09-07T04:10:00Z', NOW), '2025年9月7日 12:10');
  assert.equal(withYear('', '2025-09-07T04:10:00Z', NOW), '');
});

test('quotes show without the OCR spaces between Chinese characters, and keep spaces beside Latin text and digits', () => {
  assert.equal(readableQuote('重污染天 气应急预案'), '重污染天气应急预案');
  assert.equal(readableQuote('发布 红色 预警,启动 Ⅰ级 响应'), '发布红色预警,启动Ⅰ级响应');
  assert.equal(readableQuote('（一） 组织 指挥'), '（一）组织指挥');
  assert.equal(readableQuote('AQI 日均值 > 200'), 'AQI 日均值 > 200', 'a space beside Latin text or a sign stays');
  assert.equal(readableQuote('死亡 3 人'), '死亡 3 人', 'a space beside a digit stays');
  assert.equal(readableQuote(''), '');
});
