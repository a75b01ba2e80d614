#!/usr/bin/env bash
# Builds the two WASM modules into pkg/ (an npm-shaped package) for the page in www/:
#   pkg/yingji.js + yingji_bg.wasm              the engine with the embedded plans (loaded at once)
#   pkg/yingji_check.js + yingji_check_bg.wasm  the plan-file checker (loaded when a file is imported)
# cargo → wasm-bindgen --target web → wasm-opt -Oz → pkg/package.json and types; then the service
# worker's manifest (www/sw-manifest.js) and the single file dist/yingji.html.
# Also, for the e2e tests only: target/test-root/ = www/ (a link) beside a pkg/ whose engine is built
# with the `test-hooks` feature (the `__armPanicForTest` export, which the shipped pkg/ does not have).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's binaryen where installed and not older than the npm one (scripts/setup.sh), else the npm
# one: Debian 12's binaryen 108 breaks wasm-bindgen output (../shared/TOOLCHAIN.md).
WASM_OPT=node_modules/.bin/wasm-opt
if [ -x /usr/bin/wasm-opt ]; then
  debian=$( (/usr/bin/wasm-opt --version || true) | grep -oE '[0-9]+' | head -n 1 || true)
  npm=$(node -p 'require("./node_modules/binaryen/package.json").version.split(".")[0]')
  if [ "${debian:-0}" -ge "$npm" ]; then WASM_OPT=/usr/bin/wasm-opt; fi
fi

rm -rf pkg
release=target/wasm32-unknown-unknown/release
mkdir -p "$release"
echo "$WASM_OPT" > "$release/wasm-opt.txt" # for scripts/size.sh
for module in yingji:embedded yingji_check:checker; do
  name=${module%%:*} feature=${module##*:}
  # cargo says where this build's build script wrote its output (the embedded plan data).
  cargo build --quiet --release --lib --target wasm32-unknown-unknown --no-default-features \
    --features "$feature" --message-format=json > "$release/$name.build.json"
  # Kept for scripts/size.sh (code by crate, before wasm-bindgen and wasm-opt).
  cp "$release/yingji.wasm" "$release/$name.pre-bindgen.wasm"
  wasm-bindgen --target web --out-dir pkg --out-name "$name" "$release/$name.pre-bindgen.wasm"
  "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm"
done
# The plan data as embedded (postcard bytes, laid out field by field: build.rs), for scripts/size.sh:
# not loaded by the page.
out=$(node -e '
  for (const line of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) {
    if (!line) continue;
    const m = JSON.parse(line);
    if (m.reason === "build-script-executed" && m.package_id.includes("yingji")) console.log(m.out_dir);
  }' "$release/yingji.build.json")
rm -rf pkg/plan-data
mkdir -p pkg/plan-data
cp "$out"/plans.bin pkg/plan-data/
# The test-only engine (no wasm-opt: only the e2e panic test loads it).
test_root=target/test-root
rm -rf "$test_root"
mkdir -p "$test_root"
cargo build --quiet --release --lib --target wasm32-unknown-unknown --no-default-features \
  --features embedded,test-hooks
wasm-bindgen --target web --out-dir "$test_root/pkg" --out-name yingji "$release/yingji.wasm"
cp pkg/yingji_check.js pkg/yingji_check_bg.wasm "$test_root/pkg/"
ln -s ../../www "$test_root/www"
node tools/pkg-json.mjs > pkg/package.json
node tools/editor-templates.mjs     # pkg/plans/: the plan files as text, the editor's templates
cp -r pkg/plans "$test_root/pkg/"
node tools/types.mjs                 # precise TypeScript types for facts and results
node tools/docx-bundle.mjs           # www/vendor/docx-report.js: the Word export, loaded on its first click
node tools/bundle.mjs                # www/app.bundle.js (+ lazy chunks): the page's boot JS as one module
node tools/sw-manifest.mjs           # www/sw-manifest.js: the service worker's files and cache version
node tools/single-file.mjs           # dist/yingji.html (+ dist/yingji.csp.txt): the double-click build
printf '[build] pkg/yingji_bg.wasm: %s bytes, %s gzip\n' \
  "$(stat -c %s pkg/yingji_bg.wasm)" "$(gzip -9c pkg/yingji_bg.wasm | wc -c)" >&2
for f in pkg/yingji_check_bg.wasm dist/yingji.html pkg/yingji.js www/vendor/docx-report.js; do
  printf '[build] %s: %s bytes, %s gzip\n' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
