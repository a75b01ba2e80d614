// @ts-check
// The plan workbench's forms, drawn from the outline of the plan's TOML text (src/edit: every table
// with its key path and fields): a fieldset per table, grouped in the plan's parts, an input per
// value by its type, and the known keys with proper controls (含/不含 for a bound's inclusivity, the
// plan's grades for `grade`, numbers as numbers). A value is committed on `change` (leaving the field
// or Enter), as one edit `{op: 'set', path, value}`; the forms are redrawn only when the structure
// changes (an entry added or removed), so typing never loses its place.

import { el } from './dom.js';
import { keyControls } from './editor-keys.js';

/** The plan's parts, by the first key of a table's path; the rest go under 说明. @type {[string, string[]][]} */
export const SECTIONS = [
  ['基本信息', ['', 'plan', 'bounds_clause', 'scope', 'exclusions', 'applicability', 'finder']],
  ['事实与问题', ['facts']],
  ['分级标准', ['grades', 'grading']],
  ['响应级别与条件', ['response', 'warning', 'hazards', 'activation']],
  ['报告时限', ['reporting']],
  ['工作组与任务', ['organisation', 'measures', 'termination', 'recovery', 'checks']],
  ['通讯录', ['contacts']],
  ['说明', ['notes']],
];

/** @param {any[]} path */
export function sectionOf(path) {
  const top = path.length ? String(path[0]) : '';
  const s = SECTIONS.find(([, keys]) => keys.includes(top));
  return s ? s[0] : '说明';
}

const KEY_NAMES = {
  id: '编号', title: '标题', city: '城市', doc_number: '文号', date: '印发日期', issuer: '印发机关', source: '原文文件',
  lines: '原文行范围', format: '格式版本', label: '名称', help: '说明', type: '类型', unit: '单位', grade: '等级',
  min: '下限', min_inclusive: '下限是否含本数', max: '上限', max_inclusive: '上限是否含本数', text: '文字', quote: '引文',
  'cite.clause': '条款', 'cite.line': '原文行号', 'cite.line_end': '原文止行', 'cite.chars': '字符范围', phone: '电话',
  name: '名称', rank: '级别次序', review: '待确认标记', facts: '合计的事实', judgement: '需人工判断', options: '选项',
  keywords: '关键词', proposes: '提出', starts: '启动', commands: '指挥', level: '响应级别', kind: '类别',
  within_minutes: '时限(分钟)', by_clock: '钟点', within_days: '时限(日)', within_working_days: '时限(工作日)',
  from: '报告单位', to: '报告对象', anchor: '起算时间', line: '原文行号', combine: '合并方式',
};

/** The Chinese name of a field, with its key. @param {string[]} key */
export function keyName(key) {
  const k = key.join('.');
  const zh = KEY_NAMES[k] || KEY_NAMES[key[key.length - 1]];
  return zh ? `${zh}（${k}）` : k;
}

/** A short title for a table: its name plus the first of id / name / title / label / unit. @param {any} t */
export function tableTitle(t) {
  const pick = ['label', 'title', 'name', 'unit', 'grade', 'text'].map((k) => t.fields.find((/** @type {any} */ f) => f.key.length === 1 && f.key[0] === k)).find((f) => f && typeof f.value === 'string');
  const name = t.name || '(文件开头)';
  return pick ? `${name} · ${String(pick.value).slice(0, 30)}` : name;
}

/** A field's control value as text. @param {any} f */
function shown(f) {
  if (f.type === 'array') {
    const v = Array.isArray(f.value) ? f.value : [];
    if (v.every((x) => typeof x === 'string')) return v.join('\n');
    if (v.every((x) => typeof x === 'number')) return v.join(', ');
    return JSON.stringify(v);
  }
  return f.value == null ? '' : String(f.value);
}

/**
 * Reads a control's text back as the field's type. Returns {value} or {error} (Chinese).
 * @param {any} f @param {string} raw
 */
export function readBack(f, raw) {
  if (f.type === 'integer' || f.type === 'float') {
    const t = raw.trim();
    if (t === '' || !Number.isFinite(Number(t))) return { error: '请填写数字' };
    const n = Number(t);
    if (f.type === 'integer' && !Number.isInteger(n) && !/^(min|max)$/.test(f.key[f.key.length - 1])) return { error: '请填写整数' };
    return { value: n };
  }
  if (f.type === 'boolean') return { value: raw === 'true' };
  if (f.type === 'array') {
    const v = Array.isArray(f.value) ? f.value : [];
    if (v.every((x) => typeof x === 'string') && !raw.trim().startsWith('[')) return { value: raw.split('\n').map((s) => s.trim()).filter(Boolean) };
    if (v.length && v.every((x) => typeof x === 'number') && !raw.trim().startsWith('[')) {
      const parts = raw.split(/[,，\s]+/).filter(Boolean).map(Number);
      return parts.every(Number.isFinite) ? { value: parts } : { error: '请填写以逗号分隔的数字' };
    }
    try {
      const parsed = JSON.parse(raw);
      return Array.isArray(parsed) ? { value: parsed } : { error: '请填写 JSON 数组（[…]）' };
    } catch {
      return { error: '无法识别：请填写 JSON 数组（[…]）' };
    }
  }
  return { value: raw };
}

