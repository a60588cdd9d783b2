#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the store tests and print its postgresql:// URL on stdout.
# Installs nothing (scripts/test.sh apt-installs postgresql). Reuses a server it started before.
# As root (CI) the cluster runs as the 'postgres' user; otherwise as the current user.
# Env: ACCORDS_PG_DIR (default /tmp/accords-pg), ACCORDS_PG_PORT (default: a free port).
set -euo pipefail

BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "start-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
DIR=${ACCORDS_PG_DIR:-/tmp/accords-pg}
DATA="$DIR/data"

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() { echo "postgresql://postgres@127.0.0.1:$1/postgres"; }

if [ -f "$DIR/port" ] && [ -d "$DATA" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  url "$(cat "$DIR/port")"
  exit 0
fi

PORT=${ACCORDS_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
mkdir -p "$DIR"
if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-sync >"$DIR/initdb.log" 2>&1 || {
    echo "start-postgres: initdb failed, see $DIR/initdb.log" >&2; exit 1; }
fi
as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { echo "start-postgres: server did not start, see $DIR/server.log" >&2; exit 1; }
echo "$PORT" > "$DIR/port.tmp" && mv "$DIR/port.tmp" "$DIR/port" 2>/dev/null || echo "$PORT" | as_pg tee "$DIR/port" >/dev/null
url "$PORT"
