// @ts-check
// The plan workbench's line diff (edited plan against its template or the previous export): a small
// longest-common-subsequence over lines, written here rather than taken from the `diff` npm package
// because the page bundles no npm code and plan edits are local: the common head and tail are cut
// first, so the table covers only the changed middle (a whole 1,300-line plan is 1.7 M cells; far
// larger middles fall back to "all removed, all added" rather than stall the page).

/** Above this many cells the middle is shown as removed + added. */
export const MAX_CELLS = 4_000_000;

/**
 * @typedef {{kind: 'same' | 'del' | 'add', a: number | null, b: number | null, text: string}} DiffLine
 * `a`/`b`: 1-based line numbers in the old and the new text (null on the side that lacks the line).
 */

/**
 * Every line of both texts, in order, as same / deleted / added.
 * @param {string} oldText @param {string} newText @returns {DiffLine[]}
 */
export function diffLines(oldText, newText) {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  /** @type {DiffLine[]} */
  const out = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', a: i + 1, b: i + 1, text: a[i] });
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const n = am.length;
  const m = bm.length;
  if (n * m > MAX_CELLS) {
    am.forEach((t, i) => out.push({ kind: 'del', a: head + i + 1, b: null, text: t }));
    bm.forEach((t, j) => out.push({ kind: 'add', a: null, b: head + j + 1, text: t }));
  } else {
    // lcs[i][j]: the LCS length of am[i..] and bm[j..], one flat array.
    const w = m + 1;
    const lcs = new Int32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = am[i] === bm[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        out.push({ kind: 'same', a: head + i + 1, b: head + j + 1, text: am[i] });
        i++;
        j++;
      } else if (i < n && (j >= m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
        out.push({ kind: 'del', a: head + i + 1, b: null, text: am[i] });
        i++;
      } else {
        out.push({ kind: 'add', a: null, b: head + j + 1, text: bm[j] });
        j++;
      }
    }
  }
  for (let k = tail; k > 0; k--) {
    out.push({ kind: 'same', a: a.length - k + 1, b: b.length - k + 1, text: a[a.length - k] });
  }
  return out;
}

/**
 * The changed lines with `context` unchanged lines around each change; a gap between hunks is one
 * `{kind: 'gap'}` entry. No change: [].
 * @param {DiffLine[]} lines @param {number} [context]
 * @returns {(DiffLine | {kind: 'gap', skipped: number})[]}
 */
export function hunks(lines, context = 3) {
  const keep = new Uint8Array(lines.length);
  lines.forEach((l, i) => {
    if (l.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = 1;
  });
  /** @type {(DiffLine | {kind: 'gap', skipped: number})[]} */
  const out = [];
  let skipped = 0;
  lines.forEach((l, i) => {
    if (keep[i]) {
      if (skipped && out.length) out.push({ kind: 'gap', skipped });
      skipped = 0;
      out.push(l);
    } else skipped++;
  });
  return out;
}

/** How many lines were removed and added. @param {DiffLine[]} lines */
export function diffCounts(lines) {
  let del = 0;
  let add = 0;
  for (const l of lines) {
    if (l.kind === 'del') del++;
    else if (l.kind === 'add') add++;
  }
  return { del, add };
}

/**
 * @typedef {{kind: 'same' | 'change' | 'del' | 'add', left: DiffLine | null, right: DiffLine | null}} SideRow
 * One row of the side-by-side view: the old line on the left, the new one on the right. A run of
 * removed lines followed by a run of added ones is paired row by row (`change`); the longer run's
 * rest has an empty side (`del`: nothing on the right, `add`: nothing on the left).
 */

/**
 * The same line diff (or its hunks) as side-by-side rows; gaps pass through.
 * @param {(DiffLine | {kind: 'gap', skipped: number})[]} lines
 * @returns {(SideRow | {kind: 'gap', skipped: number})[]}
 */
export function sideBySide(lines) {
  /** @type {(SideRow | {kind: 'gap', skipped: number})[]} */
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    if (l.kind === 'gap' || l.kind === 'same') {
      out.push(l.kind === 'gap' ? l : { kind: 'same', left: l, right: l });
      i++;
      continue;
    }
    /** @type {DiffLine[]} */
    const dels = [];
    /** @type {DiffLine[]} */
    const adds = [];
    while (i < lines.length && lines[i].kind === 'del') dels.push(/** @type {DiffLine} */ (lines[i++]));
    while (i < lines.length && lines[i].kind === 'add') adds.push(/** @type {DiffLine} */ (lines[i++]));
    for (let k = 0; k < Math.max(dels.length, adds.length); k++) {
      const left = dels[k] ?? null;
      const right = adds[k] ?? null;
      out.push({ kind: left && right ? 'change' : left ? 'del' : 'add', left, right });
    }
  }
  return out;
}
