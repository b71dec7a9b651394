#!/usr/bin/env bash
# Install what reliefdesk needs on a fresh Debian/Ubuntu machine, then the project itself
# (editable, with its test extra) into ./.venv. Safe to run again: it only adds what's missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Qt's xcb/offscreen runtime libraries, a CJK TrueType font for the UI and the PDFs,
# poppler for PDF checks, PostgreSQL for the shared-server half of the test suite, openssl for
# its TLS test server.
PKGS="python3-venv python3-pip fonts-wqy-zenhei fonts-arphic-uming poppler-utils postgresql openssl
 libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
 libxrender1 libxi6 libsm6 libice6 libnss3 libasound2 xvfb"

if command -v apt-get >/dev/null 2>&1; then
  missing=""
  for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "setup: installing Debian packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
  fi
else
  echo "setup: apt-get not found; install Qt runtime libraries, a CJK font and PostgreSQL yourself" >&2
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "setup: ready (.venv)"
