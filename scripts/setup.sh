#!/usr/bin/env bash
# Installs what the build (and, with --test, the tests) need on a fresh Debian machine with rustup.
# Idempotent: each step is skipped when already satisfied. Downloads only from crates.io, npm and Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

log() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
[ -f Cargo.lock ] || cargo generate-lockfile
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version (had: ${have:-none}); takes a few minutes"
  # No --locked: the CLI's own lockfile pins a crate version this registry does not serve.
  cargo install wasm-bindgen-cli --version "=$wb_version"
fi

# npm packages: binaryen (wasm-opt; Debian's binaryen 108 breaks wasm-bindgen output), esbuild (packs
# the single file) and, for tests, playwright-core (drives Debian's chromium), puppeteer-core (drives
# Debian's firefox-esr over WebDriver BiDi; neither ever downloads a browser) and typescript (checks
# the generated types against real results: tests/e2e/api.test.mjs).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] ||
  { [ $want_test = 1 ] && { [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/typescript ]; }; }; then
  log "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ $want_test = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/firefox-esr ]; then
    log "installing Debian chromium, chromium-driver and firefox-esr"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver firefox-esr >/dev/null
  fi
fi
