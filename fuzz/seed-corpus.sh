#!/usr/bin/env bash
# Seeds the fuzz corpora from the shipped plans and the case tables.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load_plan corpus/evaluate
for f in ../plans/*/*.toml; do cp "$f" "corpus/load_plan/$(basename "$(dirname "$f")")-$(basename "$f")"; done
python3 - <<'PY'
import json, pathlib, tomllib
out = pathlib.Path('corpus/evaluate')
for i, f in enumerate(sorted(pathlib.Path('../tests/cases').glob('*.toml'))):
    table = tomllib.loads(f.read_text())
    for j, case in enumerate(table['case']):
        (out / f'{f.stem}-{j}').write_bytes(bytes([i]) + json.dumps(case['facts'], ensure_ascii=False).encode())
PY
