// The plan workbench's pure parts: the line diff (www/editor-diff.js), the band-edge case table and
// its CSV (www/editor-cases.js), and the source pane's quote check and selection → citation
// (www/editor-quote.js, the same rule as tests/plan_files.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffCounts, diffLines, hunks } from '../../www/editor-diff.js';
import { NO_GRADE, axesOf, casesCsv, edgeCases, expectedGrade } from '../../www/editor-cases.js';
import { citedText, quoteFound, quoteProblem, selectionCite } from '../../www/editor-quote.js';

const kinds = (d) => d.map((l) => `${l.kind[0]}${l.a ?? '-'}/${l.b ?? '-'}:${l.text}`);

test('diff: one changed line is one removed and one added, with both line numbers', () => {
  const d = diffLines('a\nb\nc\nd', 'a\nB\nc\nd');
  assert.deepEqual(kinds(d), ['s1/1:a', 'd2/-:b', 'a-/2:B', 's3/3:c', 's4/4:d']);
  assert.deepEqual(diffCounts(d), { del: 1, add: 1 });
});

test('diff: insertions and deletions in the middle keep the common lines (LCS), equal texts have no change', () => {
  const d = diffLines('x\n1\n2\n3\ny', 'x\n1\nnew\n3\n4\ny');
  assert.deepEqual(kinds(d), ['s1/1:x', 's2/2:1', 'd3/-:2', 'a-/3:new', 's4/4:3', 'a-/5:4', 's5/6:y']);
  assert.deepEqual(diffCounts(diffLines('same\ntext', 'same\ntext')), { del: 0, add: 0 });
  assert.deepEqual(hunks(diffLines('same\ntext', 'same\ntext')), []);
});

test('hunks: context around each change and one gap entry for the lines skipped between', () => {
  const old = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n');
  const edited = old.replace('l3\n', 'L3\n').replace('l17\n', 'L17\n');
  const h = hunks(diffLines(old, edited), 1);
  assert.deepEqual(
    h.map((l) => (l.kind === 'gap' ? `gap ${l.skipped}` : `${l.kind} ${l.text}`)),
    ['same l2', 'del l3', 'add L3', 'same l4', 'gap 11', 'same l16', 'del l17', 'add L17', 'same l18'],
  );
});

const outline = (bands, type = 'count') => [
  { path: ['facts', 0], name: 'facts[0](deaths)', line: 1, fields: [{ key: ['id'], type: 'string', value: 'deaths' }, { key: ['type'], type: 'string', value: type }] },
  { path: ['grading', 'axes', 0], name: 'grading.axes[0](deaths)', line: 2, fields: [{ key: ['id'], type: 'string', value: 'deaths' }, { key: ['label'], type: 'string', value: '死亡人数' }, { key: ['unit'], type: 'string', value: '人' }, { key: ['facts'], type: 'array', value: ['deaths'] }] },
  ...bands.map((b, i) => ({
    path: ['grading', 'axes', 0, 'bands', i],
    name: `grading.axes[0](deaths).bands[${i}]`,
    line: 3 + i,
    fields: Object.entries(b).map(([k, v]) => ({ key: [k], type: typeof v, value: v })),
  })),
];
// 晋城 非煤矿山 deaths: 以上含本数, 以下不含本数.
const BANDS = [
  { grade: '特别重大', min: 30, min_inclusive: true },
  { grade: '重大', min: 10, min_inclusive: true, max: 30, max_inclusive: false },
  { grade: '较大', min: 3, min_inclusive: true, max: 10, max_inclusive: false },
  { grade: '一般', max: 3, max_inclusive: false },
];

test('cases: both sides of every edge, by the bound’s inclusivity, each value once, with the expected grade', () => {
  const axes = axesOf(outline(BANDS));
  assert.equal(axes.length, 1);
  assert.equal(axes[0].step, 1);
  const cases = edgeCases(axes);
  assert.deepEqual(
    cases.map((c) => [c.value, c.expected]),
    [[2, '一般'], [3, '较大'], [9, '较大'], [10, '重大'], [29, '重大'], [30, '特别重大']],
  );
  assert.equal(cases[1].edge, '较大下限 3人（含）；一般上限 3人（不含）');
  assert.equal(cases[0].fact, 'deaths');
});

