// Prints pkg/package.json: the generated module as an npm package, versioned from Cargo.toml.
import { readFileSync } from 'node:fs';

const cargo = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];
const pkg = {
  name: 'yingji',
  version,
  description: '应急预案助手 — emergency-plan decision aid (WebAssembly)',
  license: 'MIT',
  type: 'module',
  main: 'yingji.js',
  module: 'yingji.js',
  types: 'yingji.d.ts',
  files: [
    'yingji.js',
    'yingji.d.ts',
    'yingji-types.d.ts',
    'yingji_bg.wasm',
    'yingji_bg.wasm.d.ts',
    'yingji_check.js',
    'yingji_check.d.ts',
    'yingji_check_bg.wasm',
    'yingji_check_bg.wasm.d.ts',
  ],
  exports: {
    '.': { types: './yingji.d.ts', default: './yingji.js' },
    './yingji_bg.wasm': './yingji_bg.wasm',
    './check': { types: './yingji_check.d.ts', default: './yingji_check.js' },
    './yingji_check_bg.wasm': './yingji_check_bg.wasm',
    './package.json': './package.json',
  },
  sideEffects: false,
};
process.stdout.write(JSON.stringify(pkg, null, 2) + '\n');
