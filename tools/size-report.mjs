#!/usr/bin/env node
// Size report (issue 8): the raw and gzip -9 bytes of every file each build loads, the .wasm split
// into embedded plan data and code, and the size budget. Run after `bash scripts/build.sh`
// (scripts/size.sh does both):
//
//   node tools/size-report.mjs [--json target/size-report.json]
//
// Builds reported:
//   (a) the multi-file page www/index.html: its <link>/<script> files, every static `import` those
//       modules make (followed recursively), the engine pkg/yingji.js + pkg/yingji_bg.wasm (loaded by
//       www/engine.js with a dynamic import and fetch), and — loaded after the first result — the
//       service worker (www/sw.js, www/sw-manifest.js) and the files it precaches;
//   (b) the single file dist/yingji.html.
//
// Plan data: the plan files are embedded verbatim in the .wasm's data section. If the build writes the
// embedded blob to pkg/plan-data.* that is what is looked for, otherwise every plans/**/*.toml file.
// Each is found in the .wasm (byte-for-byte); "code" is the .wasm with those bytes cut out.
//
// Budget (gzip -9, 1 KB = 1000 bytes, so the check errs on the strict side):
//   code: everything the page loads to show the first result, except plan data  ≤ 80 KB
//   plan data ≤ 1.1 × gzip of all plans/**/*.toml concatenated
//   everything together < 400 KB
// Always exits 0 when it could measure (it is a report); over-budget lines say OVER.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { inlineWasm } from './single-file.mjs';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const KB = 1000;
const BUDGET = { codeGzip: 80 * KB, planFactor: 1.1, totalGzip: 400 * KB };

const args = process.argv.slice(2);
let jsonOut = join(REPO, 'target', 'size-report.json');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') jsonOut = resolve(args[++i]);
  else if (args[i] === '-h' || args[i] === '--help') {
    process.stdout.write('usage: node tools/size-report.mjs [--json FILE]\n');
    process.exit(0);
  } else {
    process.stderr.write(`size-report: unknown argument ${args[i]}\n`);
    process.exit(2);
  }
}

const rel = (p) => relative(REPO, p).replaceAll('\\', '/');
// `gzip -9` itself when installed (what the issue's figures mean), else zlib at level 9.
const hasGzip = spawnSync('gzip', ['--version']).status === 0;
const gz = (buf) =>
  hasGzip ? execFileSync('gzip', ['-9c'], { input: buf, maxBuffer: 1 << 30 }).length : gzipSync(buf, { level: 9 }).length;
function need(path, hint) {
  if (!existsSync(path)) {
    process.stderr.write(`size-report: ${rel(path)} is missing — ${hint}\n`);
    process.exit(1);
  }
  return readFileSync(path);
}

// ---------------------------------------------------------------------------------------------
// What the multi-file page loads

/** Local URLs in an HTML file's <link href> and <script src>. */
function htmlRefs(html) {
  const refs = [];
  for (const m of html.matchAll(/<(link|script)\b[^>]*>/gi)) {
    const tag = m[0];
    const attr = m[1].toLowerCase() === 'link' ? 'href' : 'src';
    const v = tag.match(new RegExp(`\\b${attr}\\s*=\\s*["']([^"']+)["']`, 'i'));
    if (!v) continue;
    if (m[1].toLowerCase() === 'link') {
      const relAttr = (tag.match(/\brel\s*=\s*["']([^"']+)["']/i) || [])[1] || '';
      // Loaded by the browser: stylesheets, icons, module preloads. Not: alternate, manifest hints, etc.
      if (!/stylesheet|icon|modulepreload|preload/i.test(relAttr)) continue;
    }
    refs.push(v[1]);
  }
  return refs;
}

/** Static module specifiers: `import … from 'x'`, `import 'x'`, `export … from 'x'`. */
function staticImports(js) {
  const out = [];
  const re = /^\s*(?:import|export)\s+(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of js.matchAll(re)) out.push(m[1]);
  return out;
}

const isLocal = (u) => !/^[a-z]+:|^\/\//i.test(u);

