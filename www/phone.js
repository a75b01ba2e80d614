// @ts-check
// Phone numbers as a duty officer dials them (issue 15). Pure: no DOM, no clock, no storage.
//
// - dialParts: a plan's printed phone text ("2062298 (传真 2198332)", "秦廷锴 13593326685") → the
//   numbers in it, each with what to dial; a 7- or 8-digit local number gets the area code of the
//   plan's city (said on screen: the plan's text stays as printed), a number with its 0-code and a
//   mobile stay as they are, a 转 extension is kept as text, a fax number is marked as one.
// - matchContacts: which rows of the local 值班通讯录 and of the plan's contacts answer to an
//   addressee ("市委、市政府值班室和省有关部门"): exact names first, then one name containing the
//   other, never a guess between several units.
// - parseCsv / toCsv: the local book as CSV (UTF-8 with BOM, as Excel opens it).

/** The area codes of the cities whose plans the product carries. */
export const AREA_CODES = /** @type {Record<string, string>} */ ({ 晋城: '0356', 吕梁: '0358', 鄂尔多斯: '0477' });

/** The city as named without 市 ("晋城市" → "晋城"); '' for none. @param {unknown} city */
export const cityShort = (city) =>
  String(city || '')
    .trim()
    .replace(/市$/, '');

/** The area code of a plan's city, or '' when the product does not know it. @param {unknown} city */
export function areaCodeOf(city) {
  const c = cityShort(city);
  return (c && AREA_CODES[c]) || '';
}

/** What the page says beside a number whose area code it added. @param {string} code */
export const addedNote = (code) => `区号${code}为本产品按预案所属城市补全`;

/**
 * @typedef {{kind: 'text', text: string}} TextPart
 * @typedef {{kind: 'tel' | 'fax', shown: string, dial: string, added: string, ext: string}} NumberPart
 * @typedef {TextPart | NumberPart} Part
 */

// Full-width digits and the dashes the seeds print (—, –, －) read as ASCII, one character for one,
// so places found in the normalised text are places in the printed one.
const normal = (/** @type {string} */ s) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[—–－‐]/g, '-');

// A mobile (1 + 10 digits); a number with its 0-code (0356-2062298, 0532 83889090); a local number of
// 7 or 8 digits; a service number (110, 119, 12345). Never part of a longer run of digits.
const NUMBER = /(?<!\d)(?:(1[3-9]\d{9})|(0\d{2,3})[ \t]*-?[ \t]*(\d{7,8})|(\d{7,8})|(11\d|12\d|123\d\d))(?!\d)(?:[ \t]*转[ \t]*(\d{1,6}))?/g;

/**
 * The parts of a printed phone text: text as printed, and each number with what to dial.
 * @param {unknown} printed the plan's text (or what the officer typed)
 * @param {string} code the area code to add to a local number ('' to add none)
 * @returns {Part[]}
 */
