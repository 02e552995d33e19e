#!/usr/bin/env bash
# Makes the HTML report screenshots in docs/img/ from the leaky-service dumps in testdata/.
# Needs Debian's chromium and pngquant (apt-get install -y chromium pngquant). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bin/leakscan analyze testdata/leaky-service-after.hprof.gz --format html -o "$work/analyze.html" -q
bin/leakscan diff testdata/leaky-service-before.hprof.gz testdata/leaky-service-after.hprof.gz \
    --max-growth 1MB --format html -o "$work/diff.html" -q >/dev/null || true   # exit 1: the gate is crossed

shot() { # page, png, height, extra chromium flags...
  local page="$1" png="$2" height="$3"
  shift 3
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
      --user-data-dir="$work/profile-$(basename "$png")" --window-size=1100,"$height" "$@" \
      --screenshot="$work/raw.png" "file://$page" 2>/dev/null
  pngquant --force --quality=60-85 --output "$png" "$work/raw.png"
}
shot "$work/analyze.html" docs/img/analyze.png 1150
shot "$work/analyze.html" docs/img/analyze-dark.png 1150 --blink-settings=preferredColorScheme=0
shot "$work/diff.html" docs/img/diff.png 1350
ls -l docs/img/*.png