function pageFiles() {
  const index = join(REPO, 'www', 'index.html');
  const html = need(index, 'no page to measure').toString('utf8');
  const files = new Map(); // abs path → why
  const add = (abs, why) => {
    if (!files.has(abs)) files.set(abs, why);
  };
  add(index, 'page');
  const queue = [];
  for (const r of htmlRefs(html).filter(isLocal)) {
    const abs = resolve(dirname(index), r.split(/[?#]/)[0]);
    add(abs, 'index.html');
    if (abs.endsWith('.js') || abs.endsWith('.mjs')) queue.push(abs);
  }
  // The engine: www/engine.js imports pkg/yingji.js dynamically and fetches the .wasm.
  const glue = join(REPO, 'pkg', 'yingji.js');
  add(glue, 'engine.js (dynamic import)');
  add(join(REPO, 'pkg', 'yingji_bg.wasm'), 'engine.js (fetch)');
  queue.push(glue);
  while (queue.length) {
    const file = queue.shift();
    if (!existsSync(file)) continue;
    for (const spec of staticImports(readFileSync(file, 'utf8')).filter(isLocal)) {
      const abs = resolve(dirname(file), spec);
      if (files.has(abs)) continue;
      add(abs, `import in ${rel(file)}`);
      queue.push(abs);
    }
  }
  // A plan-data file the page fetches itself (if the build ships the plans beside the .wasm).
  const pkgDir = join(REPO, 'pkg');
  for (const name of existsSync(pkgDir) ? readdirSync(pkgDir) : []) {
    if (!name.startsWith('plan-data.')) continue;
    const referenced = [...files.keys()].some(
      (f) => f.endsWith('.js') && existsSync(f) && readFileSync(f, 'utf8').includes(name),
    );
    if (referenced) add(join(pkgDir, name), 'fetched by the page');
  }
  return files;
}

/** After the first result: the service worker, its manifest and what it precaches beyond the page. */
function serviceWorkerFiles(pageSet) {
  const out = new Map();
  const sw = join(REPO, 'www', 'sw.js');
  const registers = [...pageSet.keys()].some(
    (f) => f.endsWith('.js') && existsSync(f) && /serviceWorker\.register\(/.test(readFileSync(f, 'utf8')),
  );
  if (!registers || !existsSync(sw)) return out;
  out.set(sw, 'service worker');
  const manifestFile = join(REPO, 'www', 'sw-manifest.js');
  if (existsSync(manifestFile)) {
    out.set(manifestFile, 'service worker (importScripts)');
    const text = readFileSync(manifestFile, 'utf8');
    const m = text.match(/"files"\s*:\s*(\[[^\]]*\])/);
    if (m) {
      for (const f of JSON.parse(m[1])) {
        if (f === './') continue;
        const abs = resolve(REPO, 'www', f);
        if (!pageSet.has(abs) && !out.has(abs)) out.set(abs, 'service worker precache');
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The .wasm: sections, and where the plan data sits

function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [result, pos];
  }
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];

function wasmSections(buf) {
  if (buf.readUInt32BE(0) !== 0x0061736d) throw new Error('not a .wasm file');
  const sections = [];
  let pos = 8;
  while (pos < buf.length) {
    const id = buf[pos];
    const [size, body] = leb(buf, pos + 1);
    let name = SECTION_NAMES[id] || `section ${id}`;
    if (id === 0) {
      const [n, p] = leb(buf, body);
      name = `custom "${buf.subarray(p, p + n).toString('utf8')}"`;
    }
    sections.push({ id, name, start: pos, body, end: body + size, bytes: body + size - pos });
    pos = body + size;
  }
  return sections;
}

/** The plan blobs: pkg/plan-data/* (one file per plan, as scripts/build.sh copies them) or
 *  pkg/plan-data.* if the build writes them, else every plans/**\/*.toml. */
function planBlobs() {
  const pkgDir = join(REPO, 'pkg');
  const dir = join(pkgDir, 'plan-data');
  if (existsSync(dir)) {
    const files = readdirSync(dir).sort().map((n) => join(dir, n));
    if (files.length) return { source: 'pkg/plan-data/*', files };
  }
  const blobs = existsSync(pkgDir)
    ? readdirSync(pkgDir)
        .filter((n) => n.startsWith('plan-data.'))
        .sort()
        .map((n) => join(pkgDir, n))
    : [];
  if (blobs.length) return { source: 'pkg/plan-data.*', files: blobs };
  return { source: 'plans/**/*.toml', files: allPlanToml() };
}

function allPlanToml() {
  const toml = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.toml')) toml.push(p);
    }
  };
  walk(join(REPO, 'plans'));
  return toml.sort();
}

/** The ranges of `wasm` holding `bytes`' pieces between runs of ≥ 8 zero bytes, in order; null if
 *  any piece of 16 bytes or more is not found after the previous one. */
function zeroSplit(bytes, wasm) {
  const pieces = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    let run = 0;
    while (i + run < bytes.length && bytes[i + run] === 0) run++;
    if (i === bytes.length || run >= 8) {
      if (i > start) pieces.push(bytes.subarray(start, i));
      i += run;
      start = i;
    }
  }
  const ranges = [];
  let from = 0;
  for (const p of pieces) {
    if (p.length < 16) continue; // too short to place reliably: counted as code
    const at = wasm.indexOf(p, from);
    if (at === -1) return null;
    ranges.push([at, at + p.length]);
    from = at + p.length;
  }
  return ranges;
}

function splitWasm(wasm) {
  const sections = wasmSections(wasm);
  const data = sections.find((s) => s.id === 11);
  const { source, files } = planBlobs();
  const found = [];
  const missing = [];
  const ranges = [];
  for (const f of files) {
    const bytes = readFileSync(f);
    if (bytes.length === 0) continue;
    let at = wasm.indexOf(bytes);
    // A second copy would also be plan data; take every non-overlapping occurrence.
    const hits = [];
    while (at !== -1) {
      hits.push(at);
      at = wasm.indexOf(bytes, at + bytes.length);
    }
    if (!hits.length) {
      // wasm-opt's memory packing drops long runs of zero bytes from data segments, splitting a
      // blob (postcard bytes have many zeros): look for its pieces between such runs, in order.
      const pieces = zeroSplit(bytes, wasm);
      if (!pieces) {
        missing.push(rel(f));
        continue;
      }
      ranges.push(...pieces);
      found.push({ file: rel(f), bytes: bytes.length, copies: 1, split_by_zero_runs: pieces.length, in_data_section: true });
      continue;
    }
    for (const h of hits) ranges.push([h, h + bytes.length]);
    found.push({
      file: rel(f),
      bytes: bytes.length,
      copies: hits.length,
      in_data_section: hits.every((h) => data && h >= data.body && h + bytes.length <= data.end),
    });
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const planParts = merged.map(([a, b]) => wasm.subarray(a, b));
  const codeParts = [];
  let pos = 0;
  for (const [a, b] of merged) {
    codeParts.push(wasm.subarray(pos, a));
    pos = b;
  }
  codeParts.push(wasm.subarray(pos));
  const plan = Buffer.concat(planParts);
  const code = Buffer.concat(codeParts);
  return { sections, source, found, missing, plan, code };
}

/**
 * Where the code goes: function body bytes by crate (yingji by module), from cargo's .wasm before
 * wasm-bindgen and wasm-opt (the only one with a name section), so proportions, not final bytes.
 */
function codeByCrate(file) {
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  let sections;
  try {
    sections = wasmSections(buf);
  } catch {
    return null;
  }
  let imported = 0;
  const imp = sections.find((s) => s.id === 2);
  if (imp) {
    let [n, p] = leb(buf, imp.body);
    const skipName = () => {
      const [l, q] = leb(buf, p);
      p = q + l;
    };
    for (let i = 0; i < n; i++) {
      skipName();
      skipName();
      const kind = buf[p++];
      if (kind === 0) {
        imported++;
        p = leb(buf, p)[1];
      } else if (kind === 1 || kind === 2) {
        if (kind === 1) p++;
        const flag = buf[p++];
        p = leb(buf, p)[1];
        if (flag & 1) p = leb(buf, p)[1];
      } else if (kind === 3) p += 2;
      else return null;
    }
  }
  const names = new Map();
  const nameSec = sections.find((s) => s.name === 'custom "name"');
  if (!nameSec) return null;
  {
    let [l, p] = leb(buf, nameSec.body);
    p += l;
    while (p < nameSec.end) {
      const sub = buf[p++];
      const [size, body] = leb(buf, p);
      if (sub === 1) {
        let [count, q] = leb(buf, body);
        for (let i = 0; i < count; i++) {
          const [idx, q1] = leb(buf, q);
          const [len, q2] = leb(buf, q1);
          names.set(idx, buf.subarray(q2, q2 + len).toString('utf8'));
          q = q2 + len;
        }
      }
      p = body + size;
    }
  }
  const codeSec = sections.find((s) => s.id === 10);
  if (!codeSec) return null;
  const owner = (name) => {
    if (name.startsWith('__wbindgen_describe')) return null; // removed by wasm-bindgen
    let m = name.match(/^_ZN(\d+)(.*)$/);
    if (!m) {
      if (name.startsWith('__wbg') || name.startsWith('__wbindgen')) return 'wasm-bindgen glue';
      // v0 mangling: the first crate root `C[s<hash>_]<len><name>`.
      const v0 = name.startsWith('_R') && name.match(/C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_])/);
      if (v0) return name.slice(v0.index + v0[0].length - 1, v0.index + v0[0].length - 1 + Number(v0[1]));
      return '(unnamed or C)';
    }
    let seg = m[2].slice(0, Number(m[1]));
    seg = seg.replace(/^_?\$LT\$/, '').replace(/^(\$RF\$|\$BP\$|mut\$u20\$|const\$u20\$|\$u5b\$|dyn\$u20\$)+/g, '');
    const path = seg.split('..');
    let crate = path[0].replace(/\$.*$/, '');
    if (crate === 'yingji') {
      // yingji::plan / engine / finder …, but also the next segment when the first is a path
      const rest = m[2].slice(Number(m[1]));
      const len = rest.match(/^\d+/);
      const mod = path.length > 1 ? path[1].replace(/\$.*$/, '') : len ? rest.slice(len[0].length, len[0].length + Number(len[0])) : '';
      crate = `yingji::${mod || '?'}`;
    }
    return crate;
  };
  const by = new Map();
  let total = 0;
  let [count, p] = leb(buf, codeSec.body);
  for (let i = 0; i < count; i++) {
    const [size, body] = leb(buf, p);
    const who = owner(names.get(imported + i) || '');
    if (who) {
      by.set(who, (by.get(who) || 0) + size);
      total += size;
    }
    p = body + size;
  }
  const rows = [...by].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes, share: bytes / total }));
  return { file: rel(file), total, rows };
}

