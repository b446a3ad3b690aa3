#!/usr/bin/env bash
# Extraction time against the shape and length of one article, measured in the same run:
# the distinct sentences of FA-KES (../shared) as one paragraph and as one sentence per line,
# at 128 KB, 512 KB and all of them (about 1.4 MB), each one article.
#   bench/linearity.sh [BUILD_DIR]
# Prints CPU seconds of `incimap extract --threads 1` (gazetteer load included) per file and
# the ratio paragraph / lines. The texts go to a temporary folder, never into the tree.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$src/build}"
shared="${INCIMAP_SHARED_DIR:-$src/../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$shared/corpus/fa-kes/FA-KES-Dataset.csv" "$work" <<'PY'
import csv, re, sys
csv.field_size_limit(10**9)
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", errors="replace")))
seen, sentences = set(), []
for r in rows:
    for s in re.split(r"(?<=[.!?])\s+", r["article_content"].replace("\n", " ")):
        s = s.strip()
        if len(s) >= 20 and s not in seen:
            seen.add(s)
            sentences.append(s)
for label, limit in (("128k", 128 * 1024), ("512k", 512 * 1024), ("all", None)):
    part, size = [], 0
    for s in sentences:
        if limit and size + len(s) + 1 > limit:
            break
        part.append(s)
        size += len(s) + 1
    open(f"{sys.argv[2]}/paragraph-{label}.txt", "w").write(" ".join(part) + "\n")
    open(f"{sys.argv[2]}/lines-{label}.txt", "w").write("\n".join(part) + "\n")
PY
# One thread where the build has the option (older builds extract on one thread anyway).
threads=()
if "$build/incimap" extract --help | grep -q -- --threads; then threads=(--threads 1); fi
cpu() {  # user + system seconds of one extract
  /usr/bin/time -f "%U %S" -o "$work/time" "$build/incimap" extract "${threads[@]}" --json "$1" \
    >/dev/null || { echo "bench/linearity.sh: extract failed on $1" >&2; exit 1; }
  awk '{ printf "%.2f", $1 + $2 }' "$work/time"
}
printf "%-6s %10s %14s %10s %18s\n" size bytes "paragraph s" "lines s" "paragraph / lines"
for label in 128k 512k all; do
  p=$(cpu "$work/paragraph-$label.txt")
  l=$(cpu "$work/lines-$label.txt")
  printf "%-6s %10d %14s %10s %18s\n" "$label" "$(stat -c %s "$work/lines-$label.txt")" "$p" "$l" \
    "$(awk -v p="$p" -v l="$l" 'BEGIN { printf "%.2f", p / l }')"
done
