#!/usr/bin/env bash
# Builds the WASM module into pkg/ (an npm-shaped package) for the page in www/.
# cargo → wasm-bindgen --target web → wasm-opt -Oz (npm binaryen) → pkg/package.json.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --release --lib --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name yingji \
  target/wasm32-unknown-unknown/release/yingji.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/yingji_bg.wasm -o pkg/yingji_bg.wasm
node tools/pkg-json.mjs > pkg/package.json
printf '[build] pkg/yingji_bg.wasm: %s bytes, %s gzip\n' \
  "$(stat -c %s pkg/yingji_bg.wasm)" "$(gzip -9c pkg/yingji_bg.wasm | wc -c)" >&2
