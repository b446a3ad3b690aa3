#!/usr/bin/env bash
# Extraction throughput against grep -F over the gazetteer's names, measured in the same run.
#   bench/throughput.sh [BUILD_DIR] [bench_extract options...]
# BUILD_DIR defaults to ./build; $INCIMAP_GAZETTEER, when set, is used instead of the built one. Builds bench_extract and the gazetteer, exports the names
# (table names of gazetteer.sqlite) and prints the table of bench/README.md.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$src/build}"
[[ $# -gt 0 ]] && shift
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
if [[ -n "${INCIMAP_GAZETTEER:-}" ]]; then
  gazetteer="$INCIMAP_GAZETTEER"
  cmake --build "$build" -j"$(nproc)" --target bench_extract >/dev/null
else
  gazetteer="$build/gazetteer.sqlite"
  cmake --build "$build" -j"$(nproc)" --target bench_extract gazetteer_db >/dev/null
fi
names="$(mktemp)"
trap 'rm -f "$names"' EXIT
# Distinct names, empty ones out: an empty pattern would make grep match every line.
sqlite3 "$gazetteer" "SELECT DISTINCT name FROM names WHERE length(name) > 0" >"$names"
echo "baseline: grep -F -o -f NAMES | wc -l with $(wc -l <"$names") names ($(grep --version | head -1))"
echo "machine: $(nproc) hardware threads, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
"$build/bench/bench_extract" --gazetteer "$gazetteer" --names "$names" "$@"
