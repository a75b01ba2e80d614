#!/usr/bin/env bash
# Builds the WASM module into pkg/ (an npm-shaped package) for the page in www/.
# cargo → wasm-bindgen --target web → wasm-opt -Oz (npm binaryen) → pkg/package.json and types;
# then the service worker's manifest (www/sw-manifest.js) and the single file dist/yingji.html.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --release --lib --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name yingji \
  target/wasm32-unknown-unknown/release/yingji.wasm
# Debian's binaryen when installed (apt-get install binaryen), else the npm one.
WASM_OPT=node_modules/.bin/wasm-opt; [ -x /usr/bin/wasm-opt ] && WASM_OPT=/usr/bin/wasm-opt
"$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/yingji_bg.wasm -o pkg/yingji_bg.wasm
node tools/pkg-json.mjs > pkg/package.json
node tools/types.mjs                 # precise TypeScript types for facts and results
node tools/sw-manifest.mjs           # www/sw-manifest.js: the service worker's files and cache version
node tools/single-file.mjs           # dist/yingji.html (+ dist/yingji.csp.txt): the double-click build
printf '[build] pkg/yingji_bg.wasm: %s bytes, %s gzip\n' \
  "$(stat -c %s pkg/yingji_bg.wasm)" "$(gzip -9c pkg/yingji_bg.wasm | wc -c)" >&2
for f in dist/yingji.html pkg/yingji.js; do
  printf '[build] %s: %s bytes, %s gzip\n' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
