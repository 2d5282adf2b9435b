#!/usr/bin/env bash
# A private PostgreSQL server for the tests, on 127.0.0.1 with a password-protected role that may
# create and drop databases.
#
#   bash scripts/postgres.sh start    starts it (or reuses it when it already runs) and prints the
#                                     Npgsql connection string for IDENTITY_TEST_POSTGRES
#   bash scripts/postgres.sh stop     stops it
#   bash scripts/postgres.sh status   exits 0 when it runs
#
# Settings: IDENTITY_PG_PORT (5432), IDENTITY_PG_DIR (a folder under the temp folder),
# IDENTITY_PG_USER and IDENTITY_PG_PASSWORD (identity_test). Installs Debian's postgresql package
# when no server binaries are found and the script runs as root. PostgreSQL refuses to run as root,
# so as root the cluster belongs to the postgres OS user.
set -euo pipefail

port="${IDENTITY_PG_PORT:-5432}"
dir="${IDENTITY_PG_DIR:-${TMPDIR:-/tmp}/identity-postgres-$port}"
user="${IDENTITY_PG_USER:-identity_test}"
password="${IDENTITY_PG_PASSWORD:-identity_test}"
log="$dir.log"

fail() {
  echo "PostgreSQL: $*" >&2
  exit 1
}

find_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$found" ] && [ -x "$found/pg_ctl" ]; then
    echo "$found"
  elif command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  fi
}

bin="$(find_bin)"
if [ -z "$bin" ] && [ "${1:-start}" = "start" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "PostgreSQL is missing: installing Debian's postgresql package." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2 && apt-get install -y postgresql >&2
    bin="$(find_bin)"
  fi
  [ -n "$bin" ] || fail "no server found; install it (apt-get install -y postgresql) or set IDENTITY_TEST_POSTGRES to a server where tests may create databases."
fi

# As root, run the server's tools as the postgres OS user.
as_owner() {
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || fail "running as root needs the postgres OS user (created by Debian's postgresql package)."
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [ -n "$bin" ] && [ -f "$dir/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1
}

start() {
  if ! running; then
    if [ ! -f "$dir/PG_VERSION" ]; then
      rm -rf "$dir"
      mkdir -p "$dir"
      [ "$(id -u)" = "0" ] && chown postgres: "$dir"
      as_owner "$bin/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$log" 2>&1 || { cat "$log" >&2; fail "initdb failed in $dir."; }
      # Throwaway test data: durability is not needed, speed is.
      cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
# Each test drops its database at once; a vacuum worker in it would make the drop fail.
autovacuum = off
CONF
    fi
    [ "$(id -u)" = "0" ] && touch "$log" && chown postgres: "$log"
    as_owner "$bin/pg_ctl" -D "$dir" -l "$log" -w -t 60 start >/dev/null \
      || { tail -n 20 "$log" >&2; fail "the server in $dir did not start on 127.0.0.1:$port (is the port taken?)."; }
  fi

  # The role the tests connect as: a password over TCP, allowed to create and drop their databases.
  as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >/dev/null <<SQL || fail "could not create the role $user."
SELECT 'CREATE ROLE "$user" LOGIN CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user')\gexec
ALTER ROLE "$user" WITH LOGIN CREATEDB PASSWORD '$password';
SQL
  echo "Host=127.0.0.1;Port=$port;Username=$user;Password=$password"
}

case "${1:-start}" in
  start) start ;;
  stop) if running; then as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null; fi ;;
  status) running ;;
  *) fail "usage: $0 start|stop|status" ;;
esac