// ---------------------------------------------------------------------------------------------

const wasmPath = join(REPO, 'pkg', 'yingji_bg.wasm');
const wasm = need(wasmPath, 'run `bash scripts/build.sh` first');
const split = splitWasm(wasm);
// The engine module as cargo built it (scripts/build.sh keeps a copy before wasm-bindgen).
const byCrate = codeByCrate(join(REPO, 'target', 'wasm32-unknown-unknown', 'release', 'yingji.pre-bindgen.wasm'));
const planToml = Buffer.concat(allPlanToml().map((f) => readFileSync(f)));

const row = (abs, why) => {
  const buf = existsSync(abs) ? readFileSync(abs) : null;
  return {
    file: rel(abs),
    loaded_by: why,
    raw: buf ? buf.length : null,
    gzip: buf ? gz(buf) : null,
  };
};

const page = pageFiles();
const pageRows = [...page].map(([f, why]) => row(f, why));
const swRows = [...serviceWorkerFiles(page)].map(([f, why]) => row(f, why));
const missingFiles = [...pageRows, ...swRows].filter((r) => r.raw === null).map((r) => r.file);

const sum = (rows, k) => rows.reduce((a, r) => a + (r[k] || 0), 0);
const wasmRel = rel(wasmPath);
const nonWasm = pageRows.filter((r) => r.file !== wasmRel && !r.file.startsWith('pkg/plan-data.'));
const planFetched = pageRows.filter((r) => r.file.startsWith('pkg/plan-data.'));

