#!/usr/bin/env bash
# Store benchmark: ingest a few thousand articles into a fresh database and time typical
# queries, beside baselines measured in the same run (`dyad code` to JSONL on the same
# corpus; grep over that JSONL for the same selections).
#
#   bench/store/run.sh [ARTICLES]       (default 3000)
#
# The corpus is built at run time in a temporary folder: the NGEC synthetic stories read
# from ../shared (never copied into the project), or, without ../shared, the example
# articles repeated with distinct ids.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cargo build --release -q -p dyad-cli --manifest-path "$root/Cargo.toml"
exec python3 "$here/bench.py" "${CARGO_TARGET_DIR:-$root/target}/release/dyad" "${1:-3000}"
