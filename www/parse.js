// @ts-check
// Pure reading of what the officer typed: numbers with full-width digits, thousands separators and
// Chinese units ("1.2亿" → 12000 万元), lists pasted into a forecast, and the whole form's raw values
// into the facts the engine takes. Anything not understood is an error quoting what was typed; nothing
// is dropped silently. No DOM.

import { fmtNum, unitOf } from './format.js';

/** @typedef {{id: string, type: string, label?: string, unit?: string, item?: string, max_items?: number, options?: {value: string, label: string}[]}} Fact */
/** @typedef {{value: number | null, understood?: string} | {error: string}} Amount */

/** Full-width digits, signs and separators as their ASCII forms (what a Chinese IME types). @param {string} s */
export function halfWidth(s) {
  return s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

// Unit words accepted after a number, and the factor to the fact's own unit.
const MONEY = /** @type {Record<string, number>} */ ({ '': 1, 万: 1, 万元: 1, 元: 1e-4, 千元: 1e-1, 十万: 10, 十万元: 10, 百万: 100, 百万元: 100, 千万: 1000, 千万元: 1000, 亿: 1e4, 亿元: 1e4 });
const COUNT = /** @type {Record<string, number>} */ ({ '': 1, 人: 1, 名: 1, 个: 1, 例: 1, 户: 1, 万: 1e4, 万人: 1e4 });

const NUMBER = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)\s*(.*)$/;

/**
 * One typed amount → its value in the fact's unit, with what the page understood when it was not
 * a plain number, or an error naming the field and quoting the text.
 * @param {string} raw @param {Fact} f @returns {Amount}
 */
export function parseAmount(raw, f) {
  const label = f.label || f.id;
  const s = halfWidth(String(raw)).trim().replace(/−/g, '-');
  if (s === '') return { value: null };
  const unit = unitOf(f);
  const what = f.type === 'count' ? '人数' : '数字';
  const refuse = (why) => ({ error: `“${label}”填写的“${raw}”${why}` });
  let t = s;
  if (t.includes(',')) {
    // Thousands separators only where they group digits in threes ("1,013万"); anything else is a list.
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?(\D.*)?$/.test(t)) return refuse(`看起来是多个数值，此处只能填一个${what}`);
    t = t.replace(/,/g, '');
  }
  const m = NUMBER.exec(t);
  if (!m) return refuse(`无法识别为${what}，请填写阿拉伯数字${f.type === 'money' ? '（可带单位，如 1.2亿、300元）' : '（如 3）'}`);
  const word = m[3].trim();
  const table = f.type === 'money' ? MONEY : f.type === 'count' ? COUNT : { '': 1, [unit]: 1 };
  if (!Object.prototype.hasOwnProperty.call(table, word)) return refuse(`的单位“${word}”无法识别，${unit ? `请按${unit}填写` : '请只填写数字'}`);
  const n = Number(`${m[1]}${m[2]}`);
  if (!Number.isFinite(n)) return refuse(`无法识别为${what}`);
  // Scaled in decimal steps so that 1.2亿 is exactly 12000, not 12000.000000000002.
  const value = Math.round(n * table[word] * 1e6) / 1e6;
  const plain = `${m[1] === '-' ? '-' : ''}${m[2]}`;
  if (String(raw).trim() === plain && word === '') return { value };
  const typed = f.type === 'money' && word && !word.endsWith('元') ? `${plain}${word}元` : `${plain}${word}`;
  const understood = word ? `按 ${fmtNum(value)} ${unit}(${typed})计` : `按 ${fmtNum(value)} ${unit}计`;
  return { value, understood };
}

/** The items of a pasted list ("180, 230, 260", one per line, 、 or ；). @param {string} raw */
export function splitList(raw) {
  return halfWidth(String(raw)).split(/[\s,、;；]+/).filter(Boolean);
}

/** Whether a text typed into one day's box is a list of several values. @param {string} raw */
export const isList = (raw) => splitList(raw).length > 1 || /[,、;；\n]/.test(halfWidth(String(raw)).trim());

/**
 * A series fact's day texts → the numbers sent (trailing blank days dropped), or an error.
 * @param {string[]} days @param {Fact} f @returns {{value: number[] | null} | {error: string}}
 */
export function parseSeries(days, f) {
  const label = f.label || f.id;
  const item = f.item || '项';
  let last = days.length;
  while (last > 0 && days[last - 1].trim() === '') last -= 1;
  if (last === 0) return { value: null };
  const nums = [];
  for (let i = 0; i < last; i += 1) {
    if (days[i].trim() === '') return { error: `“${label}”第${i + 1}${item}未填写（后面还有数值）` };
    const a = parseAmount(days[i], { ...f, type: 'number', label: `${label}”第${i + 1}${item}“` });
    if ('error' in a) return { error: a.error.replace(/“”/g, '') };
    nums.push(/** @type {number} */ (a.value));
  }
  return { value: nums };
}

/** A series value as kept in the record: the day texts joined by commas ("180,210,,250"). @param {string | undefined} v */
export const seriesDays = (v) => (typeof v === 'string' && v !== '' ? v.split(',') : []);

/**
 * The raw values of a form (strings by fact id, as typed) → the facts the engine takes, the errors
 * found here (fact id → message) and what was understood from non-plain numbers (fact id → text).
 * `bad` names fields whose box itself reports an unreadable value (an incomplete date).
 * @param {Record<string, string>} values @param {Fact[]} facts @param {Set<string>} [bad]
 */
export function readFacts(values, facts, bad = new Set()) {
  /** @type {Record<string, unknown>} */
  const out = {};
  /** @type {Record<string, string>} */
  const errors = {};
  /** @type {Record<string, string>} */
  const understood = {};
  for (const f of facts) {
    const raw = values[f.id];
    const label = f.label || f.id;
    if (f.type === 'datetime' && bad.has(f.id)) {
      errors[f.id] = `“${label}”不是完整的日期时间`;
      continue;
    }
    if (raw == null) continue;
    if (f.type === 'yesno') {
      if (raw === 'yes' || raw === 'no') out[f.id] = raw === 'yes';
      else errors[f.id] = `“${label}”的值“${raw}”不是“是”或“否”`;
    } else if (f.type === 'choice') {
      if ((f.options || []).some((o) => o.value === raw)) out[f.id] = raw;
      else errors[f.id] = `“${label}”的值“${raw}”不是可选项之一`;
    } else if (f.type === 'count' || f.type === 'money' || f.type === 'number') {
      const a = parseAmount(raw, f);
      if ('error' in a) errors[f.id] = a.error;
      else if (a.value != null) {
        out[f.id] = a.value;
        if (a.understood) understood[f.id] = a.understood;
      }
    } else if (f.type === 'series') {
      const s = parseSeries(seriesDays(raw), f);
      if ('error' in s) errors[f.id] = s.error;
      else if (s.value) out[f.id] = s.value;
    } else if (f.type === 'datetime') {
      if (raw === '') continue;
      if (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(raw)) out[f.id] = raw.slice(0, 16);
      else errors[f.id] = `“${label}”的值“${raw}”不是完整的日期时间`;
    } else if (raw !== '') out[f.id] = raw;
  }
  return { facts: out, errors, understood };
}
