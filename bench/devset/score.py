#!/usr/bin/env python3
"""Scores incimap's extraction against the hand-annotated development set.

The annotations (bench/devset/annotations/*.jsonl) are ours; the article texts are third-party
and live outside the repository (bench/devset/README.md says how they were gathered). This
script runs `incimap extract --json` over the texts, or reads its output from --predictions,
and prints the measures of the extraction issue for the development part and the held-out
quarter separately. The rules of every measure are in bench/devset/README.md.

Standard library only, so that CI and a fresh machine can run it.
"""
import argparse
import glob
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile

EARTH_RADIUS_KM = 6371.0088
# A system point this close to a gold point is the same place even when the annotator gave a
# tighter tolerance: gazetteers disagree by a few hundred metres on village centres.
MIN_TOLERANCE_KM = 2.0


def split_of(article_id):
    """A quarter of the articles, chosen by a hash of the id, is held out from rule writing."""
    digest = hashlib.sha1(article_id.encode("utf-8")).digest()
    return "heldout" if digest[0] % 4 == 0 else "dev"


def great_circle_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def read_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"score.py: error: {path}:{number}: not JSON: {e.msg}")
    return rows


def load_annotations(directory):
    annotations = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.jsonl"))):
        for row in read_jsonl(path):
            if row["id"] in annotations:
                sys.exit(f"score.py: error: {path}: article id {row['id']} annotated twice")
            annotations[row["id"]] = row
    return annotations


def run_extract(incimap, gazetteer, article_paths):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as merged:
        for path in article_paths:
            for article in read_jsonl(path):
                # A page's text starts with its headline, as a saved article file does.
                title = (article.get("title") or "").strip()
                text = article.get("text") or ""
                record = {"id": article["id"], "text": f"{title}\n\n{text}" if title else text,
                          "published": article.get("published")}
                merged.write(json.dumps(record, ensure_ascii=False) + "\n")
    try:
        cmd = [incimap, "extract", "--json", merged.name]
        if gazetteer:
            cmd += ["--gazetteer", gazetteer]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode not in (0, 1):
            sys.exit(f"score.py: error: {' '.join(cmd)} exited {done.returncode}: {done.stderr}")
        return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    finally:
        os.unlink(merged.name)


# --- matching --------------------------------------------------------------------------------

def gold_place(incident):
    return incident.get("place") or {"level": "none"}


def place_matches(system, gold):
    """Is the system incident at the gold incident's place? None when the gold is not placeable."""
    place = gold_place(gold)
    level = place.get("level", "none")
    country = place.get("country") or "SY"
    if country != "SY":
        # Outside Syria: the program must keep the country and give no Syrian point.
        return system_country(system) == country and system.get("lat") is None
    if level == "place" and place.get("lat") is not None:
        if system.get("lat") is None:
            return False
        tolerance = max(float(place.get("tolerance_km") or 5), MIN_TOLERANCE_KM)
        return great_circle_km(place["lat"], place["lon"], system["lat"], system["lon"]) <= tolerance
    if level in ("governorate", "region") and place.get("admin1_pcode"):
        return system.get("admin1_pcode") == place["admin1_pcode"]
    return None


def system_country(system):
    """`extract --json` names the field country_code (earlier versions: country)."""
    return system.get("country_code", system.get("country"))


def count_of(incident, field):
    value = incident.get(field)
    return value if isinstance(value, int) else None


def alignment_score(system, gold):
    score = 0
    if place_matches(system, gold):
        score += 4
    if system.get("event_type") == gold.get("event_type"):
        score += 1
    for field in ("killed", "injured", "captured"):
        if count_of(gold, field) is not None and count_of(system, field) == count_of(gold, field):
            score += 2
    if gold.get("date") and system.get("event_date") == gold["date"]:
        score += 1
    return score


def lead_incident(system_incidents):
    """The incident the program puts first among the article's current ones (its main event)."""
    current = [s for s in system_incidents if s.get("role") == "current"]
    return current[0] if current else None


def aligned_incident(system_incidents, gold):
    """The program's incident that best fits the gold one (current ones preferred)."""
    best, best_score = None, -1
    for s in system_incidents:
        score = alignment_score(s, gold) * 2 + (1 if s.get("role") == gold.get("role", "current") else 0)
        if score > best_score:
            best, best_score = s, score
    return best


def is_point(system):
    return system.get("role") == "current" and system.get("lat") is not None


def point_matches_some_gold(system, gold_incidents):
    """A point stands for an incident of the text when it is at that incident's place, or, for a
    governorate-level point (geo_precision 3), in that incident's governorate."""
    for gold in gold_incidents:
        if place_matches(system, gold):
            return True
        if system.get("geo_precision") == 3 and system.get("admin1_pcode") and \
                system["admin1_pcode"] == gold_admin1(gold):
            return True
    return False


def gold_admin1(gold):
    place = gold_place(gold)
    return place.get("admin1_pcode") if (place.get("country") or "SY") == "SY" else None


# --- measures --------------------------------------------------------------------------------

class Tally:
    def __init__(self):
        self.hits = 0
        self.total = 0

    def add(self, ok):
        self.total += 1
        self.hits += 1 if ok else 0

    def percent(self):
        return 100.0 * self.hits / self.total if self.total else None

    def text(self):
        p = self.percent()
        return f"{p:5.1f} % ({self.hits}/{self.total})" if p is not None else "  n/a"


