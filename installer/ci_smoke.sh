#!/usr/bin/env bash
# CI step (called by .ci/run after the test suite): build the frozen program on Linux, smoke-test
# it from outside the source tree, package it as a .deb, install that with dpkg -i, smoke-test
# the installed files, and remove the package again. Fails on the first problem.
#
#     bash installer/ci_smoke.sh
#
# RELIEFDESK_BUILD_PYTHON (default .venv/bin/python, as made by scripts/setup.sh) gets the
# project's build extra (PyInstaller). The .deb install needs root (or sudo); without either
# that half is reported and fails, because CI must test it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${RELIEFDESK_BUILD_PYTHON:-.venv/bin/python}
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
t0=$(date +%s)
elapsed() { echo $(( $(date +%s) - t0 )); }

# PyInstaller reads shared-library dependencies with objdump (binutils); xvfb-run needs xauth.
missing=""
for p in binutils xauth xvfb poppler-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "ci_smoke: installing Debian packages:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

"$PY" -m pip install -q -e '.[build]'

t_build=$(date +%s)
bash installer/build.sh "$PY"
build_s=$(( $(date +%s) - t_build ))
bundle_mb=$(du -sm dist/reliefdesk | cut -f1)

bash installer/smoke.sh dist/reliefdesk bundle

DEB_COMPRESSION=gzip bash installer/build_deb.sh
deb=$(ls -t dist/reliefdesk_*.deb | head -1)
deb_mb=$(du -m "$deb" | cut -f1)

if dpkg-query -W -f='${Status}' reliefdesk 2>/dev/null | grep -q "install ok installed"; then
  echo "ci_smoke: reliefdesk is already installed on this machine; refusing to replace it" >&2
  exit 1
fi
cleanup() { $SUDO dpkg --purge reliefdesk >/dev/null 2>&1 || true; }
trap cleanup EXIT
$SUDO dpkg -i "$deb"
stamp=$(mktemp)
test -f /usr/share/applications/reliefdesk.desktop
test -f /usr/share/applications/reliefdesk-demo.desktop
test -f /usr/share/icons/hicolor/256x256/apps/reliefdesk.png
bash installer/smoke.sh /usr/bin deb
# Per-user data only: running the installed program wrote nothing into the program folder.
written=$(find /opt/reliefdesk -newer "$stamp" | head -5)
rm -f "$stamp"
if [ -n "$written" ]; then
  echo "ci_smoke: the installed program wrote into /opt/reliefdesk:" >&2
  echo "$written" >&2
  exit 1
fi
$SUDO dpkg -r reliefdesk
$SUDO dpkg --purge reliefdesk >/dev/null  # forget the removed package entirely
trap - EXIT
if [ -e /opt/reliefdesk ] || [ -e /usr/bin/reliefdesk ]; then
  echo "ci_smoke: dpkg -r left files behind" >&2
  exit 1
fi
echo "ci_smoke: passed in $(elapsed) s (build ${build_s} s, bundle ${bundle_mb} MB, .deb ${deb_mb} MB)"
