// @ts-check
// Pure formatting shared by the page, the incident record and <yingji-panel>: numbers, citations,
// durations and China-time clocks (UTC+8, no DST). No DOM, no clock: `now` is passed in.

export const isNum = (/** @type {unknown} */ x) => typeof x === 'number' && Number.isFinite(x);
export const p2 = (/** @type {number} */ n) => String(n).padStart(2, '0');

/** Default unit of a fact type when the plan names none. */
export const TYPE_UNIT = /** @type {Record<string, string>} */ ({ count: '人', money: '万元' });

/** A fact's unit as shown beside its box. @param {{type: string, unit?: string}} f */
export const unitOf = (f) => f.unit || TYPE_UNIT[f.type] || '';

/** A number without ever printing NaN/Infinity; at most four decimals. @param {unknown} x */
export function fmtNum(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10000) / 10000);
}

/**
 * "第1.5条 · 原文第1174–1176行 · 第12字起".
 * @param {any} c
 */
export function citeText(c) {
  if (!c || typeof c !== 'object') return '';
  const parts = [];
  const clause = c.clause == null ? '' : String(c.clause).trim();
  // "1.5" → 第1.5条, "1.5(3)" → 第1.5(3)条; anything not starting with a digit ("附录8.3") as is.
  if (clause) parts.push(/^[0-9０-９]/.test(clause) ? `第${clause}条` : clause);
  if (isNum(c.line)) {
    parts.push(isNum(c.line_end) && c.line_end !== c.line ? `原文第${c.line}–${c.line_end}行` : `原文第${c.line}行`);
  }
  if (Array.isArray(c.chars) && isNum(c.chars[0])) parts.push(`第${c.chars[0] + 1}字起`);
  return parts.join(' · ');
}

/** "1天2小时", "3小时5分钟", "7分钟" (sign dropped). @param {unknown} m minutes */
export function fmtMinutes(m) {
  if (typeof m !== 'number' || !Number.isFinite(m)) return '';
  const a = Math.abs(Math.trunc(m));
  const d = Math.floor(a / 1440);
  const h = Math.floor((a % 1440) / 60);
  if (d) return `${d}天${h}小时`;
  if (h) return `${h}小时${a % 60}分钟`;
  return `${a % 60}分钟`;
}

/** "01:02:03" or "2天 01:02:03" (sign dropped). @param {number} ms */
export function hms(ms) {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const core = `${p2(Math.floor((s % 86400) / 3600))}:${p2(Math.floor((s % 3600) / 60))}:${p2(s % 60)}`;
  return d ? `${d}天 ${core}` : core;
}

/**
 * China-time parts of an instant (ISO text or epoch ms), or null.
 * @param {string | number} t
 */
export function china(t) {
  const ms = typeof t === 'number' ? t : Date.parse(t);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + 8 * 3600_000);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

/** The `YYYY-MM-DDTHH:MM` a datetime-local box takes, in China time. @param {number} nowMs */
export function chinaLocal(nowMs) {
  const c = /** @type {NonNullable<ReturnType<typeof china>>} */ (china(nowMs));
  return `${c.y}-${p2(c.mo)}-${p2(c.d)}T${p2(c.h)}:${p2(c.mi)}`;
}

/**
 * A clock time as a duty officer reads it: "14:32" today, "9月7日 12:10" another day of this year,
 * "2025年9月7日 12:10" another year — a date is never shown without the year it is in doubt about.
 * @param {string} iso @param {number} nowMs @param {{seconds?: boolean}} [opts]
 */
export function clockText(iso, nowMs, { seconds = false } = {}) {
  const c = china(iso);
  if (!c) return '';
  const today = china(nowMs);
  const hm = `${p2(c.h)}:${p2(c.mi)}${seconds ? `:${p2(c.s)}` : ''}`;
  if (today && today.y === c.y && today.mo === c.mo && today.d === c.d) return hm;
  return today && today.y === c.y ? `${c.mo}月${c.d}日 ${hm}` : `${c.y}年${c.mo}月${c.d}日 ${hm}`;
}

/**
 * The engine's clock text of a due time ("14:00", "9月7日 12:10", "12月8日 24:00" for the end of a day,
 * as the plan says it) with the year put in front when the time is not in this year.
 * @param {string} display @param {string} dueIso @param {number} nowMs
 */
export function withYear(display, dueIso, nowMs) {
  // One minute back: "24:00" of 31 December is an instant in the next year.
  const c = china(Date.parse(dueIso) - 60_000);
  const today = china(nowMs);
  if (!c || !today || c.y === today.y || !display || display.includes('年')) return display;
  return /^\d\d:\d\d$/.test(display) ? `${c.y}年${c.mo}月${c.d}日 ${display}` : `${c.y}年${display}`;
}

/** "2026年12月7日 08:05". @param {string} iso */
export function fullTime(iso) {
  const c = china(iso);
  return c ? `${c.y}年${c.mo}月${c.d}日 ${p2(c.h)}:${p2(c.mi)}` : '';
}

/**
 * A fact's typed value as the log and the report write it.
 * @param {{type: string, unit?: string, options?: {value: string, label: string}[]}} f @param {string | undefined | null} raw
 */
export function factText(f, raw) {
  if (raw == null || raw === '') return '未填';
  if (f.type === 'yesno') return raw === 'yes' ? '是' : '否';
  if (f.type === 'choice') return ((f.options || []).find((o) => o.value === raw) || { label: raw }).label;
  if (f.type === 'datetime') return raw.replace('T', ' ');
  const unit = unitOf(f);
  // A typed amount that carries its own unit ("1.2亿", "300元") is written as typed.
  return /[\u4e00-\u9fff]$/.test(raw) ? raw : `${raw}${f.type === 'series' ? '' : unit}`;
}

// CJK characters, Roman numerals (Ⅰ级) and CJK/full-width punctuation: the OCR of the seed texts put spaces between them.
const CJK = '\\u2160-\\u217f\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const OCR_SPACE = new RegExp(`([${CJK}])[ \\t\\u00a0\\u3000]+(?=[${CJK}])`, 'g');

/**
 * A quote as shown: spaces the OCR left between two Chinese characters ("重污染天 气") removed. The
 * stored quote stays as printed (the quote check compares it with the source); only the display
 * changes. Spaces beside Latin letters or digits ("AQI 200", "5 人") are kept.
 * @param {string} quote
 */
export function readableQuote(quote) {
  return String(quote).replace(OCR_SPACE, '$1');
}
