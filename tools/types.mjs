#!/usr/bin/env node
// Gives pkg/ its TypeScript types: copies types/yingji-types.d.ts (generated from the Rust types by
// tests/types.rs) into pkg/. The signatures in pkg/yingji.d.ts and pkg/yingji_check.d.ts already name
// those types (wasm-bindgen's `unchecked_return_type`/`unchecked_param_type` in src/wasm/, with an
// import of ./yingji-types): nothing is rewritten here. Fails the build if an export is still `any`.
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
for (const file of ['yingji.d.ts', 'yingji_check.d.ts']) {
  const text = readFileSync(join(REPO, 'pkg', file), 'utf8');
  const loose = [...text.matchAll(/^export function (\w+)\(([^)]*)\): ([^;]*);/gm)].filter(
    ([, name, params, ret]) => name !== 'initSync' && /\bany\b/.test(params + ret),
  );
  if (loose.length) {
    process.stderr.write(`tools/types.mjs: pkg/${file} exports without precise types: ${loose.map((m) => m[1]).join(', ')}\n`);
    process.exit(1);
  }
  if (!text.includes("from './yingji-types'")) {
    process.stderr.write(`tools/types.mjs: pkg/${file} does not import ./yingji-types\n`);
    process.exit(1);
  }
}
copyFileSync(join(REPO, 'types', 'yingji-types.d.ts'), join(REPO, 'pkg', 'yingji-types.d.ts'));
