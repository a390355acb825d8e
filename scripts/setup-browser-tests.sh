#!/usr/bin/env bash
# Installs what the browser tests need: Debian's chromium (apt-get, when missing and when
# possible) and npm playwright-core into web/tests/node_modules (ignored by git).
# Exit status 0 even when chromium cannot be installed: the tests then say they were skipped
# (unless DYAD_REQUIRE_BROWSER=1, as in .ci/run).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing chromium"
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo -n"; fi
  if command -v apt-get >/dev/null; then
    $SUDO apt-get install -y -q chromium >/dev/null 2>&1 \
      || { $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO apt-get install -y -q chromium >/dev/null 2>&1; } \
      || echo "setup: chromium could not be installed"
  else
    echo "setup: no apt-get; chromium could not be installed"
  fi
fi

if [ ! -d web/tests/node_modules/playwright-core ]; then
  echo "setup: npm install playwright-core (web/tests/node_modules)"
  (cd web/tests && npm install --no-audit --no-fund --silent) || { echo "setup: npm install failed"; exit 1; }
fi
