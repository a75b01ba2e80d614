// @ts-check
// The SVG the page draws itself: elements from createElementNS with attributes only (no inline style,
// nothing parsed from strings), so the pictures live under the page's strict CSP. Colours come from
// classes in alerts.css.

const NS = 'http://www.w3.org/2000/svg';

/**
 * svg('line', {x1: 0, ...}, child, 'text', ...): attributes set to null/false are left out.
 * @param {string} tag @param {Record<string, unknown>} [attrs] @param {...(Node | string | null | false)} children
 * @returns {SVGElement}
 */
export function svg(tag, attrs = {}, ...children) {
  const node = /** @type {SVGElement} */ (document.createElementNS(NS, tag));
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    node.setAttribute(k, typeof v === 'number' ? String(Math.round(v * 10) / 10) : String(v));
  }
  for (const c of children) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/**
 * The outer <svg>: a picture with its summary for screen readers (role=img + aria-label) and a
 * <title> that shows on hover.
 * @param {string} cls @param {number} w @param {number} h @param {string} label
 */
export function picture(cls, w, h, label) {
  return svg('svg', { class: `pic ${cls}`, viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': label, preserveAspectRatio: 'xMinYMin meet' }, svg('title', {}, label));
}

/** A linear scale: value → position. @param {[number, number]} domain @param {[number, number]} range */
export function linear([d0, d1], [r0, r1]) {
  const span = d1 - d0 || 1;
  return (/** @type {number} */ v) => r0 + ((v - d0) / span) * (r1 - r0);
}
