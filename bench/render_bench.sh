#!/bin/bash
# Render benchmark (issue 4 item 8): `geso-atlas render` against QGIS 3.22
# drawing the same choropleth headlessly (../shared/bench/qgis_render.py):
# EPSG:3008 → EPSG:3857, 5 quantile classes of `value`, 3840x2160 PNG, whole
# processes, warm cache. Never run in CI.
#
#   bench/render_bench.sh [BINARY] [DATA_DIR] [RUNS]
#     BINARY    default: build/geso-atlas
#     DATA_DIR  default: bench/data, made with  ../shared/bench/gen_data.py --out DATA_DIR
#     RUNS      paired runs per dataset (default 10; 5 for the 100k files)
# Needs ../shared/bench/install_peers.sh (QGIS, hyperfine) once, as root.
#
# Per dataset: RUNS alternating pairs geso, QGIS, geso, QGIS … under
# /usr/bin/time (wall, peak RSS), so drift on the 2-core machine hits both alike;
# medians and the median of the per-pair ratios. Then frames/s while panning
# (--pan-frames) at 1920x1080 and 3840x2160. Results: bench/out/render-*.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
bin=$(realpath "${1:-$repo/build/geso-atlas}")
data=$(realpath "${2:-$here/data}")
runs=${3:-10}
peers=${GESO_SHARED_DIR:-$repo/../shared}/bench
out="$here/out"
mkdir -p "$out"
[ -x "$bin" ] || { echo "render_bench.sh: no binary $bin" >&2; exit 1; }
[ -f "$peers/qgis_render.py" ] || { echo "render_bench.sh: $peers/qgis_render.py not found" >&2; exit 1; }
/usr/bin/python3 -c 'import qgis.core' 2>/dev/null || { echo "render_bench.sh: run $peers/install_peers.sh first" >&2; exit 1; }

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(lscpu | grep 'Model name' | sed 's/  */ /g'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "load before: $(uptime | sed 's/.*load average/load average/')"
  echo "binary: $bin ($("$bin" --version))"
} | tee "$out/render-machine.txt"

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

summary="$out/render-summary.tsv"
printf 'job\tgeso_wall_s\tqgis_wall_s\tpair_ratio\tgeso_peak_MiB\tqgis_peak_MiB\n' > "$summary"
job() {  # label, geso arguments, qgis arguments
  local label=$1 a="$bin render $2 --crs EPSG:3857 --size 3840x2160 --out /tmp/bench_geso.png"
  local b="env QT_QPA_PLATFORM=offscreen /usr/bin/python3 $peers/qgis_render.py $3 --size 3840x2160 --out /tmp/bench_qgis.png"
  local n=$runs
  case $label in *100000*) n=$(( runs < 5 ? runs : 5 ));; esac
  echo "== $label"; echo "   geso: $a"; echo "   qgis: $b"
  (cd "$peers" && $a >/dev/null 2>&1 && $b >/dev/null 2>&1)  # warm-up (page cache, shader cache)
  : > "$out/render-$label.pairs"
  local t="$out/render-time.txt"
  for _ in $(seq "$n"); do
    (cd "$peers" && /usr/bin/time -o "$t" -f '%e %M' $a >/dev/null 2>&1); ga=$(tail -1 "$t")
    (cd "$peers" && /usr/bin/time -o "$t" -f '%e %M' $b >/dev/null 2>&1); gb=$(tail -1 "$t")
    echo "$ga $gb" >> "$out/render-$label.pairs"
  done
  local wa wb ma mb pr
  wa=$(awk '{print $1}' "$out/render-$label.pairs" | median)
  wb=$(awk '{print $3}' "$out/render-$label.pairs" | median)
  ma=$(awk '{print $2 / 1024}' "$out/render-$label.pairs" | median)
  mb=$(awk '{print $4 / 1024}' "$out/render-$label.pairs" | median)
  pr=$(awk '{printf "%.2f\n", $3 / $1}' "$out/render-$label.pairs" | median)
  printf '%s\t%s\t%s\t%s\t%.0f\t%.0f\n' "$label" "$wa" "$wb" "$pr" "$ma" "$mb" >> "$summary"
  (cd "$peers" && $a --timings 2>&1 >/dev/null | grep -E '^(phase|areas)' | sed 's/^/   /') || true
}

q="--field value --method quantile --classes 5"
job areas_14.gpkg "--areas $data/areas_14.gpkg $q" "--areas $data/areas_14.gpkg --field value --classes 5 --method quantile"
job areas_10000.gpkg "--areas $data/areas_10000.gpkg $q" "--areas $data/areas_10000.gpkg --field value --classes 5 --method quantile"
job areas_100000.gpkg "--areas $data/areas_100000.gpkg $q" "--areas $data/areas_100000.gpkg --field value --classes 5 --method quantile"
job areas_100000.shp "--areas $data/areas_100000.shp $q" "--areas $data/areas_100000.shp --field value --classes 5 --method quantile"
job points_100000.gpkg "--areas $data/areas_14.gpkg $q --initiatives $data/points_100000.gpkg" \
    "--areas $data/areas_14.gpkg --points $data/points_100000.gpkg --field value --classes 5 --method quantile"

[ "${SKIP_PAN:-0}" = 1 ] || {
echo "== panning (frames/s under llvmpipe, map + overlay every frame, full detail as in the viewer)"
for size in 1920x1080 3840x2160; do
  "$bin" render --size "$size" --pan-frames 200 --out /tmp/bench_geso.png | sed "s/^/   bundled map: /"
  "$bin" render --areas "$data/areas_100000.gpkg" --field value --crs EPSG:3857 --size "$size" --pan-frames 200 \
    --out /tmp/bench_geso.png | sed "s/^/   areas_100000: /"
done | tee "$out/render-pan.txt"
}
echo "load after: $(uptime | sed 's/.*load average/load average/')" | tee -a "$out/render-machine.txt"
echo
column -t -s $'\t' "$summary"
