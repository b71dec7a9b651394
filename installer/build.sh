#!/usr/bin/env bash
# Build the frozen program: dist/reliefdesk/ with reliefdesk (GUI) and reliefdesk-admin (CLI).
#
#     bash installer/build.sh [PYTHON]
#
# PYTHON (default: .venv/bin/python) must have the project installed with its build extra:
#     .venv/bin/pip install -e '.[build]'
# PyInstaller needs binutils (objdump) on Linux. Output: dist/reliefdesk/ (not committed);
# work files: build/pyinstaller/. See installer/README.md for the Windows build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-${PYTHON:-.venv/bin/python}}
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build: PyInstaller missing in $PY; run: $PY -m pip install -e '.[build]'" >&2
  exit 2
fi
start=$(date +%s)
rm -rf dist/reliefdesk
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/reliefdesk.spec
end=$(date +%s)
for exe in reliefdesk reliefdesk-admin; do
  test -x "dist/reliefdesk/$exe" || { echo "build: dist/reliefdesk/$exe missing" >&2; exit 1; }
done
size=$(du -sm dist/reliefdesk | cut -f1)
echo "build: dist/reliefdesk ready: ${size} MB, $((end - start)) s"
