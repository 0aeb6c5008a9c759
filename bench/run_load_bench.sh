#!/bin/bash
# Load-pipeline benchmark (issue 2, item 9): geso-bench-load (read → validate
# → reproject → triangulate + labels, as loadProject) against the GDAL floor
# `ogr2ogr -f Memory -t_srs EPSG:3857 mem FILE`, whole process, warm cache.
#
#   bench/run_load_bench.sh [SIZES] [RUNS]     e.g.  bench/run_load_bench.sh 14,10000,100000 10
#
# 1. generates bench/data/areas_N.{gpkg,shp} with ../shared/bench/gen_data.py (once; git-ignored);
# 2. builds geso-bench-load (Release) in build-bench/ unless GESO_BENCH_BIN points at one;
# 3. per file: hyperfine (1 warm-up, RUNS counted runs each, medians in JSON/markdown), then
#    RUNS alternating pairs under /usr/bin/time for wall time and peak RSS (drift on a shared
#    2-core machine hits both sides alike).
# Results go to bench/out/ (git-ignored); the summary is printed at the end.
# Needs: hyperfine, gdal-bin, python3-scipy, python3-gdal (installed with apt-get if missing, as root).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
sizes=${1:-14,1000,10000,100000}
runs=${2:-10}
shared=${GESO_SHARED_DIR:-$repo/../shared}
gen="$shared/bench/gen_data.py"
data="$here/data"
out="$here/out"
mkdir -p "$data" "$out"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v ogr2ogr >/dev/null || need+=(gdal-bin)
[ -x /usr/bin/time ] || need+=(time)
/usr/bin/python3 -c 'import scipy' 2>/dev/null || need+=(python3-scipy)
/usr/bin/python3 -c 'from osgeo import ogr' 2>/dev/null || need+=(python3-gdal)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi

missing=()
for n in ${sizes//,/ }; do
  [ -s "$data/areas_$n.gpkg" ] && [ -s "$data/areas_$n.shp" ] || missing+=("$n")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ -f "$gen" ] || { echo "run_load_bench.sh: $gen not found (set GESO_SHARED_DIR)" >&2; exit 1; }
  list=$(IFS=,; echo "${missing[*]}")
  /usr/bin/python3 "$gen" --out "$data" --sizes "$list" --points ""
fi

bin=${GESO_BENCH_BIN:-}
if [ -z "$bin" ]; then
  cmake -S "$repo" -B "$repo/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$repo/build-bench" --target geso-bench-load -j2 >/dev/null
  bin="$repo/build-bench/geso-bench-load"
fi

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(lscpu | grep 'Model name' | sed 's/  */ /g'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "load before: $(uptime | sed 's/.*load average/load average/')"
  echo "gdal: $(gdal-config --version 2>/dev/null || ogr2ogr --version)"
} | tee "$out/machine.txt"

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

summary="$out/summary.tsv"
printf 'file\tgeso_wall_s\togr2ogr_wall_s\tratio\tpair_ratio\tgeso_peak_KB\togr2ogr_peak_KB\tvertices\traw_coord_KB\tpeak/raw\n' > "$summary"
files=()
for n in ${sizes//,/ }; do files+=("areas_$n.gpkg"); done
case ",$sizes," in *,100000,*) files+=("areas_100000.shp");; esac
cd "$here"
for f in "${files[@]}"; do
  A="$bin data/$f --crs EPSG:3857"
  B="ogr2ogr -f Memory -t_srs EPSG:3857 mem data/$f"
  tag=${f/./_}
  hyperfine -N -w 1 -r "$runs" --export-json "$out/$tag.json" --export-markdown "$out/$tag.md" \
    -n geso-bench-load "$A" -n ogr2ogr "$B" >"$out/$tag.hyperfine.txt" 2>&1 || true
  $A > "$out/$tag.phases.txt"
  : > "$out/$tag.pairs.tsv"
  for i in $(seq "$runs"); do
    a=$( { /usr/bin/time -f '%e %M' $A >/dev/null; } 2>&1 | tail -1)
    b=$( { /usr/bin/time -f '%e %M' $B >/dev/null; } 2>&1 | tail -1)
    echo "$a $b" >> "$out/$tag.pairs.tsv"
  done
  wa=$(awk '{print $1}' "$out/$tag.pairs.tsv" | median)
  wb=$(awk '{print $3}' "$out/$tag.pairs.tsv" | median)
  ma=$(awk '{print $2}' "$out/$tag.pairs.tsv" | median)
  mb=$(awk '{print $4}' "$out/$tag.pairs.tsv" | median)
  pr=$(awk '{printf "%.3f\n", $1/$3}' "$out/$tag.pairs.tsv" | median)
  verts=$(awk '/^vertices/{print $2}' "$out/$tag.phases.txt")
  raw=$(( verts * 16 / 1024 ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$f" "$wa" "$wb" \
    "$(awk -v a="$wa" -v b="$wb" 'BEGIN{printf "%.2f", a/b}')" "$pr" "$ma" "$mb" "$verts" "$raw" \
    "$(awk -v a="$ma" -v r="$raw" 'BEGIN{printf "%.2f", a/r}')" >> "$summary"
done
echo "load after: $(uptime | sed 's/.*load average/load average/')" | tee -a "$out/machine.txt"
echo
column -t -s $'\t' "$summary"
echo
for f in "${files[@]}"; do tag=${f/./_}; echo "== $f"; cat "$out/$tag.md"; grep '^phase' "$out/$tag.phases.txt"; done
