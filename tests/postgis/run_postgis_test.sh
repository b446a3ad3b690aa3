#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 + PostGIS 3 on 127.0.0.1 (free port, temporary data
# directory), writes the sample layers into it three times through GDAL's PostgreSQL
# driver, and checks with psql that re-runs update instead of duplicating.
#   usage: run_postgis_test.sh MAKE_SAMPLE_LAYERS
# Exit codes: 0 passed, 1 a check failed, 77 skipped (PostgreSQL/PostGIS not installed and
# not installable).
set -euo pipefail
maker=$(realpath "$1")
pgbin=/usr/lib/postgresql/15/bin
postgis_control=/usr/share/postgresql/15/extension/postgis.control

if [[ ! -x $pgbin/initdb || ! -f $postgis_control ]]; then
  if [[ $(id -u) == 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y postgresql-15-postgis-3 >/dev/null 2>&1 || true
  fi
  if [[ ! -x $pgbin/initdb || ! -f $postgis_control ]]; then
    echo "skipped: postgresql-15-postgis-3 is not installed" >&2
    exit 77
  fi
fi

work=$(mktemp -d /tmp/incimap-postgis.XXXXXX)
# PostgreSQL refuses to run as root: run the server as the postgres user when we are root.
as_db_user() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ $(id -u) == 0 ]]; then chown postgres "$work"; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

cleanup() {
  as_db_user "$pgbin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_db_user "$pgbin/initdb" -D "$work/data" -A trust -U postgres >"$work/initdb.log" 2>&1
as_db_user "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work" start >/dev/null
psql_q() { psql -X -q -t -A -h 127.0.0.1 -p "$port" -U postgres -d incimap_test -c "$1"; }
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE incimap_test"
psql_q "CREATE EXTENSION postgis"

conn="PG:host=127.0.0.1 port=$port dbname=incimap_test user=postgres"
failures=0
expect() {  # expect DESCRIPTION EXPECTED SQL
  local got
  got=$(psql_q "$3")
  if [[ $got == "$2" ]]; then echo "ok: $1 ($got)"; else echo "FAILED: $1: got '$got', expected '$2'" >&2; failures=$((failures + 1)); fi
}

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

if ((failures)); then
  echo "$failures PostGIS check(s) failed; server log:" >&2
  tail -20 "$work/server.log" >&2 || true
  exit 1
fi
echo "all PostGIS checks passed"