test('cases: an exclusive lower bound puts the bound itself outside; an overlap and a gap show as such', () => {
  const strict = [{ grade: '较大', min: 3, min_inclusive: false, max: 10, max_inclusive: true }];
  assert.deepEqual(edgeCases(axesOf(outline(strict))).map((c) => [c.value, c.expected]), [[3, NO_GRADE], [4, '较大'], [10, '较大'], [11, NO_GRADE]]);
  const overlap = BANDS.map((b) => (b.grade === '较大' ? { ...b, max: 12 } : b));
  const axis = axesOf(outline(overlap))[0];
  assert.equal(expectedGrade(axis, 11), '重叠：重大、较大');
  assert.equal(expectedGrade(axis, 12), '重大');
  const gap = BANDS.map((b) => (b.grade === '较大' ? { ...b, min: 4 } : b));
  assert.equal(expectedGrade(axesOf(outline(gap))[0], 3), NO_GRADE);
});

test('cases: money steps by 0.01 万元; no negative values', () => {
  const axes = axesOf(outline([{ grade: '一般', max: 1000, max_inclusive: false }, { grade: '较大', min: 1000, min_inclusive: true }], 'money'));
  assert.equal(axes[0].step, 0.01);
  assert.deepEqual(edgeCases(axes).map((c) => c.value), [999.99, 1000]);
  assert.deepEqual(edgeCases(axesOf(outline([{ grade: '一般', min: 0, min_inclusive: true, max: 3, max_inclusive: false }]))).map((c) => c.value), [0, 2, 3]);
});

test('csv: a byte-order mark, a header, quoted cells, and whether the engine agrees', () => {
  const csv = casesCsv([{ axis: '死亡人数', fact: 'deaths', value: 3, edge: '较大下限 3人（含）', expected: '较大', result: '较大' }, { axis: 'a,"b"', fact: 'x', value: 1, edge: '', expected: '一般', result: '较大' }], { title: '某预案', id: 'p' });
  assert.ok(csv.startsWith('\uFEFF预案,预案编号,分级标准,事实,数值,界限,按分级标准应为,引擎结果,一致\r\n'));
  const rows = csv.slice(1).trimEnd().split('\r\n');
  assert.equal(rows[1], '某预案,p,死亡人数,deaths,3,较大下限 3人（含）,较大,较大,是');
  assert.equal(rows[2], '某预案,p,"a,""b""",x,1,,一般,较大,否');
});

const SRC = '第一行\n本预案中有关数量的表述中,“以上”含本数,\n“以下”不含本数。\n末行';

test('quote: cited lines are joined with no separator, fragments at … are found in order', () => {
  const lines = SRC.split('\n');
  assert.equal(citedText(lines, { line: 2, line_end: 3 }), '本预案中有关数量的表述中,“以上”含本数,“以下”不含本数。');
  assert.equal(citedText(lines, { line: 2, chars: [0, 3] }), '本预案');
  assert.equal(citedText(lines, { line: 11 }, 10), '本预案中有关数量的表述中,“以上”含本数,');
  assert.ok(quoteFound('甲乙丙丁', '甲…丙'));
  assert.ok(!quoteFound('甲乙丙丁', '丙…甲'));
  assert.equal(quoteProblem(SRC, { line: 2, line_end: 3 }, '“以上”含本数,“以下”不含本数'), '');
  assert.equal(quoteProblem(SRC, { line: 2 }, '“以下”不含本数'), '引文与原文第2行不符');
  assert.equal(quoteProblem(SRC, { line: 9 }, 'x'), '引用的第9行不在原文窗格的文本内(第1–4行)');
  assert.equal(quoteProblem(SRC, { line: 2 }, ''), '没有引文(quote)');
  assert.equal(quoteProblem(SRC.split('\n'), { line: 2 }, '“以下”不含本数'), '引文与原文第2行不符', 'the same on the lines');
});

