// @ts-check
// The AQI forecast the officer typed (one value per day) against the plan's warning lines, in the
// 预警措施 card. The lines are read from the plan's own warning criteria in the schema (every
// "AQI日均值>200", "AQI日均值达到500" of the hazards' rules), never written here.
// Pure parts: aqiLines, aqiLayout (tests/js/svg.test.mjs).

import { panel } from './dom.js';
import { fmtNum } from './format.js';
import { linear, picture, svg } from './svg.js';

const W = 560;
const H = 220;
const M = { l: 44, r: 70, t: 14, b: 30 };

/**
 * The AQI values the plan's warning criteria name, with whether the number itself counts
 * (">200(不含200)" → open, "达到500(含500)" → closed), lowest first.
 * @param {{rules?: {text: string}[]}[]} hazards
 * @returns {{value: number, closed: boolean}[]}
 */
export function aqiLines(hazards) {
  /** @type {Map<number, boolean>} */
  const found = new Map();
  for (const h of hazards || []) {
    for (const r of h.rules || []) {
      const text = String(r.text || '');
      for (const m of text.matchAll(/AQI[^\d>＞≥]{0,8}(>|＞|≥|超过|达到|大于)\s*(\d+)/g)) {
        const v = Number(m[2]);
        const closed = m[1] === '≥' || m[1] === '达到';
        if (!found.has(v)) found.set(v, closed);
      }
    }
  }
  return [...found].map(([value, closed]) => ({ value, closed })).sort((a, b) => a.value - b.value);
}

/**
 * Positions: a point per day (null days are gaps), a line per warning value, the y axis from 0 to a
 * little above the largest value or line.
 * @param {(number | null)[]} values @param {{value: number, closed?: boolean}[]} lines @param {number} [w] @param {number} [h]
 */
export function aqiLayout(values, lines, w = W, h = H) {
  const top = Math.max(...values.map((v) => v ?? 0), ...lines.map((l) => l.value), 1) * 1.1;
  const y = linear([0, top], [h - M.b, M.t]);
  const n = Math.max(values.length, 1);
  const step = (w - M.l - M.r) / n;
  const points = values.map((v, i) => ({ day: i + 1, x: M.l + step * (i + 0.5), y: v == null ? null : y(v), value: v, over: v == null ? [] : lines.filter((l) => v > l.value).map((l) => l.value) }));
  return { points, lines: lines.map((l) => ({ ...l, y: y(l.value) })), top, y0: y(0), step };
}

/**
 * Draws the chart into the warnings card (or hides it) for a plan with an AQI series fact and AQI
 * criteria. @param {HTMLElement} card @param {any} sch the schema @param {Record<string, unknown>} facts the facts as read
 */
export function drawAqi(card, sch, facts) {
  let box = /** @type {HTMLElement | null} */ (document.getElementById('aqi-chart'));
  const fact = ((sch && sch.facts) || []).find((/** @type {any} */ f) => f.type === 'series' && /AQI/i.test(`${f.id} ${f.label}`));
  const lines = fact ? aqiLines(sch.hazards) : [];
  const raw = fact ? facts[fact.id] : null;
  const values = Array.isArray(raw) ? raw.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)) : [];
  if (!box) {
    if (!fact || !lines.length) return;
    box = document.createElement('div');
    box.id = 'aqi-chart';
    box.className = 'aqi-chart';
    card.querySelector('h2')?.after(box);
  }
  const target = box;
  panel(box, JSON.stringify([fact && fact.label, lines, values]), () => {
    target.replaceChildren();
    target.hidden = !fact || !lines.length || !values.some((v) => v != null);
    if (!target.hidden) target.append(aqiSvg(/** @type {any} */ (fact).label, values, lines));
  });
}

/** @param {string} name @param {(number | null)[]} values @param {{value: number, closed: boolean}[]} lines */
function aqiSvg(name, values, lines) {
  const L = aqiLayout(values, lines);
  const days = L.points.map((p) => `第${p.day}天 ${p.value == null ? '未填' : fmtNum(p.value)}`).join('，');
  const label = `${name}：${days}。预案预警线：${lines.map((l) => `${l.value}${l.closed ? '（含）' : '（不含）'}`).join('、')}`;
  const root = picture('aqi-svg', W, H, label);
  root.append(svg('line', { class: 'axis', x1: M.l, x2: W - M.r, y1: L.y0, y2: L.y0 }));
  root.append(svg('text', { class: 'tick', x: M.l - 6, y: L.y0 + 4, 'text-anchor': 'end' }, '0'));
  for (const l of L.lines) {
    root.append(
      svg('g', { class: 'warn-line', 'data-value': l.value }, svg('line', { x1: M.l, x2: W - M.r, y1: l.y, y2: l.y }), svg('text', { x: W - M.r + 4, y: l.y + 4 }, `AQI ${l.closed ? '≥' : '>'}${l.value}`)),
    );
  }
  // The forecast: a polyline through the days typed, a dot per day (marked when above a line).
  const pts = L.points.filter((p) => p.y != null);
  if (pts.length > 1) root.append(svg('polyline', { class: 'aqi-path', points: pts.map((p) => `${Math.round(p.x)},${Math.round(/** @type {number} */ (p.y))}`).join(' ') }));
  for (const p of L.points) {
    const g = svg('g', { class: `aqi-day${p.over.length ? ' over' : ''}`, 'data-day': p.day, 'data-value': p.value == null ? '' : p.value });
    if (p.y != null) {
      g.append(svg('circle', { cx: p.x, cy: p.y, r: 4.5 }));
      g.append(svg('text', { class: 'aqi-value', x: p.x, y: p.y - 8, 'text-anchor': 'middle' }, fmtNum(p.value)));
    }
    g.append(svg('text', { class: 'tick', x: p.x, y: H - 10, 'text-anchor': 'middle' }, `第${p.day}天`));
    root.append(g);
  }
  return root;
}
