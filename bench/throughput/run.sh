#!/usr/bin/env bash
# Corpus throughput: `dyad code` on one core (the baseline) and on every core, the Python
# package, and the Spark job in local mode, on the NGEC synthetic stories read from
# ../shared at run time. Prints one Markdown table.
#
#   bench/throughput/run.sh [--limit N] [--no-spark]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
cargo build --release -q -p dyad-cli
scripts/py-env.sh --spark
exec .venv/bin/python bench/throughput/run.py --cli target/release/dyad "$@"
