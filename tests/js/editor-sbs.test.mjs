// The side-by-side view of the plan workbench's line diff (www/editor-diff.js `sideBySide`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffLines, hunks, sideBySide } from '../../www/editor-diff.js';

/** Each row as "leftNo:leftText | rightNo:rightText" (a gap as "…n"). @param {any[]} rows */
const show = (rows) => rows.map((r) => (r.kind === 'gap' ? `…${r.skipped}` : `${r.kind} ${r.left ? `${r.left.a}:${r.left.text}` : '-'} | ${r.right ? `${r.right.b}:${r.right.text}` : '-'}`));

test('side by side: a changed line sits beside its new version, same lines on both sides', () => {
  assert.deepEqual(show(sideBySide(diffLines('a\nb\nc', 'a\nB\nc'))), ['same 1:a | 1:a', 'change 2:b | 2:B', 'same 3:c | 3:c']);
});

test('side by side: two removed and one added pair the first, the second has nothing on the right', () => {
  assert.deepEqual(show(sideBySide(diffLines('x\n1\n2\ny', 'x\nN\ny'))), ['same 1:x | 1:x', 'change 2:1 | 2:N', 'del 3:2 | -', 'same 4:y | 3:y']);
});

test('side by side: a pure insertion has nothing on the left, and the line numbers after it shift', () => {
  assert.deepEqual(show(sideBySide(diffLines('x\ny', 'x\nnew1\nnew2\ny'))), ['same 1:x | 1:x', 'add - | 2:new1', 'add - | 3:new2', 'same 2:y | 4:y']);
});

test('side by side: the hunks\' gaps pass through between changes, one row per paired line', () => {
  const old = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n');
  const edited = old.replace('l3', 'L3').replace('l17', 'L17');
  const rows = show(sideBySide(hunks(diffLines(old, edited), 1)));
  assert.deepEqual(rows, ['same 2:l2 | 2:l2', 'change 3:l3 | 3:L3', 'same 4:l4 | 4:l4', '…11', 'same 16:l16 | 16:l16', 'change 17:l17 | 17:L17', 'same 18:l18 | 18:l18']);
});
