// @ts-check
// The plan workbench's side panes, drawn from the editor's state: the «待确认» marks (each with 确认),
// the try pane's case table, and the line diff against the template or the last export.

import { el } from './dom.js';
import { diffCounts, diffLines, hunks, sideBySide } from './editor-diff.js';
import { tableTitle } from './editor-form.js';

/**
 * The tables still marked «待确认», each with 确认 and 定位.
 * @param {HTMLElement} box @param {any[]} tables @param {(t: any) => void} onConfirm @param {(t: any) => void} onShow
 */
export function drawMarks(box, tables, onConfirm, onShow) {
  const marked = tables.filter((t) => t.fields.some((/** @type {any} */ f) => f.key.join('.') === 'review'));
  if (!marked.length) {
    box.replaceChildren(el('p', { class: 'hint', text: '没有待确认的条目。' }));
    return 0;
  }
  box.replaceChildren(
    el('p', { text: `还有${marked.length}条待确认：逐条核对原文后点“确认”。有待确认条目的预案可以试算，但显示为“草稿”。` }),
    el(
      'ul',
      { class: 'ed-marks' },
      ...marked.map((t) => {
        const ok = el('button', { class: 'ed-confirm', text: '确认', attrs: { type: 'button' } });
        ok.addEventListener('click', () => onConfirm(t));
        const go = el('button', { class: 'ed-goto', text: '定位', attrs: { type: 'button' } });
        go.addEventListener('click', () => onShow(t));
        return el('li', { data: { name: t.name } }, el('span', { text: tableTitle(t) }), ' ', go, ' ', ok);
      }),
    ),
  );
  return marked.length;
}

/**
 * The case table: criterion, value, edge, expected grade, the engine's result, agreement.
 * @param {HTMLElement} box @param {import('./editor-cases.js').Case[]} cases
 */
export function drawCases(box, cases) {
  if (!cases.length) {
    box.replaceChildren(el('p', { class: 'hint', text: '本预案没有数值分级标准，没有可试算的界限。' }));
    return;
  }
  const bad = cases.filter((c) => c.result !== c.expected).length;
  box.replaceChildren(
    el('p', { class: bad ? 'ed-bad' : 'ed-good', text: bad ? `${bad}个用例的引擎结果与分级标准不一致（见标红行）。` : `全部${cases.length}个界限用例的引擎结果与分级标准一致。` }),
    el(
      'table',
      { class: 'ed-cases' },
      el('caption', { text: '界限用例（每个分级界限两侧各一例）' }),
      el('thead', {}, el('tr', {}, ...['分级标准', '数值', '界限', '按分级标准应为', '引擎结果'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
      el(
        'tbody',
        {},
        ...cases.map((c) =>
          el(
            'tr',
            { class: c.result === c.expected ? '' : 'ed-mismatch', data: { value: c.value, axis: c.axis } },
            el('td', { text: c.axis }),
            el('td', { text: String(c.value) }),
            el('td', { text: c.edge }),
            el('td', { class: 'ed-expected', text: c.expected }),
            el('td', { class: 'ed-result', text: c.result ?? '' }),
          ),
        ),
      ),
    ),
  );
}

/**
 * The diff of the edited text against `base`: counts, then the changed lines with context, side by
 * side (before | after, changed lines paired) in a scrollable region the keyboard can reach.
 * @param {HTMLElement} box @param {string} base @param {string} text @param {string} against
 */
export function drawDiff(box, base, text, against) {
  const d = diffLines(base, text);
  const { del, add } = diffCounts(d);
  if (!del && !add) {
    box.replaceChildren(el('p', { class: 'hint', text: `与${against}相同，没有改动。` }));
    return;
  }
  /** @param {import('./editor-diff.js').DiffLine | null} l @param {'a' | 'b'} side @param {string} mark */
  const cells = (l, side, mark) => [
    el('td', { class: 'ed-ln', text: l ? String(l[side]) : '' }),
    el('td', { class: `ed-code${l && mark !== ' ' ? (side === 'a' ? ' ed-line-del' : ' ed-line-add') : ''}${l ? '' : ' ed-empty'}`, text: l ? `${mark} ${l.text}` : '' }),
  ];
  const rows = sideBySide(hunks(d, 2)).map((r) =>
    r.kind === 'gap'
      ? el('tr', { class: 'ed-gap' }, el('td', { attrs: { colspan: 4 }, text: `…… 未改动的${r.skipped}行 ……` }))
      : el('tr', { class: `ed-row-${r.kind}` }, ...cells(r.left, 'a', r.kind === 'same' ? ' ' : '−'), ...cells(r.right, 'b', r.kind === 'same' ? ' ' : '+')),
  );
  const col = (/** @type {string} */ t) => el('th', { text: t, attrs: { scope: 'col' } });
  box.replaceChildren(
    el('p', { class: 'ed-diff-count', text: `与${against}相比：删去${del}行，新增${add}行。` }),
    el(
      'div',
      { class: 'ed-diff-scroll', attrs: { tabindex: 0, role: 'region', 'aria-label': `与${against}对照（可用方向键滚动）` } },
      el(
        'table',
        { class: 'ed-diff ed-diff-sbs' },
        el('caption', { text: `左：${against}；右：当前（改动的行左右对齐）` }),
        el('thead', {}, el('tr', {}, col('原行'), col(`${against}`), col('现行'), col('当前'))),
        el('tbody', {}, ...rows),
      ),
    ),
  );
}
