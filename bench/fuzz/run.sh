#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz (clang-14, ASan + UBSan) and runs each for a
# bounded time. Exits non-zero when a target crashes; the reproducer is copied to
# tests/data/fuzz-crashes/<target>-<name>.
#   bench/fuzz/run.sh [SECONDS_PER_TARGET (default 60)] [TARGET...]
# Environment: BUILD_DIR (default <repo>/build-fuzz), INCIMAP_GAZETTEER (for fuzz_extract;
# default: the lead build's gazetteer if present, else one built in BUILD_DIR), JOBS.
set -uo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BUILD_DIR:-$src/build-fuzz}"
seconds="${1:-60}"
[[ $# -gt 0 ]] && shift
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(fuzz_text fuzz_ingest fuzz_extract)
jobs="${JOBS:-$(nproc)}"

if ! command -v clang++-14 >/dev/null || ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "installing clang-14 and libclang-rt-14-dev" >&2
  apt-get install -y clang-14 libclang-rt-14-dev >/dev/null || exit 2
fi

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  # fuzzer-no-link instruments every library for coverage; INCIMAP_SANITIZE adds ASan and
  # UBSan, made fatal so that undefined behaviour counts as a crash.
  CC=clang-14 CXX=clang++-14 cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DINCIMAP_SANITIZE=ON -DINCIMAP_BUILD_TESTS=OFF -DINCIMAP_BUILD_BENCH=ON -DINCIMAP_BUILD_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined" >/dev/null || exit 2
fi
cmake --build "$build" -j"$jobs" --target "${targets[@]}" >"$build/fuzz-build.log" 2>&1 || {
  tail -30 "$build/fuzz-build.log"; echo "fuzz build failed (log: $build/fuzz-build.log)" >&2; exit 2; }

if [[ " ${targets[*]} " == *" fuzz_extract "* && -z "${INCIMAP_GAZETTEER:-}" ]]; then
  if [[ -f "$src/build/gazetteer.sqlite" ]]; then
    export INCIMAP_GAZETTEER="$src/build/gazetteer.sqlite"
  else
    cmake --build "$build" -j"$jobs" --target gazetteer_db >>"$build/fuzz-build.log" 2>&1 || exit 2
    export INCIMAP_GAZETTEER="$build/gazetteer.sqlite"
  fi
fi

# Seeds: the project's own example articles and ingest fixtures (written for this project).
seed_corpus() {
  local dir="$build/corpus/$1"
  mkdir -p "$dir"
  case "$1" in
    fuzz_ingest)
      # The first byte picks the format: 0 .jsonl, 1 .csv, 2 .html, 3 .txt.
      local i=0
      for f in "$src"/tests/data/ingest/articles/* "$src"/examples/*; do
        [[ -f "$f" ]] || continue
        case "$f" in *.jsonl) p='\x00';; *.csv) p='\x01';; *.html) p='\x02';; *) p='\x03';; esac
        { printf "$p"; head -c 8192 "$f"; } >"$dir/seed-$((i++))"
      done;;
    *)
      for f in "$src"/examples/*.txt "$src"/tests/data/ingest/articles/*.txt; do
        [[ -f "$f" ]] && head -c 8192 "$f" >"$dir/seed-$(basename "$f")"
      done;;
  esac
  echo "$dir"
}

crashes="$src/tests/data/fuzz-crashes"
status=0
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
for t in "${targets[@]}"; do
  corpus="$(seed_corpus "$t")"
  artifacts="$build/artifacts/$t/"
  rm -rf "$artifacts"; mkdir -p "$artifacts"
  echo "== $t: ${seconds}s"
  if "$build/bench/fuzz/$t" -max_total_time="$seconds" -max_len=16384 -timeout=20 -rss_limit_mb=4096 \
       -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" >"$build/$t.log" 2>&1; then
    grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)" "$build/$t.log"
  else
    status=1
    echo "!! $t failed; log: $build/$t.log"
    grep -E "ERROR|runtime error|SUMMARY" "$build/$t.log" | head -5
    mkdir -p "$crashes"
    for a in "$artifacts"*; do
      [[ -f "$a" ]] && cp "$a" "$crashes/$t-$(basename "$a")" && echo "   reproducer: $crashes/$t-$(basename "$a")"
    done
  fi
done
exit "$status"
