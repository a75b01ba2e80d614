#!/usr/bin/env node
// The page's boot JS as one minified ES module (issue 14 §5): esbuild bundles www/app.js and every
// module it imports statically into www/app.bundle.js (+ app.bundle.js.map), which www/index.html
// loads. Unbundled, the browser fetched ~40 modules (six at a time over HTTP/1.1) and linked them one
// by one before boot() could run: about 750 ms of a 1300 ms cold start at 4× CPU.
//
// The modules app.js imports with import() (the 依据 tab, the AQI picture, the reports, the editor)
// stay lazy: esbuild's code splitting writes them as chunks beside the bundle, www/app.lazy-<module>.js,
// and the code they share with the page as www/app.shared-<module>.js, which the bundle imports and
// index.html preloads (in www/ itself: editor.js and status.js resolve URLs against import.meta.url).
// All of it is generated and git-ignored; a build removes the chunks of earlier builds. The sources stay where they are: the <yingji-panel> embed (www/yingji-panel.js),
// the node tests and the single file (tools/single-file.mjs bundles www/app.js itself) use them.
//
//   node tools/bundle.mjs            build (scripts/build.sh runs it)
//   import { bundleIfStale } …       build only if a www/*.js is newer than the bundle (the e2e tests)
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WWW = resolve(fileURLToPath(new URL('../www', import.meta.url)));
/** The source entry and what it is bundled into (www/index.html loads BUNDLE). */
export const SOURCE = 'app.js';
export const BUNDLE = 'app.bundle.js';
const CHUNK = /^app\.(shared|lazy)-.*\.js(\.map)?$/;
/** Written by other tools, never by the page's modules: not a reason to rebuild. */
const NOT_SOURCES = new Set(['sw.js', 'sw-manifest.js', 'preflight.js', 'version.js']);
/** Imported by the bundle at run time, not bundled (see `external`). */
export const VERSION = 'version.js';

/** The file the page's <script type="module"> names, as the source module it is built from. */
export function sourceOf(entry) {
  return entry === BUNDLE ? SOURCE : entry;
}

/** esbuild's options for the page's JS, here and in the single file (tools/single-file.mjs). */
export const PAGE_BUILD = Object.freeze({
  bundle: true,
  format: /** @type {'esm'} */ ('esm'),
  // Minifying introduces no syntax newer than ES2020, which the sources themselves use (?. and ??).
  target: ['es2020'],
  // Whitespace and syntax only: identifiers keep their names (a load error's technical detail and a
  // CPU profile name them, and tests/e2e/incident.test.mjs looks for createIncidents in the single
  // file); renaming them would save another 18 KB, 2.5 KB gzip.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: /** @type {'utf8'} */ ('utf8'),
  legalComments: /** @type {'none'} */ ('none'),
});

/** Builds the bundle and its chunks; returns their names and sizes. */
export async function bundle() {
  const result = await esbuild.build({
    entryPoints: { 'app.bundle': join(WWW, SOURCE) },
    outdir: WWW,
    ...PAGE_BUILD,
    splitting: true,
    sourcemap: 'linked',
    chunkNames: 'app.chunk-[name]-[hash]', // renamed below
    metafile: true,
    // Not bundled: the engine's glue (pkg/, wasm-bindgen's output: app.js imports it as its own file,
    // which index.html preloads; engine.js imports the checker's by URL on first use), the Word export (its own
    // bundle), and version.js, which tools/sw-manifest.mjs writes from a hash of the
    // precached files, the bundle among them (bundled, every build would change what it hashes).
    external: ['../pkg/*', './vendor/*', `./${VERSION}`],
    banner: { js: '// 应急预案助手 — the page bundled by tools/bundle.mjs from www/app.js. Generated: do not edit.' },
    write: false,
    logLevel: 'silent',
  });
  const names = chunkNames(result.metafile);
  const rename = (/** @type {string} */ text) => text.replace(/app\.chunk-[\w-]+?-[A-Z0-9]{8}\.js/g, (m) => names.get(m) || m);
  // Written next to each file and renamed over it: a test in another process never reads half a file.
  const written = new Set();
  const out = [];
  for (const f of result.outputFiles) {
    const file = rename(basename(f.path));
    const text = rename(f.text);
    const tmp = join(WWW, `${file}.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(WWW, file));
    written.add(file);
    out.push({ file, bytes: Buffer.byteLength(text) });
  }
  for (const f of readdirSync(WWW)) if (CHUNK.test(f) && !written.has(f)) rmSync(join(WWW, f), { force: true });
  return out;
}

/**
 * Names without a content hash, so that www/index.html can preload the chunks the bundle imports
 * (tools/modulepreload.mjs) instead of the browser finding them only once the bundle is parsed: a lazy
 * module's chunk is app.lazy-<module>.js; a chunk of code shared by the page and lazy modules is
 * app.shared-<its first module>.js. They change only when the modules' imports do. (The service
 * worker's cache name is a hash of the contents: tools/sw-manifest.mjs.)
 * @param {import('esbuild').Metafile} meta @returns {Map<string, string>} esbuild's name → ours
 */
function chunkNames(meta) {
  const names = new Map();
  const taken = new Set();
  for (const [path, o] of Object.entries(meta.outputs)) {
    const file = basename(path);
    if (!file.startsWith('app.chunk-') || file.endsWith('.map')) continue;
    const first = o.entryPoint || Object.keys(o.inputs)[0];
    const stem = `app.${o.entryPoint ? 'lazy' : 'shared'}-${basename(first, '.js')}`;
    let name = `${stem}.js`;
    for (let i = 2; taken.has(name); i++) name = `${stem}-${i}.js`;
    taken.add(name);
    names.set(file, name);
  }
  return names;
}

/** The chunks the built bundle imports statically (what index.html preloads beside it). */
export function staticChunks() {
  const out = join(WWW, BUNDLE);
  if (!existsSync(out)) return [];
  return [...readFileSync(out, 'utf8').matchAll(/\bimport\s*(?:\{[^}]*\}\s*from\s*)?"\.\/(app\.shared-[\w.-]+\.js)"/g)].map((m) => m[1]);
}

/** True when the bundle is missing or older than a module of www/ (the bundle's inputs are among them). */
export function stale() {
  const out = join(WWW, BUNDLE);
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return readdirSync(WWW).some((f) => f.endsWith('.js') && f !== BUNDLE && !CHUNK.test(f) && !NOT_SOURCES.has(f) && statSync(join(WWW, f)).mtimeMs > built);
}

/** Builds the bundle unless it is newer than every module: a stale bundle is never what is tested. */
export async function bundleIfStale() {
  if (stale()) await bundle();
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = await bundle();
  const js = files.filter((f) => !f.file.endsWith('.map'));
  const sum = (/** @type {string} */ kind) => {
    const xs = js.filter((f) => f.file.startsWith(`app.${kind}-`));
    return `${xs.length} ${kind} chunks, ${xs.reduce((a, f) => a + f.bytes, 0)} bytes`;
  };
  process.stderr.write(`[build] www/${BUNDLE}: ${js.find((f) => f.file === BUNDLE)?.bytes} bytes; ${sum('shared')}; ${sum('lazy')}\n`);
}