test('selection: a passage over two lines cites line and line_end, its quote has no line break; offsets by the first line', () => {
  const start = SRC.indexOf('“以上”');
  const end = SRC.indexOf('不含本数') + 4;
  assert.deepEqual(selectionCite(SRC, start, end), { quote: '“以上”含本数,“以下”不含本数', line: 2, line_end: 3, chars: null });
  assert.deepEqual(selectionCite(SRC, start, end, 1130), { quote: '“以上”含本数,“以下”不含本数', line: 1131, line_end: 1132, chars: null });
  // Within one line, with chars (code points in that line), surrounding blanks trimmed.
  const one = SRC.indexOf('有关');
  assert.deepEqual(selectionCite(SRC, one - 1 + 1, one + 4, 1, true), { quote: '有关数量', line: 2, line_end: null, chars: [4, 8] });
  assert.equal(selectionCite(SRC, 3, 4), null);
  // The citation it gives passes the quote check.
  const c = selectionCite(SRC, start, end);
  assert.equal(quoteProblem(SRC, c, c.quote), '');
});

import { keyName, placeOf, readBack, sectionOf } from '../../www/editor-form.js';

test('form: the checker’s key path is placed at its table (longest name), the rest is the field', () => {
  const names = ['', 'plan', 'grading.axes[0](deaths)', 'grading.axes[0](deaths).bands[1]', 'grading.axes[0](deaths).bands[2]', 'contacts[1]', 'contacts[10]'];
  assert.deepEqual(placeOf('grading.axes[0](deaths).bands[2]/bands[1]', names), { table: 'grading.axes[0](deaths).bands[2]', rest: 'bands[1]' });
  assert.deepEqual(placeOf('grading.axes[0](deaths).bands[1].max', names), { table: 'grading.axes[0](deaths).bands[1]', rest: 'max' });
  assert.deepEqual(placeOf('contacts[10].phone', names), { table: 'contacts[10]', rest: 'phone' });
  assert.deepEqual(placeOf('plan.date', names), { table: 'plan', rest: 'date' });
  assert.deepEqual(placeOf('第3行第5列', names), { table: '', rest: '第3行第5列' });
});

test('form: values read back by type, with Chinese refusals; parts and key names', () => {
  assert.deepEqual(readBack({ type: 'integer', key: ['cite', 'line'] }, '1184'), { value: 1184 });
  assert.deepEqual(readBack({ type: 'integer', key: ['cite', 'line'] }, '11.5'), { error: '请填写整数' });
  assert.deepEqual(readBack({ type: 'integer', key: ['max'] }, '11.5'), { value: 11.5 });
  assert.deepEqual(readBack({ type: 'float', key: ['max'] }, 'abc'), { error: '请填写数字' });
  assert.deepEqual(readBack({ type: 'boolean', key: ['min_inclusive'] }, 'false'), { value: false });
  assert.deepEqual(readBack({ type: 'array', key: ['keywords'], value: ['a'] }, '煤矿\n 瓦斯 \n\n'), { value: ['煤矿', '瓦斯'] });
  assert.deepEqual(readBack({ type: 'array', key: ['lines'], value: [1, 2] }, '1130, 1691'), { value: [1130, 1691] });
  assert.deepEqual(readBack({ type: 'array', key: ['options'], value: [{ a: 1 }] }, '[{"a": 2}]'), { value: [{ a: 2 }] });
  assert.deepEqual(readBack({ type: 'array', key: ['options'], value: [{ a: 1 }] }, '{'), { error: '无法识别：请填写 JSON 数组（[…]）' });
  assert.equal(sectionOf(['grading', 'axes', 0]), '分级标准');
  assert.equal(sectionOf(['contacts', 3]), '通讯录');
  assert.equal(sectionOf(['tables', 0]), '说明');
  assert.equal(sectionOf([]), '基本信息');
  assert.equal(keyName(['cite', 'line']), '原文行号（cite.line）');
  assert.equal(keyName(['min_inclusive']), '下限是否含本数（min_inclusive）');
  assert.equal(keyName(['odd']), 'odd');
});
