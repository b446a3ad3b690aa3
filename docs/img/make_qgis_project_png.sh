#!/usr/bin/env bash
# Regenerates docs/img/qgis_project.png, the README's picture of the QGIS project a run
# writes: `incimap run examples`, then incimap.qgz opened and rendered by PyQGIS
# (tests/qgis/check_project.py, which also checks it).
#   usage: docs/img/make_qgis_project_png.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build}"
work=$(mktemp -d /tmp/incimap-qgis-project.XXXXXX)
trap 'rm -rf "$work"' EXIT
QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$root/tests/qgis/check_project.py" \
  "$build/incimap" "$root/examples" "$work/project" "$root/docs/img/qgis_project.png"