const planData = { raw: split.plan.length, gzip: split.plan.length ? gz(split.plan) : 0 };
const wasmCode = { raw: split.code.length, gzip: gz(split.code) };
const plansToml = { raw: planToml.length, gzip: gz(planToml) };

const page_ = {
  raw: sum(pageRows, 'raw'),
  gzip: sum(pageRows, 'gzip'),
  code_gzip: sum(nonWasm, 'gzip') + wasmCode.gzip,
  plan_gzip: planData.gzip + sum(planFetched, 'gzip'),
  service_worker_extra: { raw: sum(swRows, 'raw'), gzip: sum(swRows, 'gzip') },
};

// (b) the single file: the .wasm is inlined gzip-compressed as base64 (inlineWasm); its code-only share
// is measured by putting the code-only .wasm, encoded the same way, in its place.
const singlePath = join(REPO, 'dist', 'yingji.html');
let single = null;
if (existsSync(singlePath)) {
  const html = readFileSync(singlePath);
  const text = html.toString('latin1');
  const b64 = inlineWasm(wasm);
  const at = text.indexOf(b64);
  single = { file: rel(singlePath), raw: html.length, gzip: gz(html), code_gzip: null, plan_gzip: null };
  if (at !== -1 && split.plan.length) {
    const codeOnly = Buffer.concat([
      html.subarray(0, at),
      Buffer.from(inlineWasm(split.code), 'latin1'),
      html.subarray(at + b64.length),
    ]);
    single.code_gzip = gz(codeOnly);
    single.plan_gzip = single.gzip - single.code_gzip;
  }
}

