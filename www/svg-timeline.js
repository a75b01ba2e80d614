// @ts-check
// The reporting deadlines on a time axis, above the list in the 报告时限 card: a line for now, one mark
// per deadline with a clock time (red once overdue, grey once marked reported), its time beside it.
// `timelineLayout` is the pure geometry (tests/js/svg.test.mjs); `drawTimeline` draws it.

import { panel } from './dom.js';
import { clockText } from './format.js';
import { linear, picture, svg } from './svg.js';

export const WIDTH = 640;
const PAD = 40;
const ROW_H = 16;
const AXIS_Y = 22;
/** Labels closer than this (px) go on the next row. */
const GAP = 64;
const SOON_MS = 10 * 60_000;

/**
 * @typedef {{id: string, dueMs: number, done: boolean, text: string}} TimelineItem
 * @typedef {{id: string, x: number, row: number, state: 'done' | 'overdue' | 'soon' | 'pending', dueMs: number, text: string}} TimelineMark
 */

/**
 * Where each mark goes: the axis spans now and every due time (with a margin), marks sorted by time,
 * a label that would touch its left neighbour's goes one row lower (at most three rows).
 * @param {TimelineItem[]} items @param {number} nowMs @param {number} [width]
 * @returns {{nowX: number, marks: TimelineMark[], rows: number, from: number, to: number}}
 */
export function timelineLayout(items, nowMs, width = WIDTH) {
  const times = [nowMs, ...items.map((i) => i.dueMs)];
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const margin = Math.max((hi - lo) * 0.05, 5 * 60_000);
  const from = lo - margin;
  const to = hi + margin;
  const x = linear([from, to], [PAD, width - PAD]);
  /** @type {number[]} last x used on each row */
  const lastX = [];
  const marks = [...items]
    .sort((a, b) => a.dueMs - b.dueMs)
    .map((i) => {
      const mx = x(i.dueMs);
      let row = lastX.findIndex((l) => mx - l >= GAP);
      if (row < 0) row = lastX.length < 3 ? lastX.length : lastX.indexOf(Math.min(...lastX));
      lastX[row] = mx;
      /** @type {TimelineMark['state']} */
      const state = i.done ? 'done' : i.dueMs < nowMs ? 'overdue' : i.dueMs - nowMs <= SOON_MS ? 'soon' : 'pending';
      return { id: i.id, x: mx, row, state, dueMs: i.dueMs, text: i.text };
    });
  return { nowX: x(nowMs), marks, rows: Math.max(1, lastX.length), from, to };
}

const STATE_TEXT = { done: '已报告', overdue: '已超时', soon: '10分钟内到期', pending: '未到时限' };

/**
 * Draws (or removes) the timeline above the deadline list; redrawn when a deadline, a mark or the
 * minute changes.
 * @param {HTMLElement} ol the #deadlines list @param {any[]} list @param {Record<string, string>} reports @param {number} nowMs
 */
export function drawTimeline(ol, list, reports, nowMs) {
  let box = /** @type {HTMLElement | null} */ (document.getElementById('deadline-timeline'));
  if (!box) {
    box = document.createElement('div');
    box.id = 'deadline-timeline';
    box.className = 'timeline';
    ol.before(box);
  }
  const items = list
    .filter((d) => Number.isFinite(Date.parse(d.due || '')))
    .map((d) => ({ id: String(d.id), dueMs: Date.parse(d.due), done: !!reports[d.id], text: [d.who, d.to && `→ ${d.to}`].filter(Boolean).join(' ') }));
  const target = box;
  panel(box, JSON.stringify([items, Math.floor(nowMs / 60_000)]), () => {
    target.replaceChildren();
    target.hidden = !items.length;
    if (items.length) target.append(timelineSvg(items, nowMs));
  });
}

/** @param {TimelineItem[]} items @param {number} nowMs */
function timelineSvg(items, nowMs) {
  const L = timelineLayout(items, nowMs);
  const h = AXIS_Y + 14 + L.rows * ROW_H + 6;
  const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();
  const label = `报告时限时间轴：现在 ${clockText(iso(nowMs), nowMs)}；${L.marks.map((m) => `${clockText(iso(m.dueMs), nowMs)} ${m.text}（${STATE_TEXT[m.state]}）`).join('；')}`;
  const root = picture('timeline-svg', WIDTH, h, label);
  root.append(svg('line', { class: 'axis', x1: PAD / 2, x2: WIDTH - PAD / 2, y1: AXIS_Y, y2: AXIS_Y }));
  for (const m of L.marks) {
    const g = svg('g', { class: `mark mark-${m.state}`, 'data-id': m.id, 'data-state': m.state }, svg('title', {}, `${clockText(iso(m.dueMs), nowMs)} ${m.text}（${STATE_TEXT[m.state]}）`));
    g.append(svg('line', { class: 'stem', x1: m.x, x2: m.x, y1: AXIS_Y, y2: AXIS_Y + 4 + m.row * ROW_H }));
    g.append(svg('circle', { cx: m.x, cy: AXIS_Y, r: 5 }));
    g.append(svg('text', { x: m.x, y: AXIS_Y + 16 + m.row * ROW_H, 'text-anchor': 'middle' }, clockText(iso(m.dueMs), nowMs)));
    root.append(g);
  }
  root.append(svg('line', { class: 'now-line', x1: L.nowX, x2: L.nowX, y1: 4, y2: h - 2 }));
  root.append(svg('text', { class: 'now-text', x: L.nowX, y: 12, 'text-anchor': 'middle' }, `现在 ${clockText(iso(nowMs), nowMs)}`));
  return root;
}
