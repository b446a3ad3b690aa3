#!/usr/bin/env bash
# How `incimap run` scales with the number of articles and threads (bench/README.md, "Scale").
#   bench/scale.sh [BUILD_DIR] [--sizes 1000,10000,100000] [--threads-list 1,N]
#                  [--work DIR] [--shared DIR] [--no-grep] [--no-build] [--keep]
#                  [--reuse-store RUN_DIR]
# BUILD_DIR defaults to ./build; --no-build uses BUILD_DIR/incimap as it is. For each size, bench/make_corpus.py writes a JSON Lines corpus
# of that many articles (copies of the real articles in ../shared) into a temporary directory
# outside the tree; then, for each thread count, a fresh store is filled with
# `incimap run CORPUS -o DIR --no-heatmap --no-brief --threads T` under /usr/bin/time -v.
# On the store of the largest thread count it also measures: a re-run with nothing new, a
# rewrite of the outputs (dedup + layers), the same with heatmap and brief, and adding 1 % new
# articles. Baselines, measured in the same run over the same file: `cat CORPUS >/dev/null`,
# `wc -l CORPUS` and (unless --no-grep) `grep -F -o -f NAMES CORPUS | wc -l`, every occurrence
# of the gazetteer's distinct names, as bench/throughput.sh does (`-c` would stop at each
# line's first name, and a line is a whole article). It also measures a full re-merge: the
# same rewrite after forgetting the stored merge's settings. The 1 % of new articles is also
# run into a fresh store of its own: what adding them costs without the store.
# --reuse-store RUN_DIR (one size only) starts from a copy of the output folder of an earlier
# `incimap run` over the corpus of that size (a million articles take half an hour to
# extract) and measures only adding 1 % to it and the fresh run of that 1 %.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
build="$src/build"
if [[ $# -gt 0 && "$1" != --* ]]; then build="$1"; shift; fi
sizes="1000,10000,100000"
threads_list="1,$(nproc)"
work=""
shared="$src/../shared"
use_grep=1
keep=0
do_build=1
reuse_store=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --threads-list) threads_list="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --shared) shared="$2"; shift 2 ;;
    --no-grep) use_grep=0; shift ;;
    --keep) keep=1; shift ;;
    --no-build) do_build=0; shift ;;
    --reuse-store) reuse_store="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^[^#]/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "scale.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -d "$shared/corpus" ]] || { echo "scale.sh: no corpus under $shared (give --shared DIR)" >&2; exit 3; }
if [[ ! -x /usr/bin/time ]]; then
  # GNU time gives the peak RSS; the shell's `time` keyword does not.
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y time >/dev/null; else sudo apt-get install -y time >/dev/null; fi
fi

if [[ $do_build -eq 1 ]]; then
  if [[ ! -f "$build/CMakeCache.txt" ]]; then
    cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  cmake --build "$build" -j"$(nproc)" --target incimap gazetteer_db >/dev/null
fi
incimap="$build/incimap"
gazetteer="${INCIMAP_GAZETTEER:-$build/gazetteer.sqlite}"
export INCIMAP_GAZETTEER="$gazetteer"

if [[ -z "$work" ]]; then work="$(mktemp -d "${TMPDIR:-/tmp}/incimap-scale.XXXXXX")"; fi
mkdir -p "$work"
# Generated corpora hold publishers' texts: they stay in the temporary directory and go away.
[[ $keep -eq 1 ]] || trap 'rm -rf "$work"' EXIT