export function dialParts(printed, code) {
  const text = String(printed ?? '');
  const norm = normal(text);
  /** @type {Part[]} */
  const parts = [];
  let at = 0;
  for (const m of norm.matchAll(NUMBER)) {
    const start = /** @type {number} */ (m.index);
    if (start > at) parts.push({ kind: 'text', text: text.slice(at, start) });
    const [, mobile, zero, rest, local, service, ext] = m;
    /** @type {NumberPart} */
    const n = { kind: 'tel', shown: '', dial: '', added: '', ext: ext ? `转${ext}` : '' };
    if (mobile || service) n.shown = n.dial = mobile || service;
    else if (zero) {
      n.shown = `${zero}-${rest}`;
      n.dial = zero + rest;
    } else if (code) {
      n.shown = `${code}-${local}`;
      n.dial = code + local;
      n.added = code;
    } else n.shown = n.dial = local;
    parts.push(n);
    at = start + m[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  // A fax: "传真 2198332", "(传真：0351-3046060)" or "3615577(传真)".
  parts.forEach((p, i) => {
    if (p.kind !== 'tel') return;
    const before = parts[i - 1];
    const after = parts[i + 1];
    if ((before && before.kind === 'text' && /传真[\s:：]*$/.test(before.text)) || (after && after.kind === 'text' && /^\s*[（(]\s*传真\s*[)）]/.test(after.text))) p.kind = 'fax';
  });
  return parts;
}

/** The numbers in a text, without the text between them. @param {unknown} printed @param {string} code */
export const numbersIn = (printed, code) => /** @type {NumberPart[]} */ (dialParts(printed, code).filter((p) => p.kind !== 'text'));

/** The `tel:` address of a number part. @param {NumberPart} n */
export const telHref = (n) => `tel:${n.dial}`;

// ---------------------------------------------------------------------------------------------
// Matching an addressee to the contacts

/** A unit's name as compared: no spaces (the OCR put some between characters), ASCII parentheses. @param {unknown} s */
export const norm = (s) =>
  String(s ?? '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

/** unitNames' answers: every lookup compares each row's names, and a plan switch asks for dozens of addressees. */
const namesOf = new Map();

/**
 * "市应急管理局 (市指挥部办公室)" → the whole name, the name without the bracket, and the name in it.
 * The list is shared between callers (read it, never change it). @param {unknown} unit
 */
export function unitNames(unit) {
  const key = String(unit ?? '');
  const known = namesOf.get(key);
  if (known) return known;
  const whole = norm(unit);
  const names = new Set([whole]);
  const bare = whole.replace(/\([^()]*\)/g, '');
  if (bare) names.add(bare);
  for (const m of whole.matchAll(/\(([^()]*)\)/g)) if (m[1]) names.add(m[1]);
  const list = [...names].filter(Boolean);
  namesOf.set(key, list);
  return list;
}

// Words that name a level of government: a name starting with one belongs to whichever place stands
// before it ("高平" + "市人民政府" is another government than 市人民政府).
const LEVEL = /^[省市县区旗盟州]/;
// A unit's name may end in its office's line ("市政府" → 市政府值班室, 市政府办公室), nothing else.
const OFFICE = /^(总?值班室|办公室|值班电话|电话|\([^()]*\))*$/;
// What may stand before a unit inside a longer addressee: another unit ("市委市政府值班室") or a word
// of the sentence ("由市应急管理局…", "向…").
const BEFORE = /[委府局室部会厅办队组处由向和及与、,，;；经报]$/;
const MIN = 3;

/**
 * Whether `long` contains `short` as the same unit. `unitLonger`: `long` is a contact's name (more
 * specific than the addressee), so only the city itself may stand before it and only an office after.
 * @param {string} long @param {string} short @param {boolean} unitLonger @param {string} city short city name
 */
function holds(long, short, unitLonger, city) {
  if (short.length < MIN) return false;
  for (let i = long.indexOf(short); i >= 0; i = long.indexOf(short, i + 1)) {
    const before = long.slice(0, i);
    const after = long.slice(i + short.length);
    if (unitLonger) {
      // "市农业农村局" is not the 农业农村局 of "当地县…和农业农村局": only the city itself may stand before.
      const placeOk = !before || (!!city && (before === city || before === `${city}市`));
      if (placeOk && OFFICE.test(after)) return true;
    } else if (!before || !LEVEL.test(short) || BEFORE.test(before) || (city && before.endsWith(city))) return true;
  }
  return false;
}

/**
 * The names to look up for an addressee: the text without its brackets (compared exactly), then each
 * part between 、，; of it and of each bracket — a short part before a "…值班室"/"…办公室" also with
 * that word ("市委、市政府值班室" → 市委值班室) — and that part's words joined by 和/及/与/或, tried
 * one by one only when the part as a whole matches nothing.
 * @param {unknown} text
 * @returns {{whole: string, parts: {names: string[], pieces: string[]}[]}}
 */
export function addressees(text) {
  const t = norm(text);
  const inBrackets = [...t.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]);
  const whole = t.replace(/\([^()]*\)/g, '');
  /** @type {{names: string[], pieces: string[]}[]} */
  const parts = [];
  for (const chunk of [whole, ...inBrackets]) {
    const split = chunk.split(/[、，,；;。:：]/).filter(Boolean);
    const pieced = split.map((p) => p.split(/以及|和|及|与|或者|或/).filter(Boolean));
    split.forEach((p, i) => {
      const names = [p];
      // The office word of the next unit named: "市委、市政府值班室和…" → 市政府值班室 → 值班室.
      const next = (pieced[i + 1] || [])[0] || '';
      const office = (/(总?值班室|办公室)$/.exec(next) || [''])[0];
      if (office && p.length <= 4 && !/(室|局|部|会|厅|办|队)$/.test(p)) names.push(p + office);
      parts.push({ names, pieces: pieced[i].length > 1 ? pieced[i] : [] });
    });
  }
  return { whole, parts };
}

/**
 * @typedef {{unit: string, phone: string, note?: string, line?: number}} ContactRow
 * @typedef {ContactRow & {local: boolean}} Match
 */

/**
 * The rows of `rows` that answer to `name`: those with the same name; else (unless `exactOnly`) those
 * whose name contains it or is contained in it — if they are all one unit. Several units: nothing.
 * @param {string} name @param {ContactRow[]} rows @param {string} city @param {boolean} [exactOnly]
 */
export function rowsFor(name, rows, city = '', exactOnly = false) {
  if (!name) return [];
  const exact = rows.filter((r) => unitNames(r.unit).includes(name));
  if (exact.length || exactOnly) return exact;
  const c = cityShort(city);
  const near = rows.filter((r) => unitNames(r.unit).some((u) => holds(u, name, true, c) || holds(name, u, false, c)));
  const units = new Set(near.map((r) => norm(r.unit)));
  return units.size === 1 ? near : [];
}

/**
 * The contacts to call for an addressee: for each name, the local book's rows if any match it (a local
 * row overrides the plan's for that name), else the plan's. Empty when nothing matches.
 * @param {unknown} text the addressee (a deadline's `to`, a level's `starts`)
 * @param {ContactRow[]} local the officer's own book @param {ContactRow[]} plan the plan's contacts
 * @param {string} city the plan's city
 * @returns {Match[]}
 */
export function matchContacts(text, local, plan, city = '') {
  /** @type {Match[]} */
  const out = [];
  const seen = new Set();
  /** Adds the rows for `name`; whether there were any. @param {string} name @param {boolean} [exactOnly] */
  const look = (name, exactOnly = false) => {
    const mine = rowsFor(name, local, city, exactOnly);
    const rows = mine.length ? mine : rowsFor(name, plan, city, exactOnly);
    for (const r of rows) {
      const k = `${norm(r.unit)}|${r.phone}`;
      if (!seen.has(k)) out.push({ ...r, local: mine.length > 0 });
      seen.add(k);
    }
    return rows.length > 0;
  };
  const { whole, parts } = addressees(text);
  if (!whole && !parts.length) return out;
  if (look(whole, true)) return out;
  for (const p of parts) {
    let hit = false;
    for (const n of p.names) hit = look(n) || hit;
    if (!hit) for (const n of p.pieces) look(n);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The local book as CSV

export const CSV_HEADER = ['单位', '电话', '备注'];
const BOM = '\ufeff';

/** One CSV field, quoted when it must be. @param {string} s */
const field = (s) => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The book as CSV text: BOM, header, one line per row, CRLF. @param {ContactRow[]} rows */
export function toCsv(rows) {
  const lines = [CSV_HEADER, ...rows.map((r) => [r.unit, r.phone, r.note || ''])].map((cells) => cells.map((c) => field(String(c ?? ''))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** CSV text → rows of cells (RFC 4180: quotes, doubled quotes, CRLF or LF). @param {string} text */
export function csvCells(text) {
  const s = String(text).replace(/^\ufeff/, '');
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Checks one row of the book; '' when it can be kept, else what is wrong, naming the field.
 * @param {{unit?: string, phone?: string}} r
 */
export function rowProblem(r) {
  if (!String(r.unit || '').trim()) return '“单位”为空';
  const phone = String(r.phone || '').trim();
  if (!phone) return '“电话”为空';
  if (!numbersIn(phone, '').length) return `“电话”里没有可拨打的号码：“${phone}”`;
  return '';
}

/**
 * CSV text → the rows to keep and, for every line refused, why (line numbers as a spreadsheet shows
 * them). A first line 单位,电话,备注 is the header.
 * @param {string} text
 * @returns {{rows: ContactRow[], errors: string[]}}
 */
export function parseCsv(text) {
  const cells = csvCells(text);
  /** @type {ContactRow[]} */
  const rows = [];
  /** @type {string[]} */
  const errors = [];
  cells.forEach((c, i) => {
    const [unit = '', phone = '', note = '', ...more] = c.map((x) => x.trim());
    if (i === 0 && norm(unit) === '单位' && norm(phone) === '电话') return;
    if (!unit && !phone && !note && !more.some(Boolean)) return; // an empty line
    const problem = rowProblem({ unit, phone });
    if (problem) errors.push(`第${i + 1}行：${problem}`);
    else if (more.some(Boolean)) errors.push(`第${i + 1}行：多出${more.filter(Boolean).length}列（只认“单位,电话,备注”三列）`);
    else rows.push({ unit, phone, note });
  });
  if (!cells.length) errors.push('文件是空的');
  return { rows, errors };
}
