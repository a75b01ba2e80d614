// @ts-check
// The plan workbench's «添加字段» and «删除字段»: the outline names, per table, the keys the plan model
// accepts there and the table lacks (`addable`, from src/edit/keys.rs) and the optional keys it has
// (`removable`). A key is added with the value typed beside it, read as the key's type; the checker
// then says whether the addition fits (a count fact with `max`, a `line_end` before `line` …).

import { el } from './dom.js';

/** A band's bounds have their own 添加/去掉 buttons. */
const BOUND_KEYS = new Set(['min', 'min_inclusive', 'max', 'max_inclusive']);

/**
 * A typed value from the text given for a new key of this type. {value} or {error} (Chinese).
 * @param {string} type @param {string} raw
 */
export function readNew(type, raw) {
  const t = raw.trim();
  if (type === 'integer' || type === 'float') {
    if (t === '' || !Number.isFinite(Number(t))) return { error: '请填写数字' };
    if (type === 'integer' && !Number.isInteger(Number(t))) return { error: '请填写整数' };
    return { value: Number(t) };
  }
  if (type === 'boolean') {
    if (/^(是|true|含本数)$/.test(t)) return { value: true };
    if (/^(否|false|不含本数)$/.test(t)) return { value: false };
    return { error: '请填写“是”或“否”' };
  }
  if (type === 'array') {
    const parts = t.split(/[,，\n]+/).map((s) => s.trim()).filter(Boolean);
    if (!parts.length) return { error: '请至少填写一项（以逗号分隔）' };
    return { value: parts.every((p) => Number.isFinite(Number(p))) ? parts.map(Number) : parts };
  }
  return { value: raw };
}

/** What to type for a key of this type. @param {string} type */
const HINTS = { integer: '整数', float: '数字', boolean: '是 / 否', array: '以逗号分隔', string: '文字' };

/**
 * The «添加字段» / «删除字段» controls of one table, or null when it has neither.
 * @param {any} t a table of the outline @param {(edits: any[], redraw?: boolean) => void} onEdit
 * @param {(input: HTMLElement, text: string) => void} showError @param {(key: string[]) => string} keyName
 */
export function keyControls(t, onEdit, showError, keyName) {
  const band = /\.bands\[\d+\]$/.test(t.name);
  /** @type {{key: string[], type: string}[]} */
  const adds = (t.addable || []).filter((/** @type {any} */ a) => !(band && BOUND_KEYS.has(a.key.join('.'))));
  /** @type {string[][]} */
  const removes = (t.removable || []).filter((/** @type {string[]} */ k) => !(band && BOUND_KEYS.has(k.join('.'))));
  if (!adds.length && !removes.length) return null;
  const box = el('div', { class: 'ed-keys' });
  const base = `ed-k-${t.path.join('-') || 'root'}`;
  if (adds.length) {
    const pick = /** @type {HTMLSelectElement} */ (el('select', { id: `${base}-add` }, ...adds.map((a, i) => el('option', { attrs: { value: String(i) }, text: keyName(a.key) }))));
    const value = /** @type {HTMLInputElement} */ (el('input', { id: `${base}-val`, attrs: { type: 'text' } }));
    const hint = () => value.setAttribute('placeholder', HINTS[/** @type {keyof HINTS} */ (adds[Number(pick.value)].type)] || '');
    hint();
    pick.addEventListener('change', hint);
    const go = el('button', { class: 'ed-key-add', text: '添加字段', attrs: { type: 'button' } });
    go.dataset.path = JSON.stringify([...t.path, '#添加字段']);
    go.addEventListener('click', () => {
      const a = adds[Number(pick.value)];
      const r = readNew(a.type, value.value);
      if ('error' in r) {
        showError(value, r.error);
        return;
      }
      showError(value, '');
      onEdit([{ op: 'set', path: [...t.path, ...a.key], value: r.value }], true);
    });
    box.append(
      el('div', { class: 'ed-field' }, el('label', { attrs: { for: pick.id }, text: '可添加的字段' }), pick),
      el('div', { class: 'ed-field' }, el('label', { attrs: { for: value.id }, text: '新字段的值' }), value, el('span', { class: 'ed-field-error', id: `${value.id}-err`, attrs: { hidden: true } })),
      go,
    );
  }
  if (removes.length) {
    const pick = /** @type {HTMLSelectElement} */ (el('select', { id: `${base}-rm` }, ...removes.map((k, i) => el('option', { attrs: { value: String(i) }, text: keyName(k) }))));
    const go = el('button', { class: 'ed-key-remove', text: '删除字段', attrs: { type: 'button' } });
    go.dataset.path = JSON.stringify([...t.path, '#删除字段']);
    go.addEventListener('click', () => onEdit([{ op: 'remove', path: [...t.path, ...removes[Number(pick.value)]] }], true));
    box.append(el('div', { class: 'ed-field' }, el('label', { attrs: { for: pick.id }, text: '可删除的选填字段' }), pick), go);
  }
  return box;
}