IFS=, read -r -a size_values <<<"$sizes"
if [[ -n "$reuse_store" ]]; then
  [[ ${#size_values[@]} -eq 1 ]] || { echo "scale.sh: --reuse-store needs one size" >&2; exit 2; }
  [[ -f "$reuse_store/incimap.sqlite" ]] || { echo "scale.sh: no store in $reuse_store" >&2; exit 2; }
fi
IFS=, read -r -a thread_values <<<"$threads_list"
max_threads=0
for t in "${thread_values[@]}"; do (( t > max_threads )) && max_threads=$t; done

names="$work/names.txt"
sqlite3 "$gazetteer" "SELECT DISTINCT name FROM names WHERE length(name) > 0" >"$names"

now() { date +%s.%N; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
# -L: the product names of an output folder are links into its current generation.
bytes_of() { local total=0 f; for f in "$@"; do [[ -f "$f" ]] && total=$((total + $(stat -L -c %s "$f"))); done; echo "$total"; }

rows="$work/rows.tsv"
: >"$rows"
# One row: size threads step seconds articles bytes cpu_seconds rss_kb store_bytes gpkg_bytes incidents
row() { printf '%s\t' "$@" >>"$rows"; printf '\n' >>"$rows"; }

# Runs a command under GNU time; sets secs (wall), cpu (user + system seconds), rss_kb and leaves stdout in $work/out.txt.
measure() {
  local start end
  start=$(now)
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || {
    local code=$?
    # 1 = some inputs skipped: still a measurement. Anything else is a failure to report.
    if [[ $code -ne 1 ]]; then
      echo "scale.sh: '$*' failed with exit code $code:" >&2
      tail -5 "$work/err.txt" >&2
      exit 1
    fi
  }
  end=$(now)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  # CPU seconds as well as wall time: other jobs on a shared machine stretch the wall time.
  cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$work/time.txt")
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$work/time.txt")
}

incidents_of() { sed -n 's/.*; \([0-9]*\) incidents\{0,1\} in the store.*/\1/p' "$work/out.txt" | head -1; }

run_row() {  # size threads step articles corpus_bytes out_dir
  local dir="$6"
  row "$1" "$2" "$3" "$secs" "$4" "$5" "${cpu:-0}" "${rss_kb:-0}" \
      "$(bytes_of "$dir/incimap.sqlite" "$dir/incimap.sqlite-wal")" \
      "$(bytes_of "$dir/incidents.gpkg")" "$(incidents_of)"
  echo "  $3, $2 threads: ${secs} s, $(sed -n 's/^run: //p' "$work/out.txt" | head -1)" >&2
}

echo "machine: $(nproc) hardware threads, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "incimap: $("$incimap" --version | head -1); gazetteer $gazetteer ($(wc -l <"$names") distinct names)" >&2
echo "work dir: $work" >&2

# Baselines, a fresh run per thread count, then re-runs and rewrites of the last store.
store_steps() {
  local size="$1"
  corpus="$work/corpus-$size.jsonl"
  python3 "$src/bench/make_corpus.py" --shared "$shared" --out "$corpus" --size "$size"
  corpus_bytes=$(stat -c %s "$corpus")
  echo "size $size: $(mb "$corpus_bytes") MB" >&2

  measure sh -c "cat '$corpus' >/dev/null"
  row "$size" 1 "baseline: cat >/dev/null" "$secs" "$size" "$corpus_bytes" "$cpu" "$rss_kb" 0 0 ""
  measure wc -l "$corpus"
  row "$size" 1 "baseline: wc -l" "$secs" "$size" "$corpus_bytes" "$cpu" "$rss_kb" 0 0 ""
  if [[ $use_grep -eq 1 ]]; then
    measure sh -c "grep -F -o -f '$names' '$corpus' | wc -l"
    row "$size" 1 "baseline: grep -F -o -f names" "$secs" "$size" "$corpus_bytes" "$cpu" "$rss_kb" 0 0 ""
  fi

  for threads in "${thread_values[@]}"; do
    out="$work/run-$size-t$threads"
    rm -rf "$out"
    measure "$incimap" run "$corpus" -o "$out" --no-heatmap --no-brief --threads "$threads"
    run_row "$size" "$threads" "run, new store" "$size" "$corpus_bytes" "$out"
  done

  out="$work/run-$size-t$max_threads"
  measure "$incimap" run "$corpus" -o "$out" --no-heatmap --no-brief --threads "$max_threads"
  run_row "$size" "$max_threads" "re-run, nothing new" "$size" "$corpus_bytes" "$out"
  # Without its dedup report the run does not count its outputs as current: this rewrites
  # the incidents (dedup) and every layer without extracting anything.
  rm -f "$out/dedup_report.csv"
  measure "$incimap" run "$corpus" -o "$out" --no-heatmap --no-brief --threads "$max_threads"
  run_row "$size" "$max_threads" "rewrite: dedup + layers" "$size" "$corpus_bytes" "$out"
  measure "$incimap" run "$corpus" -o "$out" --threads "$max_threads"
  run_row "$size" "$max_threads" "rewrite: + heatmap + brief" "$size" "$corpus_bytes" "$out"
  # Without the stored merge's settings the run cannot continue it and merges every report
  # again, as after a change of merge rules.
  sqlite3 "$out/incimap.sqlite" "DELETE FROM store_state WHERE key = 'merge_settings'"
  rm -f "$out/dedup_report.csv"
  measure "$incimap" run "$corpus" -o "$out" --no-heatmap --no-brief --threads "$max_threads"
  run_row "$size" "$max_threads" "rewrite: full re-merge + layers" "$size" "$corpus_bytes" "$out"
  rm -f "$corpus"
}

for size in "${size_values[@]}"; do
  if [[ -n "$reuse_store" ]]; then
    out="$work/run-$size-t$max_threads"
    rm -rf "$out"
    cp -r "$reuse_store" "$out"
    echo "size $size: store copied from $reuse_store" >&2
  else
    store_steps "$size"
  fi

  extra=$(( size / 100 > 0 ? size / 100 : 1 ))
  more="$work/more-$size.jsonl"
  # Copies numbered from 100000 never occur in the first corpus: every article is new.
  python3 "$src/bench/make_corpus.py" --shared "$shared" --out "$more" --size "$extra" \
    --start 100000 --seed incimap-scale-more
  measure "$incimap" run "$more" -o "$out" --no-heatmap --no-brief --threads "$max_threads"
  run_row "$size" "$max_threads" "add 1 % ($extra new)" "$extra" "$(stat -c %s "$more")" "$out"
  fresh="$work/fresh-1pc-$size"
  rm -rf "$fresh"
  measure "$incimap" run "$more" -o "$fresh" --no-heatmap --no-brief --threads "$max_threads"
  run_row "$size" "$max_threads" "fresh run of that 1 %" "$extra" "$(stat -c %s "$more")" "$fresh"
  rm -rf "$more" "$fresh"
done

# The table. x grep: wall time over that of grep -F on the same corpus.
awk -F'\t' '
  { size=$1; secs=$4+0
    if ($3 ~ /^baseline: grep/) grep_[size]=secs
    line[NR]=$0 }
  END {
    printf "%-8s %3s  %-30s %8s %8s %10s %6s %7s %8s %8s %8s %9s\n", "articles", "thr", "step", "wall s",
      "CPU s", "articles/s", "MB/s", "x grep", "RSS MB", "store MB", "gpkg MB", "incidents"
    for (i = 1; i <= NR; ++i) {
      split(line[i], f, "\t"); s=f[4]+0
      # The 1 % step reads another, smaller file: no baseline of its own.
      if (f[3] ~ /^baseline: cat|^baseline: wc|^add|^fresh run of/) x = "-"
      else x = (f[1] in grep_) ? sprintf("%.2f", s / grep_[f[1]]) : "-"
      aps = (s > 0) ? sprintf("%.0f", f[5] / s) : "-"
      mbs = (s > 0) ? sprintf("%.2f", f[6] / 1048576 / s) : "-"
      printf "%-8s %3s  %-30s %8.2f %8.2f %10s %6s %7s %8.1f %8.1f %8.1f %9s\n", f[1], f[2], f[3], s,
        f[7], aps, mbs, x, f[8] / 1024, f[9] / 1048576, f[10] / 1048576, f[11]
    }
  }' "$rows"
