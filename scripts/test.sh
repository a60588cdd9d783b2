#!/usr/bin/env bash
# Install what the tests need (PostgreSQL and Chromium from Debian, the Python test extras) and run the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  need=()
  command -v pg_ctlcluster >/dev/null || need+=(postgresql)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || \
      echo "warning: could not install ${need[*]}; the tests that need them will be skipped"
  fi
fi

[ -d .venv ] || "$PY" -m venv .venv
. .venv/bin/activate
pip install -q --upgrade pip
pip install -q -e ".[test]"

# PostgreSQL on loopback for the store tests (skipped when it cannot start).
if [ -x scripts/start-postgres.sh ]; then
  if url=$(bash scripts/start-postgres.sh); then export ACCORDS_TEST_POSTGRES="$url"; fi
fi

python -m pytest -q "$@"