// ---------------------------------------------------------------------------------------------
// Budget

const checks = [];
const check = (name, value, limit, ok, detail) => checks.push({ name, value, limit, ok, detail });
check(
  'page code (gzip, all but plan data)',
  page_.code_gzip,
  BUDGET.codeGzip,
  page_.code_gzip <= BUDGET.codeGzip,
  `≤ ${BUDGET.codeGzip / KB} KB`,
);
const planLimit = Math.floor(BUDGET.planFactor * plansToml.gzip);
check(
  'plan data (gzip)',
  page_.plan_gzip,
  planLimit,
  split.missing.length === 0 && page_.plan_gzip <= planLimit,
  `≤ 1.1 × ${plansToml.gzip} (plans/**/*.toml gzip)`,
);
check('page total (gzip)', page_.gzip, BUDGET.totalGzip, page_.gzip < BUDGET.totalGzip, `< ${BUDGET.totalGzip / KB} KB`);
if (single) {
  if (single.code_gzip !== null)
    check(
      'single file code (gzip, all but plan data)',
      single.code_gzip,
      BUDGET.codeGzip,
      single.code_gzip <= BUDGET.codeGzip,
      `≤ ${BUDGET.codeGzip / KB} KB`,
    );
  check('single file total (gzip)', single.gzip, BUDGET.totalGzip, single.gzip < BUDGET.totalGzip, `< ${BUDGET.totalGzip / KB} KB`);
}

// ---------------------------------------------------------------------------------------------
// Output

const pad = (s, n) => String(s).padEnd(n);
const num = (n, w = 9) => (n === null || n === undefined ? 'n/a' : String(n)).padStart(w);
const kb = (n) => (n === null ? 'n/a' : `${(n / KB).toFixed(1)} KB`);
const lines = [];
const out = (s = '') => lines.push(s);
const table = (title, rows) => {
  out(title);
  out(`  ${pad('file', 34)} ${num('raw')} ${num('gzip -9')}  loaded by`);
  for (const r of rows) out(`  ${pad(r.file, 34)} ${num(r.raw)} ${num(r.gzip)}  ${r.loaded_by}`);
};