let uid = 0;

/**
 * One field's label and control.
 * @param {any} t @param {any} f @param {{grades: string[], onEdit: (edits: any[]) => void}} opts
 */
function fieldRow(t, f, opts) {
  const id = `ed-f${++uid}`;
  const last = f.key[f.key.length - 1];
  const path = [...t.path, ...f.key];
  /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */
  let input;
  if (f.type === 'boolean') {
    const [yes, no] = /_inclusive$/.test(last) ? ['含本数', '不含本数'] : ['是', '否'];
    input = /** @type {HTMLSelectElement} */ (el('select', { id }, el('option', { attrs: { value: 'true' }, text: yes }), el('option', { attrs: { value: 'false' }, text: no })));
    input.value = String(f.value === true);
  } else if (last === 'grade' && f.type === 'string' && opts.grades.length) {
    const names = opts.grades.includes(f.value) ? opts.grades : [...opts.grades, String(f.value)];
    input = /** @type {HTMLSelectElement} */ (el('select', { id }, ...names.map((g) => el('option', { attrs: { value: g }, text: g }))));
    input.value = String(f.value);
  } else if (f.type === 'integer' || f.type === 'float') {
    input = /** @type {HTMLInputElement} */ (el('input', { id, attrs: { type: 'number', step: 'any', inputmode: 'decimal' } }));
    input.value = shown(f);
  } else if (f.type === 'array' || (f.type === 'string' && String(f.value).length > 40)) {
    input = /** @type {HTMLTextAreaElement} */ (el('textarea', { id, attrs: { rows: Math.min(6, Math.max(2, Math.ceil(shown(f).length / 60))) } }));
    input.value = shown(f);
  } else {
    input = /** @type {HTMLInputElement} */ (el('input', { id, attrs: { type: 'text' } }));
    input.value = shown(f);
  }
  input.dataset.path = JSON.stringify(path);
  const err = el('span', { class: 'ed-field-error', id: `${id}-err`, attrs: { hidden: true } });
  input.addEventListener('change', () => {
    const r = readBack(f, input.value);
    if ('error' in r) {
      showFieldError(input, r.error);
      return;
    }
    showFieldError(input, '');
    f.value = r.value;
    opts.onEdit([{ op: 'set', path, value: r.value }]);
  });
  const hint = f.type === 'array' && Array.isArray(f.value) && f.value.every((/** @type {any} */ x) => typeof x === 'string') ? '（每行一项）' : '';
  return el('div', { class: 'ed-field', data: { key: f.key.join('.') } }, el('label', { attrs: { for: id }, text: keyName(f.key) + hint }), input, err);
}

