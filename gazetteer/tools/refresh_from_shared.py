#!/usr/bin/env python3
"""Derive the compact reference copies in gazetteer/ from the reference data folder.

Run from anywhere:  python3 gazetteer/tools/refresh_from_shared.py [SHARED_DATA_DIR]
(default: ../shared/data beside the repository). Python 3 standard library only.

Why copies: a fresh clone must build the gazetteer without ../shared, so we keep only the
columns the builder reads, in plain tab-separated files (no quoting: tabs, newlines and '|'
never occur inside a value; the script drops them if they do).

Outputs (all UTF-8):
  wof_places.tsv       Who's On First Syrian places (one row per place), columns:
                       wof_id name name_eng name_ara variants lat lon population geonames_id
                       placetype admin1_pcode admin1_name admin2_pcode admin2_name
                       name      = preferred Latin name (WOF English name, else wof:name when
                                   Latin, else the first Latin variant)
                       name_ara  = preferred Arabic name
                       variants  = every other Latin- or Arabic-script name, '|'-separated
                       population= WOF population, else GeoNames cities500 by geonames_id, else 0
                       admin*    = OCHA columns of the reference table (point-in-polygon, 5 km
                                   nearest-district fallback); the builder recomputes them.
  neighbours.tsv       GeoNames cities500 rows of other countries in the region, columns:
                       geonames_id name asciiname alternatenames lat lon country_code
                       feature_code population   (alternatenames: Latin + Arabic only, '|')
  ocha_admin0.geojson  OCHA COD-AB Syria admin0/1/2 polygons; geometry unchanged, properties
  ocha_admin1.geojson  reduced to ADMn_EN, ADMn_AR, ADMn_PCODE, ADMn_REF, ADMnALT1EN,
  ocha_admin2.geojson  ADMnALT2EN, ADMnALT1AR, ADMnALT2AR (+ parent ADM1_* for admin2).
"""
import csv
import gzip
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.dirname(HERE)


def script_of(text):
    """'latin', 'arabic' or 'other' by the letters of text (digits/punctuation ignored)."""
    seen = set()
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, '')
        if name.startswith('LATIN'):
            seen.add('latin')
        elif name.startswith('ARABIC'):
            seen.add('arabic')
        else:
            seen.add('other')
    if len(seen) == 1:
        return seen.pop()
    return 'other'


def clean(value):
    return ' '.join(str(value).replace('|', ' ').split())


def unique(values):
    out, seen = [], set()
    for v in values:
        v = clean(v)
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def write_tsv(path, header, rows):
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write('\t'.join(header) + '\n')
        for r in rows:
            fh.write('\t'.join(str(r[h]).replace('\t', ' ') for h in header) + '\n')


def cities500(shared):
    path = os.path.join(shared, 'geonames-cities500', 'cities500_syria_region.tsv')
    with open(path, encoding='utf-8') as fh:
        return list(csv.DictReader(fh, delimiter='\t', quoting=csv.QUOTE_NONE))


def wof_places(shared, gn_rows):
    gn_pop = {r['geonameid']: int(r['population'] or 0) for r in gn_rows if r['country_code'] == 'SY'}
    path = os.path.join(shared, 'whosonfirst-sy', 'wof_sy_places.csv.gz')
    rows = []
    with gzip.open(path, 'rt', encoding='utf-8') as fh:
        for r in csv.DictReader(fh):
            eng = unique(r['name_eng'].split('|'))
            ara = [n for n in unique(r['name_ara'].split('|') + r['name_ara_variants'].split('|'))
                   if script_of(n) == 'arabic']
            names = unique([r['name']] + eng + ara + r['name_latin_variants'].split('|')
                           + r['all_names'].split('|'))
            latin = [n for n in names if script_of(n) == 'latin']
            arabic = [n for n in names if script_of(n) == 'arabic']
            name = (eng[0] if eng else None) or (latin[0] if latin else '') or r['name']
            name_ar = ara[0] if ara else (arabic[0] if arabic else '')
            variants = [n for n in latin + arabic if n not in (name, name_ar)]
            pop = int(float(r['population'])) if r['population'] else 0
            if pop == 0:
                pop = gn_pop.get(r['geonames_id'], 0)
            rows.append({
                'wof_id': r['wof_id'], 'name': name, 'name_eng': '|'.join(eng),
                'name_ara': name_ar, 'variants': '|'.join(variants),
                'lat': r['lat'], 'lon': r['lon'], 'population': pop,
                'geonames_id': r['geonames_id'], 'placetype': r['placetype'],
                'admin1_pcode': r['ocha_adm1_pcode'], 'admin1_name': r['ocha_adm1_en'],
                'admin2_pcode': r['ocha_adm2_pcode'], 'admin2_name': r['ocha_adm2_en'],
            })
    return rows


def neighbours(gn_rows):
    rows = []
    for r in gn_rows:
        if r['country_code'] == 'SY':
            continue
        alt = [n for n in unique(r['alternatenames'].split(','))
               if script_of(n) in ('latin', 'arabic') and n not in (r['name'], r['asciiname'])]
        rows.append({
            'geonames_id': r['geonameid'], 'name': clean(r['name']), 'asciiname': clean(r['asciiname']),
            'alternatenames': '|'.join(alt), 'lat': r['latitude'], 'lon': r['longitude'],
            'country_code': r['country_code'], 'feature_code': r['feature_code'],
            'population': int(r['population'] or 0),
        })
    return rows


def ocha(shared, level):
    src = os.path.join(shared, 'ocha-cod-ab-syr', 'syr_admbnda_adm%d_uncs_unocha.json' % level)
    with open(src, encoding='utf-8') as fh:
        fc = json.load(fh)
    keep = []
    for n in range(level + 1):
        if n == level or n == 1:
            keep += ['ADM%d_EN' % n, 'ADM%d_AR' % n, 'ADM%d_PCODE' % n]
    keep += ['ADM%d_REF' % level, 'ADM%dALT1EN' % level, 'ADM%dALT2EN' % level,
             'ADM%dALT1AR' % level, 'ADM%dALT2AR' % level]
    feats = [{'type': 'Feature',
              'properties': {k: f['properties'].get(k) or '' for k in dict.fromkeys(keep)},
              'geometry': f['geometry']} for f in fc['features']]
    out = {'type': 'FeatureCollection', 'features': feats}
    with open(os.path.join(GAZ, 'ocha_admin%d.geojson' % level), 'w', encoding='utf-8') as fh:
        json.dump(out, fh, ensure_ascii=False, separators=(',', ':'))
        fh.write('\n')
    return len(feats)


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(GAZ, '..', '..', 'shared', 'data')
    gn_rows = cities500(shared)
    wof = wof_places(shared, gn_rows)
    write_tsv(os.path.join(GAZ, 'wof_places.tsv'),
              ['wof_id', 'name', 'name_eng', 'name_ara', 'variants', 'lat', 'lon', 'population',
               'geonames_id', 'placetype', 'admin1_pcode', 'admin1_name', 'admin2_pcode',
               'admin2_name'], wof)
    nb = neighbours(gn_rows)
    write_tsv(os.path.join(GAZ, 'neighbours.tsv'),
              ['geonames_id', 'name', 'asciiname', 'alternatenames', 'lat', 'lon', 'country_code',
               'feature_code', 'population'], nb)
    counts = [ocha(shared, level) for level in (0, 1, 2)]
    print('wof_places.tsv: %d, neighbours.tsv: %d, ocha admin0/1/2: %s' % (len(wof), len(nb), counts))


if __name__ == '__main__':
    main()
