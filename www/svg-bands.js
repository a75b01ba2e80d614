// @ts-check
// One band bar per numeric criterion in the 依据 panel: the plan's bands side by side from the lowest
// to the highest grade, each bound drawn closed (●, the number itself belongs to the band) or open
// (○, it does not), and a marker where the entered value sits.
//
// The schema gives each band's bounds as the plan file states them (`min`/`max`, each with its
// inclusivity); no bound is read back from the band's words. A bar is drawn only when every band has
// its bounds and the band the marker falls in is the one the engine reached: the picture never
// disagrees with the result. Pure parts: bandRange, bandLayout (tests/js/svg.test.mjs).

import { fmtNum } from './format.js';
import { gradeClass } from './render-banner.js';
import { picture, svg } from './svg.js';

/**
 * The bounds of a band as the schema gives them (the plan file's `min`/`max` with their inclusivity),
 * or null when the band has none (a judgement flag) or a bound comes without its inclusivity.
 * @param {{min?: number | null, min_inclusive?: boolean | null, max?: number | null, max_inclusive?: boolean | null}} b
 * @returns {{min: number | null, minIn: boolean, max: number | null, maxIn: boolean} | null}
 */
export function bandRange(b) {
  const min = typeof b.min === 'number' ? b.min : null;
  const max = typeof b.max === 'number' ? b.max : null;
  if (min == null && max == null) return null;
  if ((min != null && typeof b.min_inclusive !== 'boolean') || (max != null && typeof b.max_inclusive !== 'boolean')) return null;
  return { min, minIn: min != null && !!b.min_inclusive, max, maxIn: max != null && !!b.max_inclusive };
}

/** Whether v lies in the range. @param {NonNullable<ReturnType<typeof bandRange>>} r @param {number} v */
export function inRange(r, v) {
  const above = r.min == null || (r.minIn ? v >= r.min : v > r.min);
  const below = r.max == null || (r.maxIn ? v <= r.max : v < r.max);
  return above && below;
}

/**
 * The bar: segments of equal width from the lowest band to the highest (a value is read against
 * its band, not against a linear axis that would squeeze 3 and 10 next to 100), a leading segment
 * for "below every band" when the lowest band has a lower bound, and the marker's x for `value`.
 * Returns null when a band does not read.
 * @param {{grade: string | null, grade_rank: number | null, text: string, min?: number | null, min_inclusive?: boolean | null, max?: number | null, max_inclusive?: boolean | null}[]} bands highest grade first, as the schema lists them
 * @param {number | null} value @param {number} width @param {number} [x0]
 */
export function bandLayout(bands, value, width, x0 = 0) {
  const ranges = bands.map((b) => ({ b, r: bandRange(b) }));
  if (!ranges.length || ranges.some((x) => !x.r)) return null;
  const segs = /** @type {{b: any, r: NonNullable<ReturnType<typeof bandRange>>}[]} */ (ranges).sort((p, q) => (p.r.min ?? -Infinity) - (q.r.min ?? -Infinity));
  const first = segs[0].r;
  /** @type {{grade: string | null, grade_rank: number | null, text: string, r: NonNullable<ReturnType<typeof bandRange>>, below?: boolean}[]} */
  const all = segs.map((s) => ({ grade: s.b.grade, grade_rank: s.b.grade_rank, text: s.b.text, r: s.r }));
  // Below the lowest band: values under its lower bound (0 itself when that bound is open: 为0时不计).
  if (first.min != null && (first.min > 0 || !first.minIn)) all.unshift({ grade: null, grade_rank: null, text: '未达到', r: { min: 0, minIn: true, max: first.min, maxIn: !first.minIn }, below: true });
  const w = width / all.length;
  const out = all.map((s, i) => ({ ...s, x: x0 + i * w, w }));
  let markerX = null;
  let at = -1;
  if (value != null && Number.isFinite(value)) {
    at = out.findIndex((s) => inRange(s.r, value));
    if (at >= 0) {
      const s = out[at];
      const lo = s.r.min ?? 0;
      // The open-ended top band: a value twice its bound sits at the far end.
      const hi = s.r.max ?? Math.max(lo * 2, lo + 1);
      const t = Math.min(1, Math.max(0, (value - lo) / (hi - lo || 1)));
      markerX = s.x + 4 + t * (s.w - 8);
    }
  }
  return { segs: out, markerX, at };
}

const BAR_W = 560;
const X0 = 10;

/**
 * The band bar of one criterion, or null when its bands do not read or do not agree with the engine.
 * @param {any} def the schema's criterion (`bands`) @param {any} c the result's criterion (`value`, `grade`)
 */
export function bandBar(def, c) {
  if (!def || def.kind !== 'axis' || !Array.isArray(def.bands)) return null;
  const value = typeof c.value === 'number' ? c.value : null;
  const L = bandLayout(def.bands, value, BAR_W, X0);
  if (!L) return null;
  // The picture must say what the engine said: the marker's band is the band reached.
  if (value != null && (L.at < 0 || (L.segs[L.at].grade || null) !== (c.grade || null))) return null;
  const unit = def.unit || c.unit || '';
  const where = value == null ? '未填写' : `${fmtNum(value)}${unit}，位于${L.segs[L.at].grade ? `${L.segs[L.at].grade}档（${L.segs[L.at].text}）` : '各档之下（未达到分级标准）'}`;
  const label = `${def.label}分档：${L.segs.map((s) => `${s.grade || '未达到'} ${s.below ? `${s.r.maxIn ? '' : '低于'}${fmtNum(s.r.max ?? 0)}${unit}` : s.text}`).join('；')}。本次：${where}`;
  const root = picture('band-svg', BAR_W + 2 * X0, 58, label);
  root.setAttribute('data-criterion', String(def.id));
  for (const s of L.segs) {
    const g = svg('g', { class: `seg ${s.grade ? gradeClass(s.grade, s.grade_rank) : 'seg-below'}`, 'data-grade': s.grade || '' });
    g.append(svg('rect', { x: s.x + 1, y: 18, width: s.w - 2, height: 14, rx: 2 }));
    g.append(svg('text', { class: 'seg-name', x: s.x + s.w / 2, y: 13, 'text-anchor': 'middle' }, s.grade || '未达到'));
    // The bounds under the bar: ● closed (the number belongs to this band), ○ open.
    for (const [v, closed, x] of /** @type {[number | null, boolean, number][]} */ ([[s.r.min, s.r.minIn, s.x + 5], [s.r.max, s.r.maxIn, s.x + s.w - 5]])) {
      if (v == null || (s.below && v === 0)) continue;
      g.append(svg('circle', { class: closed ? 'end closed' : 'end open', cx: x, cy: 25, r: 3.2, 'data-value': v, 'data-closed': closed ? 'true' : 'false' }));
    }
    if (s.r.min != null && !s.below) g.append(svg('text', { class: 'seg-bound', x: s.x + 2, y: 46 }, `${fmtNum(s.r.min)}${s.r.minIn ? '（含）' : '（不含）'}`));
    root.append(g);
  }
  if (L.markerX != null && value != null) {
    root.append(
      svg('g', { class: 'band-marker', 'data-value': value }, svg('path', { d: `M${L.markerX - 5} 14 L${L.markerX + 5} 14 L${L.markerX} 21 Z` }), svg('line', { x1: L.markerX, x2: L.markerX, y1: 18, y2: 34 }), svg('text', { x: Math.min(Math.max(L.markerX, X0 + 24), BAR_W + X0 - 24), y: 56, 'text-anchor': 'middle' }, `${fmtNum(value)}${unit}`)),
    );
  }
  return root;
}
