// The cockpit's pure parts: which report is due next (www/render-cockpit.js), the counts, the
// tabs' keyboard moves (www/tabs.js) and where a fact goes in the form (www/form.js factGroup).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockQueue, countdownText, nextDue, openTasks, overdue } from '../../www/render-cockpit.js';
import { tabAfter, tabShown } from '../../www/tabs.js';
import { OTHER_GROUP, factGroup } from '../../www/form.js';

const NOW = Date.parse('2026-12-07T02:00:00Z');
const at = (min) => new Date(NOW + min * 60_000).toISOString();
const LIST = [
  { id: 'a', status: 'immediate', limit_text: '立即' },
  { id: 'b', status: 'pending', due: at(50) },
  { id: 'c', status: 'pending', due: at(20) },
  { id: 'd', status: 'overdue', due: at(-5) },
  { id: 'e', status: 'awaiting_anchor' },
];

test('next due: the earliest clock deadline not marked, overdue ones included; else the first 立即 one', () => {
  assert.equal(nextDue(LIST, {}).id, 'd');
  assert.equal(nextDue(LIST, { d: 'x' }).id, 'c');
  assert.equal(nextDue(LIST, { d: 'x', c: 'x' }).id, 'b');
  assert.equal(nextDue(LIST, { d: 'x', c: 'x', b: 'x' }).id, 'a', 'no clock left: the 立即 one');
  assert.equal(nextDue(LIST, { a: 'x', b: 'x', c: 'x', d: 'x' }), null, 'awaiting a time is not due');
  assert.deepEqual(clockQueue(LIST, {}).map((d) => d.id), ['d', 'c', 'b']);
  assert.equal(nextDue([], {}), null);
});

test('counts: overdue only for a passed clock not marked; open tasks are the items not ticked', () => {
  assert.equal(overdue(LIST, {}, NOW), 1);
  assert.equal(overdue(LIST, { d: 'x' }, NOW), 0);
  assert.equal(overdue(LIST, {}, NOW + 21 * 60_000), 2, 'c passes at +20 min');
  assert.equal(overdue(LIST, {}, NOW + 19 * 60_000), 1);
  const tasks = [{ kind: 'level', title: 'Ⅱ级', items: [{ text: '赶赴现场' }, { text: '成立指挥部' }] }, { kind: 'group', title: '医疗', items: [{ text: '救治' }] }];
  assert.equal(openTasks(tasks, {}), 3);
  assert.equal(openTasks(tasks, { 'level|Ⅱ级|赶赴现场': 't' }), 2);
  assert.equal(openTasks([], {}), 0);
});

test('countdown text on each side of the clock', () => {
  assert.equal(countdownText({ due: at(20) }, NOW), '还剩 00:20:00');
  assert.equal(countdownText({ due: at(-5) }, NOW), '已超时 00:05:00');
  assert.equal(countdownText({ status: 'immediate' }, NOW), '应立即报告');
});

test('tabs: arrows wrap, Home/End go to the ends, other keys do nothing; a tab not offered falls back to the first', () => {
  const names = ['deadlines', 'tasks', 'why', 'log'];
  assert.equal(tabAfter(names, 'deadlines', 'ArrowRight'), 'tasks');
  assert.equal(tabAfter(names, 'log', 'ArrowRight'), 'deadlines');
  assert.equal(tabAfter(names, 'deadlines', 'ArrowLeft'), 'log');
  assert.equal(tabAfter(names, 'why', 'Home'), 'deadlines');
  assert.equal(tabAfter(names, 'tasks', 'End'), 'log');
  assert.equal(tabAfter(names, 'tasks', 'Enter'), null);
  assert.equal(tabShown(names, 'why'), 'why');
  assert.equal(tabShown(names, 'warnings'), 'deadlines');
});

test('form groups: counts, judgements, required facts and the first time open; later times and the rest collapsed; plan groups kept', () => {
  const facts = [
    { id: 'deaths', type: 'count' },
    { id: 'beyond', type: 'yesno', judgement: true },
    { id: 'ended', type: 'yesno' },
    { id: 'warning', type: 'choice' },
    { id: 'incident_time', type: 'datetime' },
    { id: 'urge_time', type: 'datetime' },
    { id: 'rain', type: 'number', group: '暴雨' },
  ];
  assert.deepEqual(facts.map((f) => factGroup(f, facts)), ['', '', OTHER_GROUP, OTHER_GROUP, '', OTHER_GROUP, '暴雨']);
  assert.equal(factGroup({ id: 'x', type: 'choice', required: true }, facts), '');
});
