#!/bin/sh
# incimap's heatmap against QGIS's on the same points, in the same run, at 1k, 10k and 100k
# incidents. Prints a Markdown table with the ratio QGIS time / incimap time.
#   bench/heatmap_vs_qgis.sh BUILD_DIR [extra options of tests/qgis/heatmap_vs_qgis.py]
# incimap's time is the whole `incimap heatmap` process (start-up, reading the GeoJSON,
# projection, kernel, GeoTIFF; --no-png); QGIS's is reprojection plus its heatmap algorithm
# inside an already running QGIS (start-up excluded), so the comparison favours QGIS.
set -eu
build=${1:?usage: $0 BUILD_DIR}
shift
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
[ -x "$python" ] || python=python3
exec "$python" "$here/../tests/qgis/heatmap_vs_qgis.py" bench --incimap "${INCIMAP_EXE:-$build/incimap}" "$@"
