# Sourced by the PostGIS tests: starts a throwaway PostgreSQL 15 + PostGIS 3 on 127.0.0.1 (free
# port, temporary data directory) with a database incimap_test, and stops it on exit.
# Defines: $work, $port, $conn (GDAL connection string), psql_q SQL [DB], expect DESC WANT SQL,
# $failures, finish (prints the summary and exits 0 or 1). Exits 77 (skipped) when PostgreSQL
# or PostGIS is not installed and cannot be.
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
chmod 755 "$work"
# PostgreSQL refuses to run as root: run the server as the postgres user when we are root.
as_db_user() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir "$work/pg"
if [[ $(id -u) == 0 ]]; then chown postgres "$work/pg"; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

cleanup() {
  as_db_user "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_db_user "$pgbin/initdb" -D "$work/pg/data" -A trust -U postgres >"$work/pg/initdb.log" 2>&1
as_db_user "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work/pg" start >/dev/null
psql_q() { psql -X -q -t -A -h 127.0.0.1 -p "$port" -U postgres -d "${2:-incimap_test}" -c "$1"; }
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE incimap_test"
psql_q "CREATE EXTENSION postgis"

conn="PG:host=127.0.0.1 port=$port dbname=incimap_test user=postgres"
failures=0
expect() {  # expect DESCRIPTION EXPECTED SQL
  local got
  got=$(psql_q "$3")
  if [[ $got == "$2" ]]; then echo "ok: $1 ($got)"; else echo "FAILED: $1: got '$got', expected '$2'" >&2; failures=$((failures + 1)); fi
}
finish() {
  if ((failures)); then
    echo "$failures PostGIS check(s) failed; server log:" >&2
    tail -20 "$work/pg/server.log" >&2 || true
    exit 1
  fi
  echo "all PostGIS checks passed"
  exit 0
}
