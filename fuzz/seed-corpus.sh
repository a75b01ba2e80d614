#!/usr/bin/env bash
# Seeds the fuzz corpora from the shipped plans and the case tables.
#   corpus/load_plan: every plans/<city>/*.toml as it ships.
#   corpus/evaluate:  every case's facts, after one byte naming the case table's plan: its index among
#                     the plan ids in sorted order (what fuzz_targets/evaluate.rs picks by; high bits 0,
#                     the tables' default `now`).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load_plan corpus/evaluate
for f in ../plans/*/*.toml; do cp "$f" "corpus/load_plan/$(basename "$(dirname "$f")")-$(basename "$f")"; done
python3 - <<'PY'
import json, pathlib, sys, tomllib
ids = sorted(tomllib.loads(f.read_text())['plan']['id'] for f in pathlib.Path('../plans').glob('*/*.toml'))
if len(ids) > 16:
    sys.exit(f'seed-corpus.sh: {len(ids)} plans, but the evaluate target picks among 16 at most')
out = pathlib.Path('corpus/evaluate')
n = 0
for f in sorted(pathlib.Path('../tests/cases').glob('*.toml')):
    table = tomllib.loads(f.read_text())
    if table['plan'] not in ids:
        sys.exit(f'seed-corpus.sh: {f} names plan {table["plan"]!r}, which no plan file has')
    pick = ids.index(table['plan'])
    for j, case in enumerate(table['case']):
        (out / f'{f.stem}-{j}').write_bytes(bytes([pick]) + json.dumps(case['facts'], ensure_ascii=False).encode())
        n += 1
print(f'seed-corpus.sh: {len(list(pathlib.Path("corpus/load_plan").iterdir()))} plan files, {n} fact sets')
PY
