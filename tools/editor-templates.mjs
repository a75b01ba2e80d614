#!/usr/bin/env node
// The plan files as text for the page's editor («编辑预案» → «以此为模板»): copies every
// plans/<city>/*.toml to pkg/plans/<id>.toml, byte for byte, and writes pkg/plans/index.json
// ([{id, title, file}]). The editor fetches a template only when one is chosen; they are not
// precached by the service worker (14 files, 1.3 MB, 0.3 MB gzip: more than the page itself).
//
//   node tools/editor-templates.mjs [root]      (root defaults to the repository)
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] || fileURLToPath(new URL('..', import.meta.url)));
const out = join(root, 'pkg', 'plans');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function* tomls(dir) {
  for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, d.name);
    if (d.isDirectory()) yield* tomls(p);
    else if (d.name.endsWith('.toml')) yield p;
  }
}

/** The `[plan]` table's string value of `key` (the files write it as `key = "…"`). */
function planKey(text, key) {
  const plan = text.split(/^\[plan\]\s*$/m)[1] || '';
  const table = plan.split(/^\[/m)[0];
  const m = new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(table);
  return m ? m[1] : null;
}

const index = [];
for (const path of tomls(join(root, 'plans'))) {
  const text = readFileSync(path, 'utf8');
  const id = planKey(text, 'id');
  if (!id) throw new Error(`${relative(root, path)}: no [plan] id`);
  copyFileSync(path, join(out, `${id}.toml`));
  index.push({ id, title: planKey(text, 'title') || id, file: relative(root, path) });
}
writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 1) + '\n');
