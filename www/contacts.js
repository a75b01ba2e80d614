// @ts-check
// Numbers that can be called (issue 15): every number a tel: link with a 复制 button, the area code the
// product added said beside it; the local 值班通讯录 (kept in this browser, shown above the plan's
// contacts) whose rows override the plan's for the same unit; and who to call for an addressee.
// The pure parts (reading numbers, matching units, CSV) are in phone.js.

import { el } from './dom.js';
import { addedNote, areaCodeOf, dialParts, matchContacts, numbersIn, parseCsv, rowProblem, telHref, toCsv } from './phone.js';

const KEY = 'contacts:v1';
export const LOCAL_MARK = '本地通讯录(本机保存)';

/** @typedef {import('./phone.js').ContactRow} ContactRow */

/** @type {ContactRow[]} */
let book = [];
/** @type {ContactRow[]} */
let planRows = [];
let city = '';
let version = 0;

/** The plan shown: its contacts and its city (whose area code local numbers get). @param {any[]} rows @param {unknown} planCity */
export function setPlanContacts(rows, planCity) {
  planRows = (Array.isArray(rows) ? rows : []).map((r) => ({ unit: String(r.unit || ''), phone: String(r.phone || ''), line: r.line }));
  city = String(planCity || '');
  version++;
}

/** Changes whenever what callFor answers may change (the plan or the local book). */
export const contactsKey = () => String(version);

// callFor's answers while the plan and the book stay the same: a deadline row asks twice (its
// signature, then its drawing), and every keystroke redraws the rows' signatures.
/** @type {{version: number, answers: Map<string, any[]>}} */
let asked = { version: -1, answers: new Map() };

