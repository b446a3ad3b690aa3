#!/usr/bin/env python3
"""Build JSON Lines corpora of N articles for the scale benchmark (bench/scale.sh).

    bench/make_corpus.py --shared DIR --out FILE --size N [--seed S] [--start K]

Repeats the real articles of the shared corpus (FA-KES's article_content, the UCDP-AEC
texts, the seed articles) until N records are written. Each copy gets its own id, a
publication date moved by a seeded number of days, and a closing line with a unique code,
so that every record has a different content hash and the store treats it as a new article.
The same arguments always give the same file. `--start K` numbers the copies from K, which
gives articles that are new to a store built from a corpus without it (the 1 % increment).

The corpus is written where --out says (a temporary directory): article texts belong to their
publishers and are never put into the project tree.
"""

import argparse
import csv
import datetime
import hashlib
import json
import os
import random
import sys

# FA-KES rows hold whole articles; the csv module's default field limit (128 KiB) is enough
# today, but a larger limit keeps a longer article from stopping the benchmark.
csv.field_size_limit(16 * 1024 * 1024)

# How far a copy's publication date may move from the original, in days. Large enough that
# relative dates ("yesterday", "on Monday") of copies fall on different days, small enough
# that dates stay inside the war years the gazetteer and brief are built for.
MAX_SHIFT_DAYS = 400

# Seed articles carry no date; their copies get one in this range (the years the seeds and
# FA-KES cover).
SEED_DATE_FIRST = datetime.date(2016, 1, 1)
SEED_DATE_SPAN_DAYS = 6 * 365


def parse_fakes_date(text):
    """FA-KES `date` is M/D/YYYY (corpus README); None when it does not parse."""
    try:
        month, day, year = (int(part) for part in text.strip().split("/"))
        if year < 100:
            year += 2000
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_iso_prefix(text):
    try:
        return datetime.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def load_sources(shared):
    """The real articles as (source tag, id, title, date or None, text), in a fixed order."""
    sources = []
    fakes = os.path.join(shared, "corpus", "fa-kes", "FA-KES-Dataset.csv")
    with open(fakes, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = row.get("article_content", "").strip()
            if text:
                sources.append(("fakes", row["unit_id"], row.get("article_title", ""),
                                parse_fakes_date(row.get("date", "")), text))
    ucdp = os.path.join(shared, "corpus", "ucdp-aec", "syria_validation_sample_with_text.jsonl")
    with open(ucdp, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text", "").strip()
            if text:
                sources.append(("ucdp", str(record["id"]), "",
                                parse_iso_prefix(record.get("source_date", "")), text))
    seeds = os.path.join(shared, "seeds")
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds, name), encoding="utf-8") as handle:
                text = handle.read().strip()
            if text:
                sources.append(("seed", os.path.splitext(name)[0], "", None, text))
    if not sources:
        raise SystemExit(f"make_corpus: no articles found under {shared}")
    return sources


def write_corpus(sources, out, size, seed, start):
    rng = random.Random(seed)
    written = 0
    copy = start
    with open(out, "w", encoding="utf-8") as handle:
        while written < size:
            # A fresh permutation per round, so that the first N of a large corpus are not
            # just the FA-KES rows in file order.
            order = list(range(len(sources)))
            random.Random(f"{seed}:{copy}").shuffle(order)
            for index in order:
                if written == size:
                    break
                tag, source_id, title, date, text = sources[index]
                if date is None:
                    date = SEED_DATE_FIRST + datetime.timedelta(
                        days=rng.randrange(SEED_DATE_SPAN_DAYS))
                published = date + datetime.timedelta(
                    days=rng.randint(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS))
                # The row number is part of the id: FA-KES repeats some unit_ids with the
                # same text, and two such copies must still differ.
                article_id = f"{tag}-{source_id}-r{index}-c{copy}"
                code = hashlib.sha1(f"{seed}:{article_id}".encode()).hexdigest()[:12]
                record = {
                    "id": article_id,
                    "title": title,
                    "published": published.isoformat(),
                    "source": f"scale-{tag}",
                    "text": f"{text}\n\nArchive code {code}.",
                }
                handle.write(json.dumps(record, ensure_ascii=False))
                handle.write("\n")
                written += 1
            copy += 1
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", required=True, help="the shared folder (corpus/, seeds/)")
    parser.add_argument("--out", required=True, help="JSON Lines file to write")
    parser.add_argument("--size", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", default="incimap-scale", help="seed of dates and codes")
    parser.add_argument("--start", type=int, default=0, help="number of the first copy")
    args = parser.parse_args()
    if args.size < 1:
        parser.error("--size must be at least 1")
    sources = load_sources(args.shared)
    written = write_corpus(sources, args.out, args.size, args.seed, args.start)
    print(f"make_corpus: {written} articles from {len(sources)} originals -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
