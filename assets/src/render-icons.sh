#!/usr/bin/env bash
# Renders the committed PNG/ICO/ICNS icons from the SVG sources beside this script.
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
out=..

# App icon: 1024 px PNG (electron-builder and Linux), multi-size ICO (Windows), ICNS (macOS).
rsvg-convert -w 1024 -h 1024 icon.svg -o "$out/icon.png"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "/tmp/clearfacts-icon-$size.png"
done
convert /tmp/clearfacts-icon-{16,24,32,48,64,128,256}.png "$out/icon.ico"
png2icns "$out/icon.icns" /tmp/clearfacts-icon-{16,32,128,256,512}.png >/dev/null
rm -f /tmp/clearfacts-icon-*.png

# Tray icons: 16 px and @2x (32 px) for every state; macOS gets black "Template" variants.
for state in idle uploading paused attention; do
  for variant in "" Template; do
    name="tray-$state$variant"
    rsvg-convert -w 16 -h 16 "$name.svg" -o "$out/tray/$name.png"
    rsvg-convert -w 32 -h 32 "$name.svg" -o "$out/tray/$name@2x.png"
  done
done
