#!/usr/bin/env bash
# The static gates of docs/architecture.md: lint (ruff check), format (ruff format --check)
# and types (mypy, strict for domain/models/db/services/documents; see pyproject.toml).
# Runs every gate, prints each finding, and exits non-zero if any gate found anything.
# Usage: bash scripts/gates.sh            (uses .venv/bin/ when present, else PATH)
set -uo pipefail
cd "$(dirname "$0")/.."

BIN=""
if [ -x .venv/bin/ruff ]; then BIN=".venv/bin/"; fi

status=0
run() {
  echo "gates: $*"
  "$@" || status=1
}
run "${BIN}ruff" check --output-format concise .
run "${BIN}ruff" format --check --output-format concise .
run "${BIN}mypy"
if [ "$status" -ne 0 ]; then
  echo "gates: FAILED (fix the findings above; 'ruff check --fix' and 'ruff format' do most)" >&2
else
  echo "gates: clean"
fi
exit "$status"
