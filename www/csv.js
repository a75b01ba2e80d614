// @ts-check
// CSV as Excel and WPS read it: UTF-8 with a byte order mark (\uFEFF, without which Excel reads
// Chinese as GBK), CRLF line ends, RFC 4180 quoting (a field with a comma, a double quote, CR or LF is
// quoted, its quotes doubled). A text field that starts with = + - @ (or a tab / CR) gets a leading
// apostrophe so a spreadsheet shows it instead of running it as a formula (plan texts come from
// imported files too). Pure.

const QUOTE = /[",\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

/** One field. Numbers are written as they are. @param {unknown} v */
export function csvField(v) {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (FORMULA.test(s)) s = `'${s}`;
  return QUOTE.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The file: BOM, one CRLF-ended line per row. @param {unknown[][]} rows */
export function csv(rows) {
  return `\uFEFF${rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('')}`;
}
