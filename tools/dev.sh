#!/usr/bin/env bash
# The README's two commands. On a fresh Debian 12 machine (root, or a user with sudo):
#   tools/dev.sh run [viewer options]   install what is missing, build, open the map
#   tools/dev.sh test                   install what is missing, build, run every test
# Only Debian 12 packages are used; apt-get runs only when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in
  run|test|build) shift ;;
  *) echo "usage: tools/dev.sh run [viewer options] | test | build" >&2; exit 2 ;;
esac

packages=(
  build-essential cmake pkg-config git
  libgdal-dev libproj-dev libgeos-dev            # data, CRS, geometry
  libglfw3-dev libimgui-dev libstb-dev python3-glad  # window, UI (+ its stb), GL loader generator
  libegl-dev libegl1-mesa-dev libgl1-mesa-dri    # offscreen rendering (Mesa llvmpipe)
  libpng-dev libdeflate-dev libisal-dev libfreetype-dev nlohmann-json3-dev
  fonts-dejavu-core                              # å ä ö – − ≤ ≥ ·
  libgtest-dev googletest
  gdal-bin python3-gdal                          # ogrinfo, validate_gpkg.py in tests
  xvfb xauth                                     # the viewer's window test
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "dev.sh: installing ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"

case "$mode" in
  run)  exec build/geso-atlas "$@" ;;
  test) cd build && exec ctest --output-on-failure -j"$jobs" ;;
esac
