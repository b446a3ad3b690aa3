#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 + PostGIS 3 on 127.0.0.1 (pg_server.sh), writes the sample
# layers into it three times through GDAL's PostgreSQL driver, and checks with psql that
# re-runs update instead of duplicating.
#   usage: run_postgis_test.sh MAKE_SAMPLE_LAYERS
# Exit codes: 0 passed, 1 a check failed, 77 skipped (PostgreSQL/PostGIS not installed and
# not installable).
set -euo pipefail
maker=$(realpath "$1")
source "$(dirname "$0")/pg_server.sh"

# 3 current sample incidents + 12 generated ones (articles art-gen-0 .. art-gen-2).
"$maker" "$conn" 12 >/dev/null
expect "first write: incidents" 15 "SELECT count(*) FROM incidents"
"$maker" "$conn" 12 >/dev/null
expect "second write of the same articles: no duplicates" 15 "SELECT count(*) FROM incidents"
expect "incident ids stay unique" 15 "SELECT count(DISTINCT incident_id) FROM incidents"
expect "articles are merged too" 5 "SELECT count(*) FROM articles"
# A run over fewer articles leaves the other articles' incidents in place.
"$maker" "$conn" 4 >/dev/null
expect "a smaller run keeps other articles' rows" 15 "SELECT count(*) FROM incidents"
expect "points are EPSG:4326" "4326|POINT" \
  "SELECT DISTINCT ST_SRID(geom) || '|' || GeometryType(geom) FROM incidents"
expect "lon/lat order" "36.5|35" \
  "SELECT ST_X(geom) || '|' || ST_Y(geom) FROM incidents WHERE incident_id = 'inc-a'"
expect "event_date is a date column" "date" \
  "SELECT data_type FROM information_schema.columns WHERE table_name = 'incidents' AND column_name = 'event_date'"
expect "governorates: valid polygons" "2|2" \
  "SELECT count(*) || '|' || sum(CASE WHEN ST_IsValid(geom) THEN 1 ELSE 0 END) FROM governorates"
expect "governorate totals cover every incident in the table" 15 \
  "SELECT sum(incidents) FROM governorates"
expect "districts" 3 "SELECT count(*) FROM districts"
expect "governorate points lie inside their governorate" 2 \
  "SELECT count(*) FROM governorate_points p JOIN governorates g USING (admin1_pcode) WHERE ST_Within(p.geom, g.geom)"
expect "spatial index on incidents" 1 \
  "SELECT count(*) FROM pg_indexes WHERE tablename = 'incidents' AND indexdef LIKE '%gist%'"

finish
