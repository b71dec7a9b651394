#!/usr/bin/env bash
# Smoke test of a frozen reliefdesk, run as an office would: from an empty folder outside the
# source tree, with a fresh HOME (so fresh per-user data and settings) and no Python around.
#
#     bash installer/smoke.sh BIN_DIR [LABEL]
#
# BIN_DIR holds the two programs `reliefdesk` and `reliefdesk-admin`: dist/reliefdesk for the
# bundle, /usr/bin for the installed .deb. The CLI creates an office database, generates a small
# demo office, runs a month's roster (generate, validate, lock, export), prints an application
# form (the PDF must embed its Chinese font) and runs the data check. The GUI then starts on that
# database and on the demo office, offscreen and (when xvfb-run exists) on the xcb platform;
# RELIEFDESK_SMOKE_QUIT_AFTER_LOGIN_SHOWN=1 makes it quit with exit code 0 right after the
# sign-in window is shown, printing a line this script checks. Any failure exits non-zero.
set -euo pipefail
BIN=$(cd "$1" && pwd)
LABEL=${2:-$BIN}
GUI="$BIN/reliefdesk"
CLI="$BIN/reliefdesk-admin"
for exe in "$GUI" "$CLI"; do
  [ -x "$exe" ] || { echo "smoke[$LABEL]: $exe missing" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/reliefdesk-smoke.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/run"
cd "$WORK/run"
# A clean environment: nothing from the build machine's Python or from the caller's data.
export HOME="$WORK/home"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV RELIEFDESK_HOME RELIEFDESK_DB XDG_DATA_HOME \
  XDG_CONFIG_HOME QT_PLUGIN_PATH QT_QPA_PLATFORM_PLUGIN_PATH || true
DATA="$HOME/.local/share/reliefdesk"
start=$(date +%s)

step() { echo "smoke[$LABEL]: $*"; }
fail() { echo "smoke[$LABEL]: FAILED: $*" >&2; exit 1; }
cli() {  # cli USER PASSWORD ARGS...: run the frozen CLI, fail on a non-zero exit
  local user=$1 password=$2; shift 2
  local -a who=()
  [ -n "$user" ] && who=(--user "$user")
  RELIEFDESK_PASSWORD="$password" "$CLI" --db office.sqlite3 "${who[@]}" "$@" \
    || fail "reliefdesk-admin ${who[*]} $* exited $?"
}

MONTH=$(date +%Y-%m)
step "CLI: init, check (a new office: encrypted with SQLCipher, the password opens it)"
RELIEFDESK_ADMIN_PASSWORD='Smoke#admin1' "$CLI" --db init.sqlite3 init --admin admin \
  --recovery-pdf recovery.pdf || fail "init exited $?"
head -c 5 recovery.pdf | grep -q '%PDF-' || fail "recovery.pdf is not a PDF"
RELIEFDESK_PASSWORD='Smoke#admin1' "$CLI" --db init.sqlite3 --user admin check | tail -1 \
  || fail "check of the new office"
if "$CLI" --db init.sqlite3 check >/dev/null 2>&1; then fail "encrypted office opened without a password"; fi
step "CLI: demo --households 60 --clean (demo data only ever goes into a demo database)"
cli "" "" demo --households 60 --clean
[ -f office.sqlite3.keys ] || fail "the demo office has no key file"
if head -c 16 office.sqlite3 | grep -q 'SQLite format 3'; then
  fail "the demo office is not encrypted (plain SQLite header)"
fi
step "CLI: roster generate/validate/lock/export $MONTH"
cli clerk 'Demo#clerk1' roster generate --month "$MONTH" --programme rural_dibao
cli clerk 'Demo#clerk1' roster validate --month "$MONTH" --programme rural_dibao
cli approver 'Demo#approver1' roster lock --month "$MONTH" --programme rural_dibao
cli clerk 'Demo#clerk1' roster export --month "$MONTH" --programme rural_dibao --out export
n=$(find export -name '*.xlsx' | wc -l)
[ "$n" -ge 2 ] || fail "roster export wrote $n workbooks"
step "CLI: forms application"
cli clerk 'Demo#clerk1' forms application --id 1 --out application.pdf
head -c 5 application.pdf | grep -q '%PDF-' || fail "application.pdf is not a PDF"
if command -v pdffonts >/dev/null 2>&1; then
  pdffonts application.pdf | awk 'NR>2 && $0 ~ /TrueType/ && $(NF-4)=="yes"' | grep -q . \
    || fail "application.pdf embeds no TrueType (Chinese) font"
fi
step "CLI: check (the encrypted demo office, opened with a demo user's password)"
cli admin 'Demo#admin1' check
[ -f office.sqlite3 ] || fail "office.sqlite3 not in the working folder"

gui() {  # gui PLATFORM ARGS...: start the GUI, expect the sign-in window and exit code 0
  local platform=$1; shift
  local out="$WORK/gui.out" rc=0
  local -a pre=()
  [ "$platform" = xcb ] && pre=(xvfb-run -a)
  QT_QPA_PLATFORM=$platform RELIEFDESK_SMOKE_QUIT_AFTER_LOGIN_SHOWN=1 \
    timeout 180 "${pre[@]}" "$GUI" "$@" >"$out" 2>&1 || rc=$?
  cat "$out"
  [ "$rc" -eq 0 ] || fail "GUI ($platform) $* exited $rc"
  grep -q '^reliefdesk-smoke: login window shown: 登录' "$out" \
    || fail "GUI ($platform) $* did not show the (Chinese) sign-in window"
}
step "GUI: offscreen on office.sqlite3"
gui offscreen --db office.sqlite3
step "GUI: offscreen, demo office (created on first start)"
gui offscreen --demo --demo-households 60
[ -f "$DATA/demo.sqlite3" ] || fail "demo office not in the per-user data folder $DATA"
if command -v xvfb-run >/dev/null 2>&1; then
  step "GUI: xcb (Xvfb) on the demo office"
  gui xcb --demo
fi
# Offices sharing a server: the frozen psycopg driver against a throwaway PostgreSQL cluster
# (when the PostgreSQL binaries are installed, as scripts/setup.sh does).
INITDB=$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$INITDB" ] && [ -x "$INITDB" ]; then
  step "CLI: init, demo, check on PostgreSQL"
  PGBIN=$(dirname "$INITDB")
  PGDIR=$(mktemp -d /tmp/reliefdesk-smoke-pg.XXXXXX)  # outside $WORK: postgres must reach it
  RUNAS=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGDIR"; RUNAS=(runuser -u postgres --); fi
  PGPORT=$(( 20000 + RANDOM % 20000 ))
  pg() { (cd / && "${RUNAS[@]}" "$@"); }
  pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust >/dev/null
  pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -w -l "$PGDIR/log" \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1" start >/dev/null
  trap 'pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1; rm -rf "$WORK" "$PGDIR"' EXIT
  PGURL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
  CREATEDB=$( ( [ -x "$PGBIN/createdb" ] && echo "$PGBIN/createdb" ) || command -v createdb \
    || ls -d /usr/lib/postgresql/*/bin/createdb 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$CREATEDB" ] || fail "createdb not found"
  pg "$CREATEDB" -h "$PGDIR" -p "$PGPORT" -U postgres demo || fail "createdb demo"
  PGDEMO="postgresql://postgres@127.0.0.1:$PGPORT/demo"
  RELIEFDESK_ADMIN_PASSWORD='Smoke#admin1' "$CLI" --db "$PGURL" init \
    || fail "init on PostgreSQL"
  "$CLI" --db "$PGURL" check | tail -1 || fail "check on PostgreSQL"
  "$CLI" --db "$PGDEMO" demo --households 20 --clean >/dev/null || fail "demo on PostgreSQL"
  "$CLI" --db "$PGDEMO" check | tail -1 || fail "check of the demo on PostgreSQL"
  pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null
  rm -rf "$PGDIR"
  trap 'rm -rf "$WORK"' EXIT
fi

LOG="$DATA/logs/reliefdesk.log"
[ -f "$LOG" ] || fail "no GUI log at $LOG"
if grep -E 'Missing translation|Cannot load translation|translation qtbase_.* not found|Traceback' \
    "$LOG"; then
  fail "the GUI log shows missing translations or a traceback"
fi
step "passed in $(( $(date +%s) - start )) s"
