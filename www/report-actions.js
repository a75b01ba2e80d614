// @ts-check
// What leaves the page about an incident, besides its JSON: the written report (打印书面报告, 导出Word),
// the internal checklist (打印任务清单), the checklist and the log as CSV, and the 电话快报 with a copy
// button. Loaded on first use (report-lazy.js); each print switches a class on <body>
// so that print media shows only the sheet chosen (report.css). Issuing a report (print or Word) is
// recorded in the incident's log: 「已出具续报（第2次）」.

import { el } from './dom.js';
import { csv } from './csv.js';
import { renderReport } from './incident-report.js';
import { fileName, download } from './incident-view.js';
import { renderChecklist } from './report-checklist.js';
import { checklistRows, logRows } from './report-csv.js';
import { reportModel } from './report-model.js';
import { issueText, seqOf } from './report-phrases.js';
import { quickReport } from './quick-report.js';

/** @typedef {import('./incident-record.js').Incident} Incident */
/** @typedef {{title: string, doc: string, facts: any[], out: any, unconfirmed: number}} PlanContext */
/** @typedef {{print(kind?: 'report' | 'checklist'): void, exportDocx(): Promise<void>, exportCsv(what: 'checklist' | 'log'): void, quick(): void}} Reports */

const PRINT_CLASSES = ['print-report', 'print-checklist'];
const $ = (/** @type {string} */ id) => document.getElementById(id);

/** The sheet of the internal checklist, made once beside the report. */
function checklistBox() {
  let box = $('checklist-print');
  if (!box) {
    box = el('section', { id: 'checklist-print', class: 'report checklist-print print-only', attrs: { 'aria-label': '任务清单（打印）' } });
    // A child of <main id="app"> as #report is: the print rules show one child of it (report.css).
    /** @type {HTMLElement} */ ($('app')).append(box);
  }
  return box;
}

/** Draws both sheets (the written report and the checklist) for paper. @param {Incident} i @param {PlanContext} c @param {number} nowMs */
export function renderSheets(i, c, nowMs) {
  const report = $('report');
  if (report) renderReport(report, reportModel(i, c, nowMs));
  renderChecklist(checklistBox(), i, c, nowMs);
  // The 电话快报 when open follows the facts too.
  const quick = /** @type {HTMLTextAreaElement | null} */ ($('quick-report-text'));
  if (quick && !(/** @type {HTMLElement} */ ($('quick-report')).hidden)) quick.value = quickReport(i, c);
}

/**
 * @param {{context(): {i: Incident, c: PlanContext} | null, record(kind: string, text: string): void}} ctx
 * @returns {Reports}
 */
export function setupReports(ctx) {
  checklistBox();
  const msg = el('p', { id: 'report-msg', class: 'incident-msg', attrs: { role: 'status', 'aria-live': 'polite' } });
  msg.hidden = true;
  const say = (/** @type {string} */ text, kind = 'ok') => {
    msg.textContent = text;
    msg.dataset.kind = kind;
    msg.hidden = !text;
  };
  const quick = quickBox(say);
  // The buttons are in index.html (the 报告与导出 menu); report-lazy.js loads this module on their first use.
  const row = document.querySelector('#incident-bar .incident-row');
  if (row) row.after(msg, quick.box);

  window.addEventListener('afterprint', () => document.body.classList.remove(...PRINT_CLASSES));

  /** @param {'report' | 'checklist'} kind */
  function print(kind = 'report') {
    const x = ctx.context();
    if (!x) return say('还没有研判结果，无法打印。', 'error');
    say('');
    document.body.classList.remove(...PRINT_CLASSES);
    document.body.classList.add(`print-${kind}`);
    renderSheets(x.i, x.c, Date.now());
    if (kind === 'report') {
      ctx.record('issue', `${issueText(x.i.info)}：打印书面报告`);
      say(`${issueText(x.i.info)}。${nextHint(x.i.info)}`);
    }
    window.print();
  }

  async function exportDocx() {
    const x = ctx.context();
    if (!x) return say('还没有研判结果，无法导出。', 'error');
    const m = reportModel(x.i, x.c, Date.now());
    say('正在生成Word文件……');
    let blob;
    try {
      // Loaded only now: the Word library is about 225 KB (67 KB gzip), most officers never need it.
      const mod = await import('./vendor/docx-report.js');
      blob = await mod.reportDocx(m);
    } catch (e) {
      return say(`无法生成Word文件（${e instanceof Error ? e.message : String(e)}）。可改用“打印书面报告”，在打印对话框中选择“另存为PDF”。`, 'error');
    }
    download(m.fileName, blob, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    ctx.record('issue', `${issueText(x.i.info)}：导出Word文件“${m.fileName}”`);
    say(`已导出：${m.fileName}。${nextHint(x.i.info)}`);
  }

  /** @param {'checklist' | 'log'} what */
  function exportCsv(what) {
    const x = ctx.context();
    if (!x) return say('还没有研判结果，无法导出。', 'error');
    const name = `${fileName(x.i)}-${what === 'log' ? '事件记录' : '任务清单'}.csv`;
    download(name, csv(what === 'log' ? logRows(x.i) : checklistRows(x.c.out, x.i)), 'text/csv;charset=utf-8');
    say(`已导出：${name}`);
  }

  return { print, exportDocx, exportCsv, quick: () => quick.toggle(ctx.context()) };
}

/** The number stays as chosen (a report printed twice is one report): the next one is suggested. @param {Record<string, string>} info */
const nextHint = (info) => `下一次报告请在“事件信息”中选择“续报（第${seqOf(info).n + 1}次报告）”。`;

/** The 电话快报 box: the text, 复制, and what happened to the copy. @param {(text: string, kind?: string) => void} say */
function quickBox(say) {
  const text = /** @type {HTMLTextAreaElement} */ (el('textarea', { id: 'quick-report-text', class: 'quick-report-text', attrs: { readonly: true, rows: 9, 'aria-label': '电话快报内容' } }));
  const note = el('span', { id: 'quick-report-note', class: 'hint', attrs: { role: 'status', 'aria-live': 'polite' } });
  const copy = el('button', { id: 'quick-report-copy', text: '复制', attrs: { type: 'button' } });
  const box = el('div', { id: 'quick-report', class: 'quick-report' }, el('strong', { text: '电话快报（首次电话报告时照读）' }), text, el('div', { class: 'quick-report-row' }, copy, note));
  box.hidden = true;
  copy.addEventListener('click', async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text.value);
      note.textContent = '已复制到剪贴板。';
    } catch {
      // The clipboard refused (no permission, an old browser): the text is selected for Ctrl+C.
      text.focus();
      text.select();
      note.textContent = '浏览器不允许直接复制：文字已全部选中，请按 Ctrl+C 复制。';
    }
  });
  return {
    box,
    /** @param {{i: Incident, c: PlanContext} | null} x */
    toggle(x) {
      if (!box.hidden) {
        box.hidden = true;
        return;
      }
      if (!x) return say('还没有研判结果，无法生成电话快报。', 'error');
      text.value = quickReport(x.i, x.c);
      note.textContent = '';
      box.hidden = false;
    },
  };
}
