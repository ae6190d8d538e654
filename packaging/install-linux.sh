#!/bin/sh
# Install the built bundle for the current user: dist/market-reader/ into ~/.local/lib, a command link into
# ~/.local/bin, the desktop entry and the icons into ~/.local/share. Run `make package` first.
# Uninstall: ./install-linux.sh --uninstall
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUNDLE=${BUNDLE:-$ROOT/dist/market-reader}
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
LIBDIR=$HOME/.local/lib/market-reader
BINDIR=$HOME/.local/bin
SIZES="16 24 32 48 64 128 256 512"

uninstall() {
    rm -rf "$LIBDIR"
    rm -f "$BINDIR/market-reader" "$DATA/applications/market-reader.desktop"
    rm -f "$DATA/icons/hicolor/scalable/apps/market-reader.svg"
    for size in $SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/market-reader.png"
    done
}

refresh() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    refresh
    echo "Market Reader removed (your library in $DATA/market-reader is kept)."
    exit 0
fi

if [ ! -x "$BUNDLE/market-reader" ]; then
    echo "$BUNDLE/market-reader not found: build it first with 'make package'." >&2
    exit 1
fi

mkdir -p "$LIBDIR" "$BINDIR" "$DATA/applications" "$DATA/icons/hicolor/scalable/apps"
rm -rf "$LIBDIR"
cp -R "$BUNDLE" "$LIBDIR"
ln -sf "$LIBDIR/market-reader" "$BINDIR/market-reader"
# Exec with the full path, so the entry works even when ~/.local/bin is not on the desktop's PATH.
sed -e "s|^Exec=market-reader|Exec=$LIBDIR/market-reader|" -e "s|^TryExec=market-reader|TryExec=$LIBDIR/market-reader|" \
    "$HERE/market-reader.desktop" > "$DATA/applications/market-reader.desktop"
cp "$ROOT/resources/icons/market-reader.svg" "$DATA/icons/hicolor/scalable/apps/market-reader.svg"
for size in $SIZES; do
    mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
    cp "$ROOT/resources/icons/market-reader-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/market-reader.png"
done
refresh
echo "Market Reader installed: $BINDIR/market-reader and the menu entry 'Market Reader'."
