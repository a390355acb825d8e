#!/usr/bin/env bash
# Make (or reuse) the project's Python environment in .venv/ (ignored by git) and install the
# dyad package into it from this checkout.
#
#   scripts/py-env.sh            # maturin, pytest, pyarrow, pandas + `pip install .`
#   scripts/py-env.sh --spark    # the same, plus pyspark (for examples/spark and bench/)
#
# Requirements are reinstalled only when their files change (a stamp per file), so CI reruns
# reuse the environment; the Rust build reuses target/ like any cargo build.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
PY=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
fi
install_reqs() {
  local file=$1 stamp
  stamp="$VENV/.stamp-$(basename "$file")-$(sha256sum "$file" | cut -c1-16)"
  if [ ! -e "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q -r "$file"
    touch "$stamp"
  fi
}
install_reqs python/requirements-dev.txt
if [ "${1:-}" = "--spark" ]; then
  install_reqs python/requirements-spark.txt
fi
# The package itself, the way a user installs it (maturin is already in the venv, so no
# isolated build environment has to be downloaded). Cargo rebuilds only what changed.
# DYAD_PY_PROFILE=dev (what .ci/run uses) reuses the debug build of `cargo test`.
export PATH="$PWD/$VENV/bin:$PATH"
if [ -n "${DYAD_PY_PROFILE:-}" ]; then
  export MATURIN_PEP517_ARGS="--profile $DYAD_PY_PROFILE"
fi
"$VENV/bin/python" -m pip install -q --no-build-isolation --force-reinstall --no-deps .