/** The contacts to call for an addressee (local rows first), each with its numbers. @param {unknown} text */
export function callFor(text) {
  if (!text) return [];
  if (asked.version !== version) asked = { version, answers: new Map() };
  const key = String(text);
  let found = asked.answers.get(key);
  if (!found) {
    found = matchContacts(text, book, planRows, city);
    asked.answers.set(key, found);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Numbers on screen

/**
 * Copies `text`; where the clipboard API is missing or refused, selects the number on screen (and tries
 * the old copy command) so Ctrl+C works. Says what happened on the button.
 * @param {HTMLButtonElement} btn @param {HTMLElement} target @param {string} text
 */
function copy(btn, target, text) {
  const say = (/** @type {string} */ s) => {
    btn.textContent = s;
    setTimeout(() => (btn.textContent = '复制'), 2000);
  };
  const fallback = () => {
    const sel = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(target);
    sel?.removeAllRanges();
    sel?.addRange(range);
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    say(ok ? '已复制' : '已选中，请按Ctrl+C');
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => say('已复制'), fallback);
  else fallback();
}

/**
 * A printed phone text as numbers to call: the text between numbers as printed, each number a tel: link
 * (a fax: no link, marked 传真) with a 复制 button, an added area code said at the end.
 * @param {unknown} printed @param {string} code the area code to add ('' for none) @param {{note?: boolean}} [opts]
 */
export function dialEl(printed, code, { note = true } = {}) {
  const box = el('span', { class: 'dial' });
  let added = '';
  for (const p of dialParts(printed, code)) {
    if (p.kind === 'text') {
      box.append(p.text);
      continue;
    }
    if (p.added) added = p.added;
    const num =
      p.kind === 'fax'
        ? el('span', { class: 'tel fax', text: p.shown, attrs: { title: '传真号码' } })
        : el('a', { class: 'tel', text: p.shown, attrs: { href: telHref(p), title: p.added ? addedNote(p.added) : `拨打 ${p.shown}` } });
    const btn = /** @type {HTMLButtonElement} */ (el('button', { class: 'copy-tel', text: '复制', attrs: { type: 'button', 'aria-label': `复制号码 ${p.shown}` } }));
    btn.addEventListener('click', () => copy(btn, num, p.shown));
    box.append(el('span', { class: 'number' }, num, p.ext ? ` ${p.ext}` : '', ' ', btn));
  }
  if (added && note) box.append(el('span', { class: 'hint added-code', text: `（${addedNote(added)}）` }));
  return box;
}

/**
 * Who to call for an addressee, as shown beside it: «电话：» and each matching unit with its numbers
 * (a local row marked as local); null when no contact matches.
 * @param {unknown} text @param {string} [label]
 */
export function callEl(text, label = '电话：') {
  const found = callFor(text);
  if (!found.length) return null;
  const code = areaCodeOf(city);
  const box = el('span', { class: 'call' }, el('span', { class: 'call-label', text: label }));
  let added = false;
  for (const c of found) {
    const one = el('span', { class: `call-unit${c.local ? ' local' : ''}`, data: { local: c.local ? 'true' : 'false' } });
    one.append(el('span', { class: 'call-name', text: c.unit }));
    if (c.local) one.append(el('span', { class: 'badge local-badge', text: '本地通讯录' }));
    one.append(' ', dialEl(c.phone, c.local ? '' : code, { note: false }));
    added ||= !c.local && numbersIn(c.phone, code).some((n) => n.added);
    box.append(one);
  }
  // Said once for the row: the area code is the product's, not the plan's.
  if (added) box.append(el('span', { class: 'hint added-code', text: `（${addedNote(code)}）` }));
  return box;
}

/** The signature of what callEl shows for `text` (for keyed lists). @param {unknown} text */
export const callSig = (text) => JSON.stringify(callFor(text).map((c) => [c.unit, c.phone, c.local]));

/** The plan's own contacts as a table: printed number, the numbers to dial, the source line. @param {any[]} contacts @param {unknown} planCity */
export function planContactsEl(contacts, planCity) {
  const code = areaCodeOf(planCity);
  const d = el('details', { class: 'org-body', id: 'contacts' }, el('summary', { text: `应急联系方式（${contacts.length}个单位）` }));
  const hint = code
    ? `号码按预案原文印制（2020年前后），拨打前请核实。无区号的号码，${addedNote(code)}；原文见“原文号码”列。`
    : '号码按预案原文印制，拨打前请核实；本产品未收录此城市的区号，无区号的号码按原样拨打。';
  d.append(el('p', { class: 'hint', text: hint }));
  const table = el('table', { class: 'contacts plan-contacts' });
  table.append(el('tr', {}, el('th', { text: '单位' }), el('th', { text: '拨打' }), el('th', { text: '原文号码' }), el('th', { text: '原文' })));
  for (const c of contacts) {
    table.append(el('tr', {}, el('td', { text: c.unit }), el('td', {}, dialEl(c.phone, code, { note: false })), el('td', { class: 'printed', text: c.phone }), el('td', { text: `第${c.line}行` })));
  }
  d.append(table);
  return d;
}

// ---------------------------------------------------------------------------------------------
// The local book

/** @param {string | null} text */
function readBook(text) {
  try {
    const v = JSON.parse(text || '[]');
    return Array.isArray(v) ? v.filter((r) => r && typeof r.unit === 'string' && typeof r.phone === 'string').map((r) => ({ unit: r.unit, phone: r.phone, note: String(r.note || '') })) : [];
  } catch {
    return [];
  }
}

/**
 * The local 值班通讯录: a table of its rows (edit, delete), a form to add or change one, CSV import and
 * export. Kept in the browser's storage; another tab's change shows at once.
 * @param {HTMLElement} box the section (#local-book)
 * @param {{get(k: string): string | null, set(k: string, v: string): string, watch(k: string, fn: (v: string | null) => void): void}} store
 * @param {() => void} onChange called after the book changed (the page redraws who to call)
 * @param {(name: string, text: string, type: string) => void} download
 */
export function setupBook(box, store, onChange, download) {
  book = readBook(store.get(KEY));
  version++;
  let editing = -1;
  const list = el('tbody');
  const msg = el('p', { class: 'book-msg', attrs: { role: 'status', 'aria-live': 'polite' } });
  const input = (/** @type {string} */ id, /** @type {string} */ label, /** @type {string} */ ph) => {
    const i = /** @type {HTMLInputElement} */ (el('input', { id, attrs: { type: 'text', autocomplete: 'off', placeholder: ph } }));
    return { i, wrap: el('label', { class: 'book-field' }, el('span', { text: label }), i) };
  };
  const unit = input('book-unit', '单位', '如：市应急管理局值班室');
  const phone = input('book-phone', '电话', '写全区号，如：0356-2027255');
  const note = input('book-note', '备注', '如：24小时值班');
  const save = /** @type {HTMLButtonElement} */ (el('button', { id: 'book-save', text: '添加', attrs: { type: 'submit' } }));
  const cancel = el('button', { id: 'book-cancel', text: '取消修改', attrs: { type: 'button', hidden: true } });
  const form = el('form', { class: 'book-form', attrs: { novalidate: true } }, unit.wrap, phone.wrap, note.wrap, save, cancel);
  const file = /** @type {HTMLInputElement} */ (el('input', { id: 'book-import', attrs: { type: 'file', accept: '.csv,text/csv', hidden: true, tabindex: '-1', 'aria-label': '选择要导入的通讯录CSV文件' } }));
  const importBtn = el('button', { id: 'book-import-btn', text: '导入CSV', attrs: { type: 'button' } });
  const exportBtn = el('button', { id: 'book-export', text: '导出CSV', attrs: { type: 'button' } });
  const table = el('table', { class: 'contacts local-contacts' }, el('thead', {}, el('tr', {}, ...['单位', '电话', '备注', ''].map((t) => el('th', { text: t })))), list);
  box.append(
    el('p', { class: 'hint', text: '本县（区）现行的值班电话，只保存在本浏览器里。报告时限和结论要点中，与预案通讯录同名的单位优先显示这里的号码。号码按输入拨打，不补区号。' }),
    table,
    form,
    el('div', { class: 'book-actions' }, importBtn, exportBtn, file, el('span', { class: 'hint', text: 'CSV三列：单位,电话,备注（UTF-8）' })),
    msg,
  );

  const say = (/** @type {string} */ text, bad = false) => {
    msg.textContent = text;
    msg.classList.toggle('field-error', bad);
  };
  const changed = () => {
    version++;
    draw();
    onChange();
  };
  /** Writes the book; false (said on screen) when the browser did not keep it. */
  const write = () => {
    const failed = store.set(KEY, JSON.stringify(book));
    if (failed) say(failed === 'full' ? '注意：浏览器存储空间已满，通讯录的修改没有保存。请先“导出CSV”。' : '注意：本浏览器无法保存通讯录（存储不可用），刷新页面会丢失。请先“导出CSV”。', true);
    return !failed;
  };
  const fill = (/** @type {ContactRow | null} */ r) => {
    unit.i.value = r ? r.unit : '';
    phone.i.value = r ? r.phone : '';
    note.i.value = r ? r.note || '' : '';
    save.textContent = r ? '保存修改' : '添加';
    cancel.hidden = !r;
  };
  function draw() {
    list.replaceChildren();
    if (!book.length) list.append(el('tr', { class: 'empty' }, el('td', { text: '（尚无本地号码）', attrs: { colspan: '4' } })));
    book.forEach((r, i) => {
      const edit = el('button', { class: 'book-edit', text: '修改', attrs: { type: 'button', 'aria-label': `修改：${r.unit}` } });
      const del = el('button', { class: 'book-delete danger', text: '删除', attrs: { type: 'button', 'aria-label': `删除：${r.unit}` } });
      edit.addEventListener('click', () => {
        editing = i;
        fill(r);
        unit.i.focus();
      });
      del.addEventListener('click', () => {
        if (!window.confirm(`确定从本地通讯录删除“${r.unit}”吗？`)) return;
        book.splice(i, 1);
        if (editing === i) fill(null);
        editing = -1;
        write();
        say(`已删除：${r.unit}`);
        changed();
      });
      list.append(el('tr', { class: 'book-row' }, el('td', { class: 'book-unit', text: r.unit }), el('td', {}, dialEl(r.phone, '')), el('td', { text: r.note || '' }), el('td', {}, edit, ' ', del)));
    });
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = { unit: unit.i.value.trim(), phone: phone.i.value.trim(), note: note.i.value.trim() };
    const problem = rowProblem(r);
    if (problem) return say(`没有保存：${problem}`, true);
    if (editing >= 0) book[editing] = r;
    else book.push(r);
    say(editing >= 0 ? `已修改：${r.unit}` : `已添加：${r.unit}`);
    editing = -1;
    fill(null);
    write();
    changed();
  });
  cancel.addEventListener('click', () => {
    editing = -1;
    fill(null);
    say('');
  });
  importBtn.addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const f = file.files && file.files[0];
    file.value = '';
    if (!f) return;
    const { rows, errors } = parseCsv(await f.text());
    if (errors.length) return say(`没有导入“${f.name}”：${errors.join('；')}`, true);
    if (book.length && !window.confirm(`导入“${f.name}”的${rows.length}行将替换现有的${book.length}行本地号码，确定吗？`)) return;
    book = rows;
    editing = -1;
    fill(null);
    if (write()) say(`已从“${f.name}”导入${rows.length}行`);
    changed();
  });
  exportBtn.addEventListener('click', () => download('值班通讯录.csv', toCsv(book), 'text/csv;charset=utf-8'));
  store.watch(KEY, (v) => {
    book = readBook(v);
    editing = -1;
    fill(null);
    changed();
  });
  draw();
}