// As scripts/build.sh chose it (Debian's binaryen only when not older than the npm one).
const usedFile = join(REPO, 'target', 'wasm32-unknown-unknown', 'release', 'wasm-opt.txt');
const wasmOpt = existsSync(usedFile) ? readFileSync(usedFile, 'utf8').trim() : 'unknown (run scripts/build.sh)';
out(`yingji size report — ${new Date().toISOString()}  (${hasGzip ? 'gzip -9' : 'zlib level 9 (no gzip installed)'}; 1 KB = 1000 bytes)`);
out();
table('(a) multi-file page www/index.html — to the first result', pageRows);
out(`  ${pad('total', 34)} ${num(page_.raw)} ${num(page_.gzip)}`);
if (swRows.length) {
  table('    after the first result (service worker install, once per version)', swRows);
  out(`  ${pad('total', 34)} ${num(page_.service_worker_extra.raw)} ${num(page_.service_worker_extra.gzip)}`);
}
out();
if (single) {
  out('(b) single file');
  out(`  ${pad(single.file, 34)} ${num(single.raw)} ${num(single.gzip)}`);
  if (single.code_gzip !== null)
    out(`  ${pad('  of which code / plan data (gzip)', 34)} ${num('')} ${num(single.code_gzip)} / ${single.plan_gzip}`);
} else out('(b) single file: dist/yingji.html missing (run bash scripts/build.sh)');
out();
out(`pkg/yingji_bg.wasm split (plan data looked for: ${split.source}, ${split.found.length} found${split.missing.length ? `, ${split.missing.length} NOT FOUND` : ''})`);
out(`  ${pad('', 34)} ${num('raw')} ${num('gzip -9')}`);
out(`  ${pad('.wasm', 34)} ${num(wasm.length)} ${num(gz(wasm))}`);
out(`  ${pad('  plan data (embedded verbatim)', 34)} ${num(planData.raw)} ${num(planData.gzip)}`);
out(`  ${pad('  code (.wasm without plan data)', 34)} ${num(wasmCode.raw)} ${num(wasmCode.gzip)}`);
out(`  ${pad('plans/**/*.toml concatenated', 34)} ${num(plansToml.raw)} ${num(plansToml.gzip)}`);
for (const m of split.missing) out(`  NOT FOUND in the .wasm: ${m}`);
out('  sections:');
for (const s of split.sections) out(`    ${pad(s.name, 32)} ${num(s.bytes)}`);
if (byCrate) {
  out(`code by crate (function bodies in ${byCrate.file}, before wasm-bindgen/wasm-opt: shares, not final bytes; ${byCrate.total} bytes)`);
  for (const r of byCrate.rows.slice(0, 15)) out(`    ${pad(r.crate, 32)} ${num(r.bytes)}  ${(r.share * 100).toFixed(1).padStart(5)}%`);
}
out();
out('budget');
for (const c of checks)
  out(`  ${c.ok ? 'ok  ' : 'OVER'}  ${pad(c.name, 42)} ${num(c.value)} (${kb(c.value)})  ${c.detail}${c.ok ? '' : `  — OVER by ${c.value - c.limit} bytes`}`);
const over = checks.filter((c) => !c.ok).length;
out(over ? `OVER BUDGET: ${over} of ${checks.length} checks` : `within budget (${checks.length} checks)`);
if (missingFiles.length) out(`missing files: ${missingFiles.join(', ')}`);
out(`wasm-opt used by scripts/build.sh: ${wasmOpt}`);

const report = {
  generated: new Date().toISOString(),
  gzip_level: 9,
  kb_bytes: KB,
  page: { files: pageRows, ...page_, after_first_result: swRows },
  single_file: single,
  wasm: {
    file: wasmRel,
    raw: wasm.length,
    gzip: gz(wasm),
    plan_data: { ...planData, source: split.source, blobs: split.found, not_found: split.missing },
    code: wasmCode,
    sections: split.sections.map((s) => ({ name: s.name, bytes: s.bytes })),
    code_by_crate: byCrate,
  },
  plans_toml: plansToml,
  budget: checks,
  over_budget: over > 0,
};
mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
out(`JSON: ${rel(jsonOut)}`);
process.stdout.write(`${lines.join('\n')}\n`);
