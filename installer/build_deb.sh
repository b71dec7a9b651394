#!/usr/bin/env bash
# Package the frozen bundle dist/reliefdesk/ (installer/build.sh) as a Debian package for
# Linux office desktops (统信UOS, 银河麒麟, Debian/Ubuntu), amd64 or arm64 as built.
#
#     bash installer/build_deb.sh            -> dist/reliefdesk_<version>_<arch>.deb
#
# DEB_COMPRESSION=xz (default: smallest, ~90 MB, a few minutes) or gzip (CI: ~4x faster).
#
# Layout: the program in /opt/reliefdesk, launchers /usr/bin/reliefdesk and
# /usr/bin/reliefdesk-admin, menu entries "reliefdesk 社会救助经办系统" and "reliefdesk 演示数据"
# (office category), the icon in the hicolor theme. Nothing is written for users at install
# time: each user's database, logs and backups live in the XDG data folder
# (~/.local/share/reliefdesk), which removing or upgrading the package never touches.
# Needs only dpkg-deb (no fakeroot: --root-owner-group).
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=dist/reliefdesk
[ -x "$BUNDLE/reliefdesk" ] || { echo "build_deb: run installer/build.sh first" >&2; exit 2; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' reliefdesk/__init__.py)
ARCH=$(dpkg --print-architecture)
OUT="dist/reliefdesk_${VERSION}_${ARCH}.deb"
ROOT=build/deb/root
start=$(date +%s)
rm -rf build/deb
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
  "$ROOT/usr/share/icons/hicolor/256x256/apps" "$ROOT/usr/share/doc/reliefdesk"
cp -a "$BUNDLE" "$ROOT/opt/reliefdesk"
chmod -R u+rwX,go+rX,go-w "$ROOT/opt/reliefdesk"

for exe in reliefdesk reliefdesk-admin; do
  cat >"$ROOT/usr/bin/$exe" <<EOF
#!/bin/sh
exec /opt/reliefdesk/$exe "\$@"
EOF
  chmod 755 "$ROOT/usr/bin/$exe"
done

install -m 644 reliefdesk/ui/assets/reliefdesk.png \
  "$ROOT/usr/share/icons/hicolor/256x256/apps/reliefdesk.png"
for entry in installer/linux/*.desktop; do
  install -m 644 "$entry" "$ROOT/usr/share/applications/"
done
cat >"$ROOT/usr/share/doc/reliefdesk/copyright" <<'EOF'
reliefdesk 社会救助经办系统. Bundled third-party components keep their own licences
(Qt/PySide6: LGPLv3; Python: PSF; reportlab: BSD; SQLAlchemy/Alembic: MIT).
EOF

SIZE_KB=$(du -sk "$ROOT" | cut -f1)
cat >"$ROOT/DEBIAN/control" <<EOF
Package: reliefdesk
Version: $VERSION
Architecture: $ARCH
Maintainer: reliefdesk <it@reliefdesk.invalid>
Installed-Size: $SIZE_KB
Section: misc
Priority: optional
Depends: libc6, libfontconfig1, libfreetype6, libxkbcommon0, libgl1, libegl1, libdbus-1-3
Recommends: fonts-wqy-zenhei | fonts-arphic-uming, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, xdg-utils
Description: reliefdesk 社会救助经办系统 (township social-assistance casework)
 Register of households, dibao/tekun/temporary-aid applications through their legal
 steps, home visits, approvals, monthly payment rosters, bank export and printed forms.
 Per-user data lives in ~/.local/share/reliefdesk and is kept on removal.
EOF
cat >"$ROOT/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
exit 0
EOF
cp "$ROOT/DEBIAN/postinst" "$ROOT/DEBIAN/postrm"
chmod 755 "$ROOT/DEBIAN/postinst" "$ROOT/DEBIAN/postrm"

COMPRESSION=${DEB_COMPRESSION:-xz}
case "$COMPRESSION" in
  xz|gzip) ;;
  *) echo "build_deb: DEB_COMPRESSION must be xz or gzip" >&2; exit 2 ;;
esac
dpkg-deb --root-owner-group -Z"$COMPRESSION" -z6 --threads-max="$(nproc)" \
  --build "$ROOT" "$OUT" >/dev/null
echo "build_deb: $OUT ready: $(du -m "$OUT" | cut -f1) MB, $(( $(date +%s) - start )) s"
