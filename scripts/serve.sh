#!/usr/bin/env bash
# Builds the product and serves the page on 127.0.0.1 (default port 8000; PORT=N to change).
# Installs what is missing first (wasm32 target, wasm-bindgen-cli at the crate's exact version, npm tools).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
bash scripts/build.sh
exec node tools/serve.mjs --host 127.0.0.1 --port "${PORT:-8000}"
