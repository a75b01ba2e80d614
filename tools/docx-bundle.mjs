#!/usr/bin/env node
// Bundles the Word export (tools/docx-entry.mjs + the `docx` npm package) into one ES module,
// www/vendor/docx-report.js, which the page loads with import() only when 「导出Word」 is clicked. Run
// by scripts/build.sh before the service worker's manifest (which precaches it) and the single file
// (whose bundle inlines it). Generated, git-ignored.
//
//   node tools/docx-bundle.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const OUT = join(REPO, 'www', 'vendor', 'docx-report.js');

export async function bundle() {
  const r = await esbuild.build({
    entryPoints: [join(REPO, 'tools', 'docx-entry.mjs')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    banner: { js: '// 应急预案助手 — the Word export (tools/docx-bundle.mjs: tools/docx-entry.mjs + docx, MIT). Generated: do not edit.' },
    write: false,
    logLevel: 'warning',
  });
  const text = r.outputFiles[0].text;
  // The page's policy allows no code from strings: a bundle that needs it would fail at the click.
  if (/\beval\s*\(|new\s+Function\b/.test(text)) throw new Error('the docx bundle builds code from strings');
  mkdirSync(join(REPO, 'www', 'vendor'), { recursive: true });
  writeFileSync(OUT, text);
  return text;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const text = await bundle();
  const bytes = Buffer.byteLength(text);
  process.stderr.write(`[build] www/vendor/docx-report.js: ${bytes} bytes, ${gzipSync(readFileSync(OUT), { level: 9 }).length} gzip\n`);
}
