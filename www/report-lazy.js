// @ts-check
// The 报告与导出 buttons, wired at start; what they do (report-actions.js and the report modules, about
// 30 KB) is loaded on their first use, or a moment after the first result is shown (app.js), so that a
// print from the browser's menu finds the written report drawn.

import { once } from './lazy.js';

/** @typedef {import('./report-actions.js').Reports} Reports */
/** @typedef {typeof import('./report-actions.js').renderSheets} RenderSheets */

/**
 * @param {Parameters<typeof import('./report-actions.js').setupReports>[0]} ctx
 * @param {(text: string) => void} failed says that the report modules could not be loaded
 */
export function setupReportsLazy(ctx, failed) {
  /** @type {RenderSheets | null} */
  let sheets = null;
  const load = once(() =>
    import('./report-actions.js').then((m) => {
      const r = m.setupReports(ctx);
      sheets = m.renderSheets;
      return r;
    }),
  );
  /** @param {(r: Reports) => unknown} fn */
  const use = (fn) =>
    load().then(fn, (e) => failed(`无法载入报告模块（${e instanceof Error ? e.message : String(e)}），请刷新页面后重试。`));
  /** @type {[string, (r: Reports) => unknown][]} */
  const buttons = [
    ['checklist-print-btn', (r) => r.print('checklist')],
    ['report-docx', (r) => r.exportDocx()],
    ['checklist-csv', (r) => r.exportCsv('checklist')],
    ['log-csv', (r) => r.exportCsv('log')],
    ['quick-report-btn', (r) => r.quick()],
  ];
  for (const [id, fn] of buttons) document.getElementById(id)?.addEventListener('click', () => void use(fn));
  return {
    /** @param {'report' | 'checklist'} [kind] */
    print: (kind) => void use((r) => r.print(kind)),
    /** The sheets' renderer once loaded (null before: then `load` it). */
    sheets: () => sheets,
    load,
  };
}
