#!/usr/bin/env node
// Packs the page into one self-contained HTML file that works when double-clicked (file://, no server):
//
//   node tools/single-file.mjs            → dist/yingji.html and dist/yingji.csp.txt
//
// Inlined: every linked stylesheet (one <style>), preflight.js (one classic <script>), and one module
// <script>: esbuild's bundle of the page's entry module (www/app.js and everything it imports, so any
// module layout of the page is packed), with, evaluated before it, the wasm-bindgen glue of both
// modules and pkg/yingji_bg.wasm and the import checker's .wasm gzip-compressed as base64
// (www/gunzip.js unpacks them). The .wasm is compiled with the asynchronous WebAssembly.instantiate
// (never a synchronous compile on the main thread). The file carries its own Content-Security-Policy
// as a <meta> element, with the sha256 of every inline script and style computed here;
// dist/yingji.csp.txt holds the same policy as the header line a portal serving the file should send.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { PAGE_BUILD, sourceOf } from './bundle.mjs';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const read = (...p) => readFileSync(join(REPO, ...p), 'utf8');

function fail(msg) {
  process.stderr.write(`tools/single-file.mjs: ${msg}\n`);
  process.exit(1);
}

function replaceOnce(text, from, to, what) {
  const n = text.split(from).length - 1;
  if (n !== 1) fail(`${what}: expected exactly one ${JSON.stringify(from)}, found ${n}`);
  return text.replace(from, () => to);
}

/**
 * A .wasm as the file carries it: gzip -9, then base64 (www/gunzip.js undoes the gzip). About a third
 * of the bytes of plain base64; the file is often e-mailed or opened from disk, with no HTTP
 * compression. tools/size-report.mjs encodes the same way to find it.
 */
export const inlineWasm = (bytes) => gzipSync(bytes, { level: 9 }).toString('base64');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function safeInline(text, name) {
  if (/<\/script|<!--|<script/i.test(text)) fail(`${name} contains text that would end or confuse an inline <script>`);
  return text;
}

/** The page's entry module: the one module <script> of www/index.html. */
function entryModule(html) {
  const entries = [...html.matchAll(/<script type="module" src="([\w./-]+\.js)"><\/script>/g)];
  if (entries.length !== 1) fail(`www/index.html: expected one <script type="module" src>, found ${entries.length}`);
  return entries[0];
}

// The virtual module that runs before the page's own: it binds YINGJI_INLINE, which app.js reads
// (`typeof YINGJI_INLINE === 'object'`) to load from the page instead of fetching pkg/.
const INLINE = 'yingji:inline';

