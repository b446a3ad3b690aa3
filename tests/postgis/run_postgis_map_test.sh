#!/usr/bin/env bash
# `incimap map RUN -o PG:...` against a throwaway PostgreSQL 15 + PostGIS 3 (pg_server.sh):
# a filtered write never deletes rows it did not write, and QGIS's layer_styles are written
# (docs/layers.md, "PostGIS").
#   usage: run_postgis_map_test.sh INCIMAP EXAMPLES_DIR
# Exit codes: 0 passed, 1 a check failed, 77 skipped (PostgreSQL/PostGIS not installed).
set -euo pipefail
incimap=$(realpath "$1")
examples=$(realpath "$2")
source "$(dirname "$0")/pg_server.sh"

run="$work/run"
"$incimap" run "$examples" --published 2023-03-20 --no-heatmap --no-brief -o "$run" >/dev/null
"$incimap" map "$run" -o "$conn" >"$work/full.out"
full=$(psql_q "SELECT count(*) FROM incidents")
articles=$(psql_q "SELECT count(*) FROM articles")
homs=$(psql_q "SELECT count(*) FROM incidents WHERE admin1_pcode = 'SY04'")
# The printed count is the rows this write put in.
grep -q "^incidents	$full\$" "$work/full.out" || { echo "FAILED: map printed: $(cat "$work/full.out")" >&2; failures=$((failures + 1)); }
((full > 5 && homs > 0 && homs < full)) || { echo "FAILED: the examples gave $full incidents, $homs in Homs" >&2; failures=$((failures + 1)); }

# PostGIS totals are the GeoPackage's, figure by figure (docs/figures.md).
figures="admin1_pcode || ':' || incidents || ':' || killed || ':' || killed_low || '-' || killed_high || ':' || injured_low || '-' || injured_high || ':' || governorate_level"
expect "governorate totals as in the run's GeoPackage" \
  "$(sqlite3 "$run/incidents.gpkg" "SELECT group_concat(f, ',') FROM (SELECT $figures AS f FROM governorates ORDER BY admin1_pcode)")" \
  "SELECT string_agg($figures, ',' ORDER BY admin1_pcode) FROM governorates"
expect "governorate-level incidents have no district" 0 \
  "SELECT count(*) FROM incidents WHERE geo_precision >= 3 AND admin2_pcode IS NOT NULL"

# QGIS's layer_styles: one default row per map table, keyed as QGIS looks it up.
styled="SELECT string_agg(f_table_name, ',' ORDER BY f_table_name) FROM layer_styles WHERE useasdefault"
expect "layer_styles: a default style per map table" "districts,governorate_points,governorates,incidents,places" "$styled"
expect "layer_styles: keyed by database, schema and geometry column" 5 \
  "SELECT count(*) FROM layer_styles WHERE f_table_catalog = 'incimap_test' AND f_table_schema = 'public' AND f_geometry_column = 'geom'"
expect "layer_styles: the incidents style is QML with readable event types" 1 \
  "SELECT count(*) FROM layer_styles WHERE f_table_name = 'incidents' AND styleqml::text LIKE '%categorizedSymbol%' AND styleqml::text LIKE '%label=\"Air or drone strike\"%'"
# A style a user saved stays, no longer the default; incimap's own rows are replaced.
psql_q "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, styleqml, useasdefault) VALUES ('incimap_test', 'public', 'incidents', 'geom', 'analyst', XMLPARSE(DOCUMENT '<qgis/>'), true)"
"$incimap" map "$run" -o "$conn" >/dev/null
expect "layer_styles: rewritten, not duplicated" 6 "SELECT count(*) FROM layer_styles"
expect "layer_styles: the user's style kept, not default" f "SELECT useasdefault FROM layer_styles WHERE stylename = 'analyst'"
expect "layer_styles: still one default per table" "districts,governorate_points,governorates,incidents,places" "$styled"
if /usr/bin/python3 -c 'import sys; sys.path.append("/usr/lib/python3/dist-packages"); import qgis.core' 2>/dev/null; then
  # QGIS itself applies the default style to a layer loaded from the database.
  if QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$(dirname "$0")/qgis_loads_style.py" \
      "dbname=incimap_test host=127.0.0.1 port=$port user=postgres" >"$work/qgis.out" 2>&1; then
    echo "ok: $(tail -1 "$work/qgis.out")"
  else
    echo "FAILED: QGIS did not apply the styles: $(cat "$work/qgis.out")" >&2; failures=$((failures + 1))
  fi
else
  echo "note: PyQGIS not installed; the styles were checked in SQL only"
fi

refused() {  # refused DESCRIPTION MAP_ARGS...: exit 2, nothing deleted
  local desc=$1 rc=0
  shift
  "$incimap" map "$run" -o "$conn" "$@" >"$work/out" 2>"$work/err" || rc=$?
  if [[ $rc == 2 ]] && grep -q -- "--replace" "$work/err"; then echo "ok: $desc is refused with exit 2"; else echo "FAILED: $desc: exit $rc: $(cat "$work/err")" >&2; failures=$((failures + 1)); fi
  expect "$desc: no incident deleted" "$full" "SELECT count(*) FROM incidents"
  expect "$desc: no article deleted" "$articles" "SELECT count(*) FROM articles"
}
refused "--governorate Homs into the existing table" --governorate Homs
refused "--from past most of the data" --from 2023-06-01
refused "--min-precision 1" --min-precision 1
refused "--role background" --role background

"$incimap" map "$run" -o "$conn" >/dev/null
expect "an unfiltered write again: no duplicates" "$full" "SELECT count(*) FROM incidents"
"$incimap" map "$run" -o "$conn" --role all >/dev/null
expect "--role all adds to the table, deletes nothing" 1 \
  "SELECT CASE WHEN count(*) >= $full THEN 1 ELSE 0 END FROM incidents"

# A filtered selection into a database without the tables is written as asked.
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE incimap_homs"
psql_q "CREATE EXTENSION postgis" incimap_homs
homs_conn="PG:host=127.0.0.1 port=$port dbname=incimap_homs user=postgres"
"$incimap" map "$run" -o "$homs_conn" --governorate Homs >/dev/null
got=$(psql_q "SELECT count(*) FROM incidents" incimap_homs)
[[ $got == "$homs" ]] && echo "ok: Homs alone in a new database ($got)" || { echo "FAILED: new database has $got, expected $homs" >&2; failures=$((failures + 1)); }

# --replace replaces the tables by the selection, and the totals follow.
"$incimap" map "$run" -o "$conn" --governorate Homs --replace >/dev/null
expect "--replace leaves the selection" "$homs" "SELECT count(*) FROM incidents"
expect "--replace: only Homs" 0 "SELECT count(*) FROM incidents WHERE admin1_pcode IS DISTINCT FROM 'SY04'"
expect "--replace: totals of the new table" "$homs" "SELECT sum(incidents) FROM governorates"
rc=0
"$incimap" map "$run" -o "$work/dir" --replace >/dev/null 2>&1 || rc=$?
[[ $rc == 2 ]] && echo "ok: --replace into a directory is a usage error" || { echo "FAILED: --replace into a directory: exit $rc" >&2; failures=$((failures + 1)); }
finish
