// @ts-check
// The plan workbench's page section (www/editor.js wires it): the mode switch, the start controls,
// the status and error list, the forms' box, and the side panes (source, marks, try, diff, export).
// Every control has its label.

import { el } from './dom.js';

const HELP =
  '在表单中修改预案：每改一项（离开输入框或按回车）即重新校验，问题显示在对应字段旁。右侧“原文”中打开或粘贴预案原文，选中一段文字后点某条规则的“设为依据”，即把这段文字设为该条的引文和行号，并随时核对引文。“试算”按每个分级界限两侧各算一例，供审核签字；“导出”保存 TOML 文件和界限用例表（CSV），“以新编号导入并使用”把修改后的预案加入预案列表。全部在本机完成，不上传。';

/** @param {{id: string, title: string}[]} plans */
export function buildEditor(plans) {
  const toggle = el('button', { id: 'editor-toggle', class: 'editor-toggle', text: '编辑预案', attrs: { type: 'button', 'aria-pressed': 'false', 'aria-controls': 'editor' } });
  const template = /** @type {HTMLSelectElement} */ (el('select', { id: 'ed-template' }, ...plans.map((p) => el('option', { attrs: { value: p.id }, text: p.title }))));
  const source = /** @type {HTMLTextAreaElement} */ (el('textarea', { id: 'ed-source', attrs: { rows: 16, spellcheck: 'false', placeholder: '在此粘贴预案原文（保持原有换行），或用上方按钮打开原文文件' } }));
  const first = /** @type {HTMLInputElement} */ (el('input', { id: 'ed-first', attrs: { type: 'number', min: 1, step: 1, value: 1 } }));
  const newId = /** @type {HTMLInputElement} */ (el('input', { id: 'ed-new-id', attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } }));
  const diffBase = /** @type {HTMLSelectElement} */ (el('select', { id: 'ed-diff-base' }, el('option', { attrs: { value: 'base' }, text: '模板（起点）' }), el('option', { attrs: { value: 'export' }, text: '上次导出' })));
  const fileInput = (/** @type {string} */ id, /** @type {string} */ accept) => el('input', { id, attrs: { type: 'file', accept } });
  const button = (/** @type {string} */ id, /** @type {string} */ text) => el('button', { id, text, attrs: { type: 'button' } });
  const pane = (/** @type {string} */ id, /** @type {string} */ title, /** @type {(HTMLElement | string)[]} */ ...body) =>
    el('section', { class: 'ed-pane', attrs: { 'aria-labelledby': `${id}-h` } }, el('h3', { id: `${id}-h`, text: title }), ...body);

  const section = el(
    'section',
    { id: 'editor', class: 'editor', attrs: { 'aria-labelledby': 'h-editor', hidden: true } },
    el('h2', { id: 'h-editor' }, '编辑预案 ', el('span', { id: 'ed-draft-label', class: 'ed-draft', text: '草稿', attrs: { hidden: true } })),
    el('p', { class: 'hint ed-help', text: HELP }),
    el(
      'div',
      { class: 'ed-start' },
      el('label', { attrs: { for: 'ed-template' }, text: '模板' }), template, button('ed-use-template', '以此为模板'),
      el('label', { attrs: { for: 'ed-open' }, text: '或打开预案文件（.toml）' }), fileInput('ed-open', '.toml,text/plain'),
      button('ed-draft', '从文本起草'), button('ed-close', '返回研判'),
    ),
    el('p', { id: 'ed-status', class: 'ed-status', attrs: { role: 'status', 'aria-live': 'polite' } }),
    el('ul', { id: 'ed-errors', class: 'ed-errors' }),
    el(
      'div',
      { class: 'ed-grid' },
      el('div', { id: 'ed-form', class: 'ed-form' }),
      el(
        'aside',
        { class: 'ed-side', attrs: { 'aria-label': '原文、试算与导出' } },
        pane('ed-p-source', '原文', el('label', { attrs: { for: 'ed-source-file' }, text: '打开原文文件（.txt）' }), fileInput('ed-source-file', '.txt,text/plain'),
          el('label', { attrs: { for: 'ed-first' }, text: '本文本第1行是原文文件的第几行' }), first,
          el('label', { attrs: { for: 'ed-source' }, text: '预案原文' }), source, el('p', { id: 'ed-quotes', class: 'hint' })),
        pane('ed-p-marks', '待确认', el('p', { id: 'ed-draft-note', class: 'hint', attrs: { hidden: true } }), el('div', { id: 'ed-marks' })),
        pane('ed-p-try', '试算（界限用例）', el('div', { id: 'ed-try' })),
        pane('ed-p-diff', '对照改动', el('label', { attrs: { for: 'ed-diff-base' }, text: '对照' }), diffBase, el('div', { id: 'ed-diff' })),
        pane('ed-p-export', '导出与使用', button('ed-export-toml', '导出预案文件（TOML）'), button('ed-export-csv', '导出界限用例（CSV）'),
          el('label', { attrs: { for: 'ed-new-id' }, text: '新预案编号（小写字母、数字和连字符）' }), newId, button('ed-import', '以新编号导入并使用'),
          el('p', { id: 'ed-export-status', class: 'hint', attrs: { role: 'status' } })),
      ),
    ),
  );
  return { section, toggle, template, source, first, newId, diffBase };
}
