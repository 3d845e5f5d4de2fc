#!/usr/bin/env bash
# Run the test suite on PostgreSQL: DATABASE_URL if set, else the server on 127.0.0.1:5432 if it
# answers, else a throwaway cluster started from the installed PostgreSQL binaries and stopped after.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTEST=(.venv/bin/python -m pytest "$@")

if [ -n "${DATABASE_URL:-}" ]; then
  echo "PostgreSQL from DATABASE_URL"
  exec "${PYTEST[@]}"
fi
if .venv/bin/python - <<'PY' 2>/dev/null
import psycopg
psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3").close()
PY
then
  echo "PostgreSQL on 127.0.0.1:5432"
  DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres" exec "${PYTEST[@]}"
fi

initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$initdb" ]; then
  echo "No PostgreSQL server answers on 127.0.0.1:5432 and no PostgreSQL binaries are installed." >&2
  echo "Install them (Debian: apt-get install postgresql) or set DATABASE_URL." >&2
  exit 2
fi
bin=$(dirname "$initdb")
dir=$(mktemp -d)
port=54329
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
echo "Starting a throwaway PostgreSQL cluster in $dir on port $port"
as_pg "$bin/initdb -D $dir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
as_pg "$bin/pg_ctl -D $dir/data -o '-h 127.0.0.1 -p $port -k $dir' -l $dir/log -w start >/dev/null"
stop() { as_pg "$bin/pg_ctl -D $dir/data -m fast stop >/dev/null" || true; rm -rf "$dir"; }
trap stop EXIT
DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" "${PYTEST[@]}"
