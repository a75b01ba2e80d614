// @ts-check
// The plan workbench's try pane, pure part: from the edited plan's outline (its grading criteria and
// their bands, as written in the TOML), the two cases at every band edge — the value on each side of
// the bound, using the bound's inclusivity — with the grade the bands give (expected); the page adds
// what the engine answers for the imported plan (result). The table a reviewer signs off, and its CSV.

export const NO_GRADE = '未达分级标准';

/**
 * @typedef {{path: any[], name: string, line: number, fields: {key: string[], type: string, value: any}[]}} TableOutline
 * @typedef {{grade: string, min: number | null, minInc: boolean, max: number | null, maxInc: boolean}} Band
 * @typedef {{index: number, id: string, label: string, unit: string, facts: string[], step: number, bands: Band[]}} Axis
 * @typedef {{axis: string, fact: string, value: number, edge: string, expected: string, result?: string}} Case
 */

/** @param {TableOutline} t @param {string} key */
const field = (t, key) => t.fields.find((f) => f.key.length === 1 && f.key[0] === key)?.value;

/**
 * The grading criteria of an outline, with their bands. A criterion counted in persons steps by 1;
 * any other (万元, a measured number) by 0.01.
 * @param {TableOutline[]} tables @returns {Axis[]}
 */
export function axesOf(tables) {
  const factType = new Map();
  for (const t of tables) if (/^facts\[\d+\]/.test(t.name) && !t.name.includes('.')) factType.set(field(t, 'id'), field(t, 'type'));
  /** @type {Axis[]} */
  const axes = [];
  for (const t of tables) {
    const m = /^grading\.axes\[(\d+)\](\([^)]*\))?$/.exec(t.name);
    if (!m) continue;
    const facts = Array.isArray(field(t, 'facts')) ? field(t, 'facts').map(String) : [];
    axes.push({
      index: Number(m[1]),
      id: String(field(t, 'id') ?? ''),
      label: String(field(t, 'label') ?? field(t, 'id') ?? ''),
      unit: String(field(t, 'unit') ?? ''),
      facts,
      step: facts.length && facts.every((f) => factType.get(f) === 'count') ? 1 : 0.01,
      bands: [],
    });
  }
  for (const t of tables) {
    const m = /^grading\.axes\[(\d+)\](?:\([^)]*\))?\.bands\[\d+\]$/.exec(t.name);
    const axis = m && axes.find((a) => a.index === Number(m[1]));
    if (!axis) continue;
    const num = (/** @type {string} */ k) => (typeof field(t, k) === 'number' ? field(t, k) : null);
    axis.bands.push({
      grade: String(field(t, 'grade') ?? ''),
      min: num('min'),
      minInc: field(t, 'min_inclusive') === true,
      max: num('max'),
      maxInc: field(t, 'max_inclusive') === true,
    });
  }
  return axes;
}

/** @param {Band} b @param {number} v */
export const inBand = (b, v) =>
  (b.min === null || (b.minInc ? v >= b.min : v > b.min)) && (b.max === null || (b.maxInc ? v <= b.max : v < b.max));

/** The grade the bands give a value: one grade, none, or the overlap. @param {Axis} axis @param {number} v */
export function expectedGrade(axis, v) {
  const hit = axis.bands.filter((b) => inBand(b, v)).map((b) => b.grade);
  if (!hit.length) return NO_GRADE;
  return hit.length === 1 ? hit[0] : `重叠：${hit.join('、')}`;
}

const round = (/** @type {number} */ v) => Math.round(v * 100) / 100;

/**
 * Two cases per band edge (inside and outside the band), each value once per criterion, in value
 * order. Values below 0 are left out (no count or amount is negative).
 * @param {Axis[]} axes @returns {Case[]}
 */
export function edgeCases(axes) {
  /** @type {Case[]} */
  const out = [];
  for (const axis of axes) {
    /** @type {Map<number, string[]>} */
    const values = new Map();
    const add = (/** @type {number} */ v, /** @type {string} */ why) => {
      const r = round(v);
      if (r < 0) return;
      values.set(r, [...(values.get(r) || []), why]);
    };
    for (const b of axis.bands) {
      if (b.min !== null) {
        const why = `${b.grade}下限 ${b.min}${axis.unit}（${b.minInc ? '含' : '不含'}）`;
        add(b.minInc ? b.min : b.min + axis.step, why);
        add(b.minInc ? b.min - axis.step : b.min, why);
      }
      if (b.max !== null) {
        const why = `${b.grade}上限 ${b.max}${axis.unit}（${b.maxInc ? '含' : '不含'}）`;
        add(b.maxInc ? b.max : b.max - axis.step, why);
        add(b.maxInc ? b.max + axis.step : b.max, why);
      }
    }
    for (const [value, whys] of [...values].sort((x, y) => x[0] - y[0])) {
      out.push({ axis: axis.label, fact: axis.facts[0] || '', value, edge: [...new Set(whys)].join('；'), expected: expectedGrade(axis, value) });
    }
  }
  return out;
}

/** One CSV cell (RFC 4180 quoting). @param {unknown} v */
const cell = (v) => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The case table as CSV with a byte-order mark (so spreadsheet programs read it as UTF-8).
 * @param {Case[]} cases @param {{title: string, id: string}} plan
 */
export function casesCsv(cases, plan) {
  const rows = [
    ['预案', '预案编号', '分级标准', '事实', '数值', '界限', '按分级标准应为', '引擎结果', '一致'],
    ...cases.map((c) => [plan.title, plan.id, c.axis, c.fact, c.value, c.edge, c.expected, c.result ?? '', c.result === undefined ? '' : c.result === c.expected ? '是' : '否']),
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