MEASURES = [
    ("place", "primary placed at the right place (governorate-level: right governorate)"),
    ("killed", "primary killed count exact (all articles with an incident)"),
    ("injured", "primary injured exact where given"),
    ("captured", "primary captured exact where given"),
    ("date", "primary date exact where stated and publication known"),
    ("type", "primary event type"),
]


def score_articles(annotations, predictions, pick):
    by_article = {}
    for p in predictions:
        by_article.setdefault(p.get("article_id"), []).append(p)
    tallies = {name: Tally() for name, _ in MEASURES}
    points = Tally()  # hits = spurious points, total = articles
    details = []
    for article_id, ann in sorted(annotations.items()):
        system = by_article.get(article_id, [])
        gold_incidents = ann.get("incidents", [])
        spurious = [s for s in system if is_point(s) and not point_matches_some_gold(s, gold_incidents)]
        points.total += 1
        points.hits += len(spurious)
        primary = next((g for g in gold_incidents if g.get("primary")), None)
        row = {"id": article_id, "spurious": [s.get("place_name") for s in spurious]}
        if primary is not None:
            chosen = pick(system, primary)
            placed = place_matches(chosen, primary) if chosen else None
            if placed is None and chosen is None:
                placed = None if place_matches({}, primary) is None else False
            if placed is not None:
                tallies["place"].add(bool(placed))
            row["place"] = placed
            for field in ("killed", "injured", "captured"):
                gold_value = count_of(primary, field)
                got = count_of(chosen, field) if chosen else None
                if field == "killed" or gold_value is not None:
                    tallies[field].add(got == gold_value)
                    row[field] = [gold_value, got]
            if primary.get("date_stated") and primary.get("date") and ann.get("published"):
                got = chosen.get("event_date") if chosen else None
                tallies["date"].add(got == primary["date"])
                row["date"] = [primary["date"], got]
            got_type = chosen.get("event_type") if chosen else None
            tallies["type"].add(got_type == primary.get("event_type"))
            row["type"] = [primary.get("event_type"), got_type]
            row["system_place"] = chosen.get("place_name") if chosen else None
        details.append(row)
    return tallies, points, details


def report(annotations, predictions, pick_name):
    pick_fn = (lambda system, gold: lead_incident(system)) if pick_name == "lead" else aligned_incident
    result = {}
    for part in ("dev", "heldout", "all"):
        subset = {k: v for k, v in annotations.items() if part == "all" or split_of(k) == part}
        tallies, points, details = score_articles(subset, predictions, pick_fn)
        result[part] = {
            "articles": len(subset),
            "measures": {name: {"hits": t.hits, "total": t.total, "percent": t.percent()}
                         for name, t in tallies.items()},
            "spurious_points": points.hits,
            "spurious_per_100": 100.0 * points.hits / points.total if points.total else None,
            "details": details,
        }
    return result


def print_table(result, pick_name, out):
    out.write(f"primary incident chosen as: {pick_name}\n")
    out.write(f"{'measure':<74} {'dev':>20} {'held-out':>20}\n")
    for name, label in MEASURES:
        cells = []
        for part in ("dev", "heldout"):
            m = result[part]["measures"][name]
            cells.append(f"{m['percent']:.1f} % ({m['hits']}/{m['total']})" if m["percent"] is not None else "n/a")
        out.write(f"{label:<74} {cells[0]:>20} {cells[1]:>20}\n")
    cells = []
    for part in ("dev", "heldout"):
        r = result[part]
        cells.append(f"{r['spurious_per_100']:.1f} ({r['spurious_points']}/{r['articles']})")
    out.write(f"{'points matching no incident, per 100 articles':<74} {cells[0]:>20} {cells[1]:>20}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--annotations", default=os.path.join(here, "annotations"),
                        help="folder of annotation .jsonl files (default: bench/devset/annotations)")
    parser.add_argument("--articles", nargs="*", default=[],
                        help="article .jsonl files (id, title, text, published) to run incimap on")
    parser.add_argument("--predictions", help="incimap extract --json output, instead of running it")
    parser.add_argument("--incimap", default="build/incimap", help="the incimap binary")
    parser.add_argument("--gazetteer", help="gazetteer database passed to incimap")
    parser.add_argument("--pick", choices=["lead", "aligned"], default="lead",
                        help="which program incident answers for the primary (README: rules)")
    parser.add_argument("--part", choices=["dev", "heldout", "all"], default=None,
                        help="print per-article details of this part")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()

    annotations = load_annotations(args.annotations)
    if not annotations:
        sys.exit(f"score.py: error: {args.annotations}: no annotations found")
    if args.predictions:
        predictions = read_jsonl(args.predictions)
    else:
        if not args.articles:
            sys.exit("score.py: error: give --articles FILE... or --predictions FILE")
        predictions = run_extract(args.incimap, args.gazetteer, args.articles)
    result = report(annotations, predictions, args.pick)
    if args.json:
        json.dump({k: {kk: vv for kk, vv in v.items() if kk != "details" or args.part == k}
                   for k, v in result.items()}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    print_table(result, args.pick, sys.stdout)
    if args.part:
        for row in result[args.part]["details"]:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
