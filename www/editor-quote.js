// @ts-check
// The plan workbench's source pane, pure part: a passage selected in the plan's source text becomes a
// rule's `quote` and `cite` (line, line_end, chars), and a quote is checked against the source the
// way tests/plan_files.rs checks the embedded plans (cited lines joined with no separator, or the
// `chars` range of one line; a quote's fragments split at “…” found in order).
//
// Line numbers: the pasted text's first line is line `first` of the source file (default 1: the whole
// seed file pasted or opened). A slice pasted from the middle of a file sets `first` to the line it
// starts on, so the citations stay line numbers of the source file as the plan files write them.

/** @param {string} text */
export const sourceLines = (text) => text.split(/\r?\n/);

/**
 * The cited text: lines line..=line_end joined with no separator, or the chars range of one line.
 * @param {string[]} lines the source's lines @param {{line: number, line_end?: number, chars?: number[]}} cite
 * @param {number} [first] the source line number of lines[0]
 */
export function citedText(lines, cite, first = 1) {
  const a = Number(cite.line);
  const b = Number(cite.line_end ?? cite.line);
  let text = '';
  for (let n = a; n <= b; n++) {
    const l = lines[n - first];
    if (l !== undefined) text += l;
  }
  if (Array.isArray(cite.chars) && cite.chars.length === 2) {
    return Array.from(text).slice(cite.chars[0], cite.chars[1]).join('');
  }
  return text;
}

/** Each fragment of the quote (split at “…”) appears in the cited text, in order. @param {string} cited @param {string} quote */
export function quoteFound(cited, quote) {
  let rest = cited;
  for (const fragment of quote.split('…').filter((f) => f)) {
    const at = rest.indexOf(fragment);
    if (at < 0) return false;
    rest = rest.slice(at + fragment.length);
  }
  return true;
}

/**
 * Checks a rule's quote against the source: '' when it is there, else a Chinese message. The source
 * as text, or as its lines (split once for many quotes).
 * @param {string | string[]} source @param {any} cite @param {string} quote @param {number} [first]
 */
export function quoteProblem(source, cite, quote, first = 1) {
  if (!cite || !Number.isInteger(Number(cite.line))) return '没有引用行号(cite.line)';
  const lines = Array.isArray(source) ? source : sourceLines(source);
  const last = first + lines.length - 1;
  const end = Number(cite.line_end ?? cite.line);
  if (Number(cite.line) < first || end > last) return `引用的第${cite.line}行不在原文窗格的文本内(第${first}–${last}行)`;
  if (!quote) return '没有引文(quote)';
  return quoteFound(citedText(lines, cite, first), quote) ? '' : `引文与原文第${cite.line}${cite.line_end ? `–${cite.line_end}` : ''}行不符`;
}

/**
 * A selection in the source (UTF-16 offsets, as a textarea gives them) as a quote and a citation.
 * `chars`: also give the code-point range within the line (the Ordos plans cite one long line so);
 * only for a selection within one line. Null for an empty selection.
 * @param {string} source @param {number} start @param {number} end @param {number} [first] @param {boolean} [chars]
 * @returns {{quote: string, line: number, line_end: number | null, chars: number[] | null} | null}
 */
export function selectionCite(source, start, end, first = 1, chars = false) {
  const a = Math.max(0, Math.min(start, end));
  const b = Math.min(source.length, Math.max(start, end));
  // Leading and trailing line breaks and spaces are not part of the passage.
  let s = a;
  let e = b;
  while (s < e && /\s/.test(source[s])) s++;
  while (e > s && /\s/.test(source[e - 1])) e--;
  if (s >= e) return null;
  const before = source.slice(0, s);
  const lineIdx = before.split('\n').length - 1;
  const lastIdx = source.slice(0, e).split('\n').length - 1;
  const quote = source.slice(s, e).replace(/\r?\n/g, '');
  const lineStart = before.lastIndexOf('\n') + 1;
  const range =
    chars && lineIdx === lastIdx
      ? [Array.from(source.slice(lineStart, s)).length, Array.from(source.slice(lineStart, e)).length]
      : null;
  return { quote, line: lineIdx + first, line_end: lastIdx > lineIdx ? lastIdx + first : null, chars: range };
}
