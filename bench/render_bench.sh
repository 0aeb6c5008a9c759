#!/bin/sh
# Render-speed benchmark for `geso-atlas render` (issue 4 item 8): whole-process
# wall time (hyperfine) and peak memory (/usr/bin/time) on the generated areas,
# the job the QGIS peer does in ../shared/bench (EPSG:3008 → EPSG:3857, 5 quantile
# classes of `value`, 3840x2160 PNG), plus frames/s while panning.
#
# usage: bench/render_bench.sh [BINARY] [DATA_DIR]
#   BINARY    default: build/geso-atlas
#   DATA_DIR  default: /tmp/benchdata, made with
#             cd ../shared/bench && /usr/bin/python3 gen_data.py --out /tmp/benchdata --sizes 14,10000,100000
# Results go to stdout; copy the figures into docs/benchmarks-render.md.
set -eu
BIN=${1:-build/geso-atlas}
DATA=${2:-/tmp/benchdata}
OUT=${TMPDIR:-/tmp}/bench_geso.png
RUNS=${RUNS:-10}

command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
echo "machine: $(nproc) cores, $(uname -r), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "binary:  $BIN"

for n in 14 10000 100000; do
    f="$DATA/areas_$n.gpkg"
    [ -f "$f" ] || { echo "missing $f" >&2; continue; }
    cmd="$BIN render --areas $f --field value --method quantile --classes 5 --crs EPSG:3857 --size 3840x2160 --out $OUT"
    echo "== areas_$n: $cmd"
    r=$RUNS; [ "$n" = 100000 ] && r=5
    hyperfine -N -w 1 -r "$r" "$cmd"
    /usr/bin/time -f "peak %M KB  wall %e s" $cmd
    $cmd --timings 2>&1 | grep -E '^(phase|lod)' || true
done

echo "== panning (frames/s, llvmpipe; full detail as in the viewer)"
for size in 1920x1080 3840x2160; do
    "$BIN" render --size "$size" --pan-frames 60 --out "$OUT"
    [ -f "$DATA/areas_100000.gpkg" ] &&
        "$BIN" render --areas "$DATA/areas_100000.gpkg" --field value --crs EPSG:3857 --size "$size" --pan-frames 3 --out "$OUT"
done
