#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests (RotorStoreTests and the
# `rotor collect` tests), on loopback only, in a temporary folder.
#
#   Tests/postgres-server.sh run CMD...   start a server, run CMD with
#       ROTOR_TEST_POSTGRES_URL (postgres://rotor@127.0.0.1:PORT/rotor_test),
#       ROTOR_TEST_POSTGRES_PASSWORD_FILE, _DIR (its folder) and _CA_FILE (the CA of
#       its certificate) exported, then stop the server and remove its folder,
#       whatever CMD's outcome (trap); exits with CMD's status.
#   Tests/postgres-server.sh start        start one and print the exports
#       (for a shell: eval "$(Tests/postgres-server.sh start)")
#   Tests/postgres-server.sh stop DIR     stop the server of folder DIR, remove DIR
#   Tests/postgres-server.sh pause DIR    stop it, keeping its folder (an outage)
#   Tests/postgres-server.sh resume DIR   start it again on its port
#
# The server: initdb in a fresh folder (as the `postgres` user when run as root,
# since initdb refuses root), scram-sha-256 password auth on 127.0.0.1, a free
# port, its unix socket inside the folder, TLS offered with a self-signed
# certificate, fsync off (it holds test data only).
# A server that cannot start fails with PostgreSQL's own log, so `make test` says
# why instead of running the store tests without it.
set -euo pipefail
# `start` runs in a command substitution under `run`: errexit must hold there too.
shopt -s inherit_errexit

fail() { echo "postgres-server: $*" >&2; exit 1; }

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$dir" ] && command -v initdb >/dev/null; then dir=$(dirname "$(command -v initdb)"); fi
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || fail "PostgreSQL's server is not installed (Debian: apt-get install postgresql)"
  echo "$dir"
}

# Runs a server program as the folder's owner: `postgres` when we are root.
# runuser lives in /usr/sbin, which a CI's or `env -i`'s PATH may leave out.
as_owner() {
  if [ "$(id -u)" != 0 ]; then "$@"; return; fi
  local runuser candidate
  runuser=$(command -v runuser || true)
  for candidate in /usr/sbin/runuser /sbin/runuser; do
    if [ -z "$runuser" ] && [ -x "$candidate" ]; then runuser=$candidate; fi
  done
  [ -n "$runuser" ] || fail "runuser (util-linux) is not installed: it runs initdb as postgres"
  "$runuser" -u postgres -- "$@"
}

# A port nothing listens on now, from a range away from the usual 5432.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  fail "no free port found on 127.0.0.1"
}

# Starts the server of folder $2 on port $3 (programs in $1).
launch() {
  local bin=$1 dir=$2 port=$3
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/run/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/run -c fsync=off -c full_page_writes=off -c ssl=on -c ssl_cert_file=$dir/run/server.crt -c ssl_key_file=$dir/run/server.key" \
    >/dev/null 2>&1
}

