// The incident record (www/incident-record.js, www/incident-log.js): a new incident names its plan and
// marks its prefilled time; the stored database reads back or is refused without a throw; two tabs'
// copies merge field by field; the log records results only from valid input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blank, exportText, legacyValues, mergeIncident, normalise, parseIncidentFile, readDb, writeDb } from '../../www/incident-record.js';
import { logChanges, summarise } from '../../www/incident-log.js';

const NOW = Date.parse('2026-12-07T02:00:00Z');
const plans = new Set(['p']);

test('a new incident: its log starts with the plan chosen; the time is prefilled and marked so', () => {
  const i = blank('p', '某预案', NOW, 'i-1');
  assert.deepEqual(i.log, [{ t: '2026-12-07T02:00:00.000Z', kind: 'create', text: '新建事件，预案：《某预案》' }]);
  assert.equal(i.values.incident_time, '2026-12-07T10:00');
  assert.deepEqual(i.prefilled, { incident_time: '2026-12-07T02:00:00.000Z' });
});

test('export then import is faithful, values as typed', () => {
  const i = blank('p', '某预案', NOW, 'i-1');
  i.values.direct_loss_wan = '1.2亿';
  const text = exportText(i, '某预案', '2026-12-07T03:00:00.000Z');
  const r = parseIncidentFile(text, plans);
  assert.deepEqual(r.incident, i);
  assert.equal(exportText(r.incident, '某预案', '2026-12-07T03:00:00.000Z'), text, 'byte for byte');
  assert.match(parseIncidentFile('{', plans).error, /不是有效的 JSON/);
  assert.match(parseIncidentFile(text.replace('"p"', '"q"'), plans).error, /预案“q”不在本工具中/);
  assert.match(parseIncidentFile(JSON.stringify({ format: 'yingji-incident', version: 1, incident: { ...i, prefilled: { incident_time: 'x' } } }), plans).error, /预填标记格式不对/);
});

test('storage: a damaged store reads as nothing (and says so); the old per-plan values migrate', () => {
  assert.deepEqual(readDb(null), { current: null, incidents: [], damaged: false });
  assert.deepEqual(readDb('{oops'), { current: null, incidents: [], damaged: true });
  const i = blank('p', 'x', NOW, 'i-1');
  const db = readDb(writeDb('i-1', [i, { id: 'bad' }]));
  assert.equal(db.incidents.length, 1);
  assert.equal(db.damaged, true);
  assert.equal(db.current, 'i-1');
  assert.deepEqual(readDb(writeDb('gone', [i])).current, 'i-1');
  assert.deepEqual(legacyValues('{"deaths":"3"}'), { deaths: '3' });
  assert.equal(legacyValues('{"deaths":3}'), null, 'not strings: not taken');
  assert.equal(legacyValues('{'), null);
});

test('two tabs: edits to different fields both survive; the same field is a conflict, mine kept', () => {
  const base = blank('p', 'x', NOW, 'i-1');
  base.values.deaths = '5';
  const mine = normalise(structuredClone(base));
  const theirs = normalise(structuredClone(base));
  mine.values.deaths = '6';
  mine.log.push({ t: '2026-12-07T02:01:00.000Z', kind: 'fact', text: 'a' });
  theirs.values.missing = '1';
  theirs.ticks.k = '2026-12-07T02:02:00.000Z';
  theirs.log.push({ t: '2026-12-07T02:00:30.000Z', kind: 'fact', text: 'b' });
  const r = mergeIncident(base, mine, theirs);
  assert.equal(r.merged.values.deaths, '6');
  assert.equal(r.merged.values.missing, '1', 'the other tab\'s 下落不明=1 is not lost');
  assert.equal(r.merged.ticks.k, '2026-12-07T02:02:00.000Z');
  assert.deepEqual(r.merged.log.map((e) => e.text), ['新建事件，预案：《x》', 'b', 'a']);
  assert.deepEqual(r.conflicts, []);

  theirs.values.deaths = '7';
  const c = mergeIncident(base, mine, theirs);
  assert.equal(c.merged.values.deaths, '6');
  assert.deepEqual(c.conflicts, [{ part: 'values', key: 'deaths', mine: '6', theirs: '7' }]);

  // A field removed on one side stays removed.
  const cleared = normalise(structuredClone(base));
  delete cleared.values.deaths;
  assert.equal('deaths' in mergeIncident(base, normalise(structuredClone(base)), cleared).merged.values, false);
});

const facts = [{ id: 'deaths', type: 'count', label: '死亡人数' }, { id: 'aqi', type: 'series', label: 'AQI' }];
const res = (grade, level, rank, tasks = []) => summarise({ grade, response: level ? { level, rank } : null, tasks: tasks.map((title) => ({ title })) });

test('log: an empty new incident records no verdict; the first real input does', () => {
  const first = logChanges(null, { plan: 'p', values: {}, facts, result: res('一般', 'Ⅳ级响应', 4), empty: true });
  assert.deepEqual(first.entries, [], 'no 研判 for a plan nobody filled in');
  assert.equal(first.logged.result, null);
  const next = logChanges(first.logged, { plan: 'p', values: { deaths: '5' }, facts, result: res('较大', 'Ⅱ级响应', 2), empty: false });
  assert.deepEqual(next.entries.map((e) => e.text), ['死亡人数：未填 → 5人', '研判：较大事故，Ⅱ级响应']);
  assert.deepEqual(next.lines, []);
  const up = logChanges(next.logged, { plan: 'p', values: { deaths: '12' }, facts, result: res('重大', 'Ⅰ级响应', 1, ['抢险']), empty: false });
  assert.deepEqual(up.lines, ['事故等级由较大变为重大', '响应级别由Ⅱ级响应提高到Ⅰ级响应', '新增任务：抢险']);
  assert.equal(logChanges(up.logged, { plan: 'p', values: { deaths: '12' }, facts, result: res('重大', 'Ⅰ级响应', 1, ['抢险']), empty: false }), null, 'nothing new: nothing recorded');
});
