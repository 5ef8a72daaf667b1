#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks: Debian's postgresql binaries, run as an unprivileged user
# on a local port, no service manager. Prints the connection URL on stdout.
#   scripts/pg-throwaway.sh start [DIR] [PORT]   → postgresql://dondoc@127.0.0.1:PORT/postgres
#   scripts/pg-throwaway.sh stop  [DIR]
# initdb refuses to run as root: as root the cluster belongs to the "postgres" user the Debian package creates.
set -euo pipefail
cmd="${1:-start}"
dir="${2:-${TMPDIR:-/tmp}/dondoc-pg}"
port="${3:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$bin" ] || { echo "PostgreSQL binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      if [ "$(id -u)" = 0 ]; then
        chown postgres:postgres "$dir"
        chmod a+x "$(dirname "$dir")" # e.g. a mktemp -d parent (0700): the owner must reach its data folder
      fi
      chmod 700 "$dir"
      as_owner "$bin/initdb" -D "$dir" -U dondoc --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      # Tests create a database per test file and several workers connect at once: enough connections, no fsync
      # (the cluster is thrown away), sockets in the data folder (not /var/run).
      as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
    fi
    echo "postgresql://dondoc@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop [DIR] [PORT]" >&2; exit 2 ;;
esac
