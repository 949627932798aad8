#!/usr/bin/env bash
# Sizes the bulk_water video (1 µm latex beads, bright field) with `./exotrace nta video`, then compares
# the result with trackpy's MSD route on the same tracks (compare_trackpy.py; trackpy must be installed
# for $PYTHON, default python3, or that step exits 3 and says how to install it).
#
#   exotrace-bench/scripts/run_compare_bulk_water.sh [FRAMES] [more nta video options, e.g. --method histogram]
#
# FRAMES: a folder of frames (or any video nta video reads); default $EXOTRACE_SHARED_DATA/bulk_water when
# that is set, else ../shared/data/bulk_water beside the repository. Settings of that video: 350.877 nm per
# pixel, 24 fps, 22 °C. The tracks CSV and the JSON are kept in $OUT_DIR (default: a new temporary folder).
# $EXOTRACE is the launcher to run (default: the repository's ./exotrace, which builds on first use).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PIXEL_SIZE_NM=350.877
FPS=24
TEMPERATURE_C=22

if [ -n "${EXOTRACE_SHARED_DATA:-}" ]; then
  FRAMES="$EXOTRACE_SHARED_DATA/bulk_water"
else
  FRAMES="$ROOT/../shared/data/bulk_water"
fi
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  FRAMES="$1"
  shift
fi
if [ ! -e "$FRAMES" ]; then
  echo "no frames at $FRAMES: give the folder as the first argument, or set EXOTRACE_SHARED_DATA" >&2
  exit 2
fi

OUT="${OUT_DIR:-$(mktemp -d -t exotrace-trackpy-XXXXXX)}"
mkdir -p "$OUT"
echo "exotrace nta video on $FRAMES; tracks and JSON in $OUT" >&2
"${EXOTRACE:-$ROOT/exotrace}" nta video --frames "$FRAMES" --pixel-size-nm "$PIXEL_SIZE_NM" --fps "$FPS" \
  --temperature-c "$TEMPERATURE_C" --bootstrap 0 --tracks-out "$OUT/tracks.csv" --json "$@" >"$OUT/exotrace.json"
"${PYTHON:-python3}" "$ROOT/exotrace-bench/scripts/compare_trackpy.py" --tracks "$OUT/tracks.csv" \
  --json "$OUT/exotrace.json" --pixel-size-nm "$PIXEL_SIZE_NM" --fps "$FPS" --temperature-c "$TEMPERATURE_C"
