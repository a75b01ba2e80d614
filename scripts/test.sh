#!/usr/bin/env bash
# Runs every test: format and lint, native tests (engine, plan files, CLI), the WASM boundary in
# headless Chromium, and the page end to end in headless Chromium. Installs what is missing first
# (Debian chromium + chromium-driver, wasm32 target, wasm-bindgen-cli, npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# On CI the build directory is thrown away after one run, so incremental caches and full debug info
# only cost disk: a clean clone with its build output reached 3.8 GB with them, and a CI run failed with
# "No space left on device". Line tables keep file:line in panic backtraces.
if [ "${CI:-}" = true ]; then
  export CARGO_INCREMENTAL=0 CARGO_PROFILE_DEV_DEBUG=line-tables-only
fi

step() { printf '\n==== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh --test

step "format and lint"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --all-targets --features ts -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --tests -- -D warnings
# The two modules the page loads are built with one feature each (scripts/build.sh).
# (`embedded,test-hooks`: the engine the e2e panic test loads, from target/test-root/.)
for feature in embedded checker embedded,test-hooks; do
  cargo clippy --quiet --target wasm32-unknown-unknown --lib --no-default-features --features "$feature" -- -D warnings
done
# The fuzz crate (its own workspace, fuzz/Cargo.lock; built for real only by `cargo fuzz`).
(cd fuzz && cargo clippy --quiet --locked --all-targets -- -D warnings)

step "native tests"
cargo test
# The committed TypeScript types are what the Rust types give (ts-rs).
cargo test --quiet --features ts --test types

step "page modules (node, no build needed)"
node --test tests/js/

step "WASM boundary in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test wasm

step "build the page"
bash scripts/build.sh

step "page end to end in headless Chromium"
# tests/e2e/journeys.test.mjs also runs the core journeys in Firefox (firefox-esr via puppeteer-core).
node --test tests/e2e/