/** Shows (or clears) a problem under a control. @param {HTMLElement} input @param {string} text */
export function showFieldError(input, text) {
  const err = /** @type {HTMLElement} */ (input.parentElement?.querySelector('.ed-field-error'));
  if (!err) return;
  err.textContent = text;
  err.hidden = !text;
  if (text) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', err.id);
  } else {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

/** A removed key's row leaves its fieldset; a removed «待确认» takes its mark and 确认 along. @param {HTMLElement} fs @param {string} key */
export function dropRow(fs, key) {
  fs.querySelector(`.ed-field[data-key="${key}"]`)?.remove();
  if (key === 'review') {
    fs.classList.remove('ed-unconfirmed');
    fs.querySelector('.ed-confirm')?.remove();
  }
}

/**
 * Draws the forms. Returns the fieldset of each table by its name (for placing the checker's errors).
 * @param {HTMLElement} box @param {{tables: any[], arrays: any[]}} outline
 * @param {{grades: string[], open: Set<string>, onEdit: (edits: any[], redraw?: boolean) => void, onCite: (t: any) => void, onConfirm: (t: any) => void}} opts
 */
export function drawForm(box, outline, opts) {
  /** @type {Map<string, HTMLElement>} */
  const byName = new Map();
  /** @type {Map<string, HTMLElement>} */
  const sections = new Map();
  for (const [title] of SECTIONS) {
    const det = /** @type {HTMLDetailsElement} */ (el('details', { class: 'ed-section', data: { section: title } }, el('summary', { text: title })));
    det.open = opts.open.has(title);
    det.addEventListener('toggle', () => (det.open ? opts.open.add(title) : opts.open.delete(title)));
    sections.set(title, det);
  }
  const arrayOf = (/** @type {any[]} */ path) => outline.arrays.find((a) => JSON.stringify(a.path) === JSON.stringify(path.slice(0, -1)));
  for (const t of outline.tables) {
    const has = (/** @type {string} */ k) => t.fields.some((/** @type {any} */ f) => f.key.join('.') === k);
    const fs = el('fieldset', { class: 'ed-table', data: { name: t.name } }, el('legend', { text: tableTitle(t) }));
    if (has('review')) fs.classList.add('ed-unconfirmed');
    fs.append(el('p', { class: 'ed-table-errors', attrs: { hidden: true } }));
    for (const f of t.fields) fs.append(fieldRow(t, f, opts));
    const keys = keyControls(t, opts.onEdit, showFieldError, keyName);
    if (keys) fs.append(keys);
    const actions = el('div', { class: 'ed-actions' });
    if (has('quote')) {
      const b = el('button', { class: 'ed-cite', text: '设为依据', attrs: { type: 'button', title: '用原文窗格中选中的文字作为本条的引文和行号' } });
      b.addEventListener('click', () => opts.onCite(t));
      actions.append(b);
    }
    if (has('review')) {
      const b = el('button', { class: 'ed-confirm', text: '确认', attrs: { type: 'button', title: '已核对原文：去掉本条的“待确认”标记' } });
      b.addEventListener('click', () => opts.onConfirm(t));
      actions.append(b);
    }
    // A band's bounds: taken out (value and inclusivity together) or added (0, to be filled in).
    if (/\.bands\[\d+\]$/.test(t.name)) {
      for (const [end, zh] of [['min', '下限'], ['max', '上限']]) {
        const on = has(end);
        const b = el('button', { class: `ed-bound ed-bound-${end}`, text: `${on ? '去掉' : '添加'}${zh}`, attrs: { type: 'button' } });
        const keys = [[...t.path, end], [...t.path, `${end}_inclusive`]];
        b.addEventListener('click', () =>
          opts.onEdit(on ? keys.filter((k) => has(String(k[k.length - 1]))).map((path) => ({ op: 'remove', path })) : [{ op: 'set', path: keys[0], value: 0 }, { op: 'set', path: keys[1], value: end === 'min' }], true),
        );
        actions.append(b);
      }
    }
    if (typeof t.path[t.path.length - 1] === 'number' && arrayOf(t.path)) {
      const b = el('button', { class: 'ed-remove', text: '删除此条', attrs: { type: 'button' } });
      b.addEventListener('click', () => opts.onEdit([{ op: 'remove', path: t.path }]));
      actions.append(b);
    }
    if (actions.childNodes.length) fs.append(actions);
    byName.set(t.name, fs);
    /** @type {HTMLElement} */ (sections.get(sectionOf(t.path))).append(fs);
  }
  // 添加一条: a copy of the array's last entry's own values (its nested lists are not copied).
  for (const a of outline.arrays) {
    const last = [...outline.tables].reverse().find((t) => JSON.stringify(t.path.slice(0, -1)) === JSON.stringify(a.path));
    const b = el('button', { class: 'ed-add', text: `添加一条（${a.name}，现有${a.len}条）`, attrs: { type: 'button' } });
    b.addEventListener('click', () => {
      // [[key, value], …] in the entry's own order; a dotted key (cite.line) rebuilds its inline table.
      /** @type {[string, any][]} */
      const value = [];
      for (const f of last ? last.fields : []) {
        let pair = value.find(([k]) => k === f.key[0]);
        if (!pair) value.push((pair = [f.key[0], f.key.length > 1 ? {} : f.value]));
        if (f.key.length > 1) {
          let node = pair[1];
          f.key.slice(1, -1).forEach((/** @type {string} */ k) => (node = node[k] = node[k] || {}));
          node[f.key[f.key.length - 1]] = f.value;
        }
      }
      opts.onEdit([{ op: 'add', path: a.path, value }]);
    });
    const host = (last && byName.get(last.name)) || sections.get(sectionOf(a.path));
    if (last && host) host.after(b);
    else host?.append(b);
  }
  box.replaceChildren(...sections.values());
  return byName;
}

/**
 * The checker's key path (`grading.axes[0](deaths).bands[2].max`) split into the table it is in
 * (the longest table name that starts it) and the rest (a field key, or ''). A pair of bands
 * (`….bands[2]/bands[1]`, an overlap) is placed at the first.
 * @param {string} path @param {Iterable<string>} names
 */
export function placeOf(path, names) {
  let best = '';
  for (const n of names) {
    if (n.length <= best.length) continue;
    if (path === n || path.startsWith(`${n}.`) || path.startsWith(`${n}[`) || path.startsWith(`${n}/`)) best = n;
  }
  const rest = best === '' ? path : path.slice(best.length).replace(/^[./]/, '');
  return { table: best, rest };
}
