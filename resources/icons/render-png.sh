#!/usr/bin/env bash
# Renders the SVG icons (the sources) to the PNG sizes the app loads and packaging installs:
#   hicolor/<N>x<N>/apps/webinargeek-connect.png          the window's (and the menu entry's) icon
#   hicolor/<N>x<N>/status/webinargeek-connect-tray-*.png  the tray's four states
# PNGs, because drawing an SVG makes Qt load Qt Svg and its icon engine at start-up. Run it after
# changing an SVG and commit the PNGs. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v rsvg-convert >/dev/null || { echo "render-png.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 2; }

sizes=(16 22 24 32 48 64 128 256)
render() { # svg, context, name
    local size
    for size in "${sizes[@]}"; do
        mkdir -p "hicolor/${size}x${size}/$2"
        rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio --format png \
            --output "hicolor/${size}x${size}/$2/$3.png" "$1"
    done
}
render webinargeek-connect.svg apps webinargeek-connect
for state in signed-in refreshing attention signed-out; do
    render "tray-$state.svg" status "webinargeek-connect-tray-$state"
done
