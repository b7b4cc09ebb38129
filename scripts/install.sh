#!/usr/bin/env bash
# Installs the course into ./.venv from this repository's own files (sourced by open.sh and test.sh).
# Usage: source scripts/install.sh [EXTRAS]   e.g. EXTRAS="test"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Python 3.11 or newer is needed (found: $("$PY" --version 2>&1)). Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
spec="."
[ -n "${EXTRAS:-}" ] && spec=".[${EXTRAS}]"
.venv/bin/python -m pip install --quiet --editable "$spec"
# nbgrader calls `alembic` by name, so the environment's bin directory goes first on PATH.
export PATH="$PWD/.venv/bin:$PATH"