export async function build() {
  const wasm = readFileSync(join(REPO, 'pkg', 'yingji_bg.wasm'));
  // The import checker: its glue runs at load (cheap); its bytes are compiled only on first import.
  const checkerWasm = readFileSync(join(REPO, 'pkg', 'yingji_check_bg.wasm'));
  const index = read('www', 'index.html');
  // Every stylesheet index.html links, in order, as one <style>.
  const css = [...index.matchAll(/<link rel="stylesheet" href="([\w.-]+\.css)">/g)].map((m) => read('www', m[1])).join('\n');
  const preflight = read('www', 'preflight.js');
  const favicon = read('www', 'favicon.svg');
  // The page loads its bundle (tools/bundle.mjs); the single file bundles the bundle's source itself.
  const [entryTag, bundleEntry] = entryModule(index);
  const entry = sourceOf(bundleEntry);

  for (const [file, fns] of [
    ['yingji.js', ['default', 'plans', 'schema', 'evaluate', 'import_plan', 'forget_plan', 'last_panic']],
    ['yingji_check.js', ['default', 'check']],
  ]) {
    const glue = read('pkg', file);
    for (const fn of fns) {
      const re = fn === 'default' ? /__wbg_init as default/ : new RegExp(`^export function ${fn}\\(`, 'm');
      if (!re.test(glue)) fail(`pkg/${file} does not export ${fn}`);
    }
  }

  const [wasmText, checkerText] = [inlineWasm(wasm), inlineWasm(checkerWasm)];
  const inline = `
    import * as glue from ${JSON.stringify(join(REPO, 'pkg', 'yingji.js'))};
    import * as checkerGlue from ${JSON.stringify(join(REPO, 'pkg', 'yingji_check.js'))};
    import { unpack } from ${JSON.stringify(join(REPO, 'www', 'gunzip.js'))};
    globalThis.YINGJI_INLINE = {
      unpack,
      glue,
      wasmGzipBase64: '${wasmText}',
      checkerGlue,
      checkerWasmGzipBase64: '${checkerText}',
    };
  `;
  let bundled;
  try {
    bundled = await esbuild.build({
      stdin: {
        // Import order is evaluation order: the inline data is bound before the page's modules run.
        contents: `import ${JSON.stringify(INLINE)};\nimport ${JSON.stringify(`./${entry}`)};\n`,
        resolveDir: join(REPO, 'www'),
        sourcefile: 'single-file-entry.js',
      },
      ...PAGE_BUILD,
      banner: { js: '// 应急预案助手 — single-file build (tools/single-file.mjs). Generated: do not edit.' },
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'yingji-inline',
          setup(b) {
            b.onResolve({ filter: /^yingji:inline$/ }, () => ({ path: INLINE, namespace: 'yingji' }));
            b.onLoad({ filter: /.*/, namespace: 'yingji' }, () => ({ contents: inline, loader: 'js', resolveDir: REPO }));
          },
        },
      ],
    });
  } catch (e) {
    fail(`esbuild: ${(e.errors || [e]).map((x) => x.text || x.message).join('; ')}`);
  }
  // esbuild writes "</script" in a literal as "<\/script" but leaves "<!--" (the Word export's XML
  // library has it in two literals): written as "<\u0021--", which means the same in a string, a
  // template or a regex, so no HTML comment state starts inside the inline <script>.
  const moduleText = safeInline(bundled.outputFiles[0].text.trimEnd().replaceAll('<!--', '<\\u0021--'), 'module script');
  // What the bundle must hold: the page, the engine loader and both inlined modules.
  if (!moduleText.includes('YINGJI_INLINE')) fail('the bundle does not read YINGJI_INLINE');
  for (const w of [wasmText, checkerText]) {
    if (!moduleText.includes(w)) fail('an inlined .wasm is missing from the bundle');
  }
  const preflightText = safeInline(preflight, 'www/preflight.js');
  const cssText = css;
  if (/<\/style/i.test(cssText)) fail('style.css contains </style');

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(moduleText)} ${sha256(preflightText)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(cssText)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  let html = index;
  html = replaceOnce(html, '<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'index.html');
  html = replaceOnce(
    html,
    '<link rel="icon" href="favicon.svg" type="image/svg+xml">',
    `<link rel="icon" href="data:image/svg+xml;base64,${Buffer.from(favicon).toString('base64')}" type="image/svg+xml">`,
    'index.html',
  );
  html = replaceOnce(html, '<link rel="stylesheet" href="style.css">', `<style>${cssText}</style>`, 'index.html');
  html = html.replace(/<link rel="stylesheet" href="[\w.-]+\.css">\n?/g, () => '');
  // Preloads of the multi-file page's module graph and .wasm: everything is inline here. The web app
  // manifest too: the single file is not installed (and its policy allows no manifest fetch).
  html = html.replace(/<link rel="(?:modulepreload|preload|manifest)"[^>]*>\n?/g, () => '');
  html = replaceOnce(html, '<script src="preflight.js" defer></script>\n', '', 'index.html');
  // The .wasm is inline: nothing to fetch early (www/wasm-early.js).
  html = replaceOnce(html, '<script src="wasm-early.js" async></script>\n', '', 'index.html');
  html = replaceOnce(html, entryTag, `<script type="module">${moduleText}</script>`, 'index.html');
  html = replaceOnce(html, '<main id="app" ', '<main id="app" data-yingji-build="single" ', 'index.html');
  // The hint shown while loading: the multi-file advice does not apply to this file.
  html = html.replace(/<p id="status-hint" class="hint">[^\n]*<\/p>/, () => '<p id="status-hint" class="hint">单文件版：无需网络和服务器。如果一直停留在此，请换用较新版本的 Chrome、Edge 或 Firefox 浏览器打开本文件。</p>');
  // preflight.js needs #app to exist: run it at the end of <body> (the module runs after parsing anyway).
  html = replaceOnce(html, '</body>', `<script>${preflightText}</script>\n</body>`, 'index.html');

  mkdirSync(join(REPO, 'dist'), { recursive: true });
  writeFileSync(join(REPO, 'dist', 'yingji.html'), html);
  writeFileSync(join(REPO, 'dist', 'yingji.csp.txt'), `Content-Security-Policy: ${csp}\n`);
  return { html, csp };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { html } = await build();
  process.stderr.write(`[build] dist/yingji.html: ${Buffer.byteLength(html)} bytes; CSP in dist/yingji.csp.txt\n`);
}
