#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 server for the tests in a temporary folder on a local port
# (as the 'postgres' account when run as root: the server refuses root), prints the
# connection string of its maintenance database; `restart DIR` restarts it (the tests of clerks
# receiving while the server goes away); `stop DIR` stops it and removes the folder.
# The account saraban_pw must give a password (scram), so a wrong one can be tested; all else is trusted.
# Used by scripts/test.sh; the server lives only as long as the test run.
#   start [--durable]   --durable keeps fsync on: the tests do not need it (fsync=off makes them
#                       faster), but a benchmark beside SQLite, which does fsync, must not skip it.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
case "${1:-start}" in
  start)
    fsync="-c fsync=off"
    [ "${2:-}" = --durable ] && fsync=""
    dir=$(mktemp -d /tmp/saraban-pg.XXXXXX)
    run=()
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; run=(runuser -u postgres --); fi
    "${run[@]}" "$bin/initdb" -D "$dir/data" -U saraban -E UTF8 --locale=C -A trust >"$dir/initdb.log" 2>&1
    sed -i '1i host all saraban_pw 127.0.0.1/32 scram-sha-256' "$dir/data/pg_hba.conf"
    # A random local port; another one if something already listens there.
    for attempt in 1 2 3 4 5; do
      port=$(( 20000 + RANDOM % 20000 ))
      if "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $fsync" start >/dev/null; then
        break
      fi
      [ "$attempt" -eq 5 ] && { echo "test-postgres: the server would not start (see $dir/server.log)" >&2; exit 1; }
    done
    echo "$dir postgresql://saraban@127.0.0.1:$port/postgres"
    ;;
  restart)
    run=()
    [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$bin/pg_ctl" -D "$2/data" -m fast -w restart >/dev/null
    ;;
  stop)
    dir=$2
    run=()
    [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
esac
