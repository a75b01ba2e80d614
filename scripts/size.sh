#!/usr/bin/env bash
# Size report (issue 8): builds the release page (scripts/build.sh: LTO, opt-level z, wasm-opt -Oz),
# then prints the raw and gzip -9 bytes of every file each build loads, the .wasm split into plan
# data and code, and the budget check; also writes target/size-report.json. Exits 0 when over
# budget (it is a report: look for OVER). `--no-build` measures the current pkg/ and dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--no-build" ]; then
  shift
else
  bash scripts/build.sh
fi
exec node tools/size-report.mjs "$@"