start() {
  local bin dir port password
  bin=$(bindir)
  if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || fail "no 'postgres' user to run initdb as (initdb refuses root)"; fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/rotor-pg.XXXXXX") || fail "cannot make a temporary folder in ${TMPDIR:-/tmp}"
  # Every path below is inside this folder: never go on without it.
  [ -n "$dir" ] && [ -d "$dir" ] || fail "cannot make a temporary folder in ${TMPDIR:-/tmp}"
  chmod 755 "$dir"
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  mkdir "$dir/data" "$dir/run"
  # The password for the tests (root's, 0600) and a copy initdb reads, then removes.
  (umask 077; printf '%s\n' "$password" >"$dir/password")
  (umask 077; printf '%s\n' "$password" >"$dir/run/initdb-password")
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$dir/data" "$dir/run"; fi
  if ! as_owner "$bin/initdb" -D "$dir/data" -U rotor --pwfile="$dir/run/initdb-password" \
       --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2; rm -rf "$dir"; fail "initdb failed"
  fi
  rm -f "$dir/run/initdb-password"
  # TLS with a certificate of a CA made here (which no system trusts): the tests
  # check that `tls = "require"` verifies certificates against the system's roots
  # and refuses this one, and that `ca_file` naming this CA accepts it (for
  # 127.0.0.1 and localhost). Plain connections are still accepted, for the tests
  # on loopback without TLS.
  command -v openssl >/dev/null || fail "openssl is not installed (Debian: apt-get install openssl)"
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$dir/run/server.ext"
  { openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=rotor-test-ca" \
      -keyout "$dir/run/ca.key" -out "$dir/run/ca.crt" &&
    openssl req -newkey rsa:2048 -nodes -subj "/CN=rotor-test-server" \
      -keyout "$dir/run/server.key" -out "$dir/run/server.csr" &&
    openssl x509 -req -in "$dir/run/server.csr" -CA "$dir/run/ca.crt" -CAkey "$dir/run/ca.key" -CAcreateserial \
      -days 2 -extfile "$dir/run/server.ext" -out "$dir/run/server.crt"; } >/dev/null 2>&1 ||
    fail "openssl could not make the test certificates"
  rm -f "$dir/run/ca.key" "$dir/run/server.csr"
  chmod 600 "$dir/run/server.key"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir/run/server.key" "$dir/run/server.crt"; fi
  # A port taken between the check and the start fails the start: try another.
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if launch "$bin" "$dir" "$port"; then
      break
    fi
    if [ "$attempt" = 5 ]; then
      cat "$dir/run/server.log" >&2 2>/dev/null || true; rm -rf "$dir"; fail "the server did not start"
    fi
  done
  as_owner "$bin/createdb" -h "$dir/run" -p "$port" -U rotor rotor_test \
    || { stop "$dir"; fail "createdb rotor_test failed"; }
  echo "$port" >"$dir/port"
  echo "export ROTOR_TEST_POSTGRES_URL=postgres://rotor@127.0.0.1:$port/rotor_test"
  echo "export ROTOR_TEST_POSTGRES_PASSWORD_FILE=$dir/password"
  echo "export ROTOR_TEST_POSTGRES_DIR=$dir"
  echo "export ROTOR_TEST_POSTGRES_CA_FILE=$dir/run/ca.crt"
}

stop() {
  local dir=$1 bin
  # Only a folder this script made (rotor-pg.XXXXXX with a data folder in it).
  case "$(basename -- "$dir")" in rotor-pg.*) ;; *) fail "$dir: not a server folder of this script" ;; esac
  [ -d "$dir/data" ] || fail "$dir: not a server folder"
  bin=$(bindir)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

# The folder of a server this script made, or fail.
server_folder() {
  case "$(basename -- "$1")" in rotor-pg.*) ;; *) fail "$1: not a server folder of this script" ;; esac
  [ -d "$1/data" ] && [ -f "$1/port" ] || fail "$1: not a server folder"
}

case "${1:-}" in
  start) start ;;
  # pause / resume: the database going away under running clients and coming back
  # on the same port with the same data (the store tests' outage).
  pause) [ $# = 2 ] || fail "usage: $0 pause DIR"; server_folder "$2"
    as_owner "$(bindir)/pg_ctl" -D "$2/data" -m immediate -w stop >/dev/null 2>&1 || fail "the server did not stop" ;;
  resume) [ $# = 2 ] || fail "usage: $0 resume DIR"; server_folder "$2"
    launch "$(bindir)" "$2" "$(cat "$2/port")" || { cat "$2/run/server.log" >&2; fail "the server did not start again"; } ;;
  stop) [ $# = 2 ] || fail "usage: $0 stop DIR"; stop "$2" ;;
  run)
    shift
    [ $# -gt 0 ] || fail "usage: $0 run CMD..."
    exports=$(start)
    eval "$exports"
    trap 'stop "$ROTOR_TEST_POSTGRES_DIR"' EXIT
    trap 'exit 130' INT TERM
    echo "postgres-server: PostgreSQL on 127.0.0.1:$(cat "$ROTOR_TEST_POSTGRES_DIR/port") for the tests (stopped on exit)"
    set +e
    "$@"
    status=$?
    exit $status
    ;;
  *) fail "usage: $0 run CMD... | start | stop DIR | pause DIR | resume DIR" ;;
esac
