#!/usr/bin/env bash
# The project's one test command (CI runs it through .ci/run, as root, with CI=true).
#
#   1. installs the PostgreSQL 15 server from Debian's packages if it is missing;
#   2. starts a private, throwaway PostgreSQL 15 cluster (temp dir, trust auth, 127.0.0.1 on a
#      free port) and exports VIGIL_TEST_POSTGRES for the tests, which create their own databases;
#   3. installs Debian's mosquitto and mosquitto-clients if missing (the MQTT tests use them), and Debian's
#      chromium (the browser tests drive it with Playwright; the console's build needs node and npm);
#   4. runs `dotnet test Vigil.slnx` (extra arguments are passed on, e.g. --filter ...);
#   5. sums the .trx results and prints, as the last line: `tests: N passed, M failed, K skipped`.
#
# Exit status is non-zero if a test failed, if dotnet test failed (e.g. a build error), or if no
# test ran. The cluster is stopped and its directory removed on exit, also on failure.
#
# Without CI=true, a PostgreSQL that cannot be installed or started only gives a loud warning and
# the tests run without VIGIL_TEST_POSTGRES; with CI=true it is an error.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
PG_FIRST_PORT=55432
PG_LAST_PORT=55531
PG_READY_TIMEOUT=30
RESULTS_DIR="$REPO_ROOT/artifacts/test-results"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

now_ms() { date +%s%3N; }

log() { printf '[test.sh] %s\n' "$*" >&2; }

is_ci() {
  case "${CI:-}" in
    [Tt][Rr][Uu][Ee] | 1 | [Yy][Ee][Ss]) return 0 ;;
    *) return 1 ;;
  esac
}

# --------------------------------------------------------------------------------------------
# Private PostgreSQL cluster
# --------------------------------------------------------------------------------------------
PG_TMP=""
PG_DATA=""
PG_PORT=""

# Runs a command as the postgres user when we are root (initdb refuses to run as root),
# from inside the cluster's directory so the postgres user can always read its cwd.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$PG_TMP" && runuser -u postgres -- "$@")
  else
    (cd "$PG_TMP" && "$@")
  fi
}

pg_installed() {
  local f
  for f in postgres initdb pg_ctl pg_isready; do
    [[ -x "$PG_BIN/$f" ]] || return 1
  done
}

install_pg() {
  if pg_installed; then
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    log "PostgreSQL ${PG_VERSION} is not installed and we are not root: cannot apt-get install it."
    return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL ${PG_VERSION} is not installed and apt-get is not available."
    return 1
  fi
  log "PostgreSQL ${PG_VERSION} not found in $PG_BIN: installing it with apt-get..."
  local apt_opts=(-y -q --no-install-recommends
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 || { log "apt-get update failed."; return 1; }
  if ! apt-get install "${apt_opts[@]}" "postgresql-${PG_VERSION}" >&2; then
    log "apt-get install postgresql-${PG_VERSION} failed; trying the 'postgresql' package."
    apt-get install "${apt_opts[@]}" postgresql >&2 || { log "apt-get install postgresql failed."; return 1; }
  fi
  pg_installed || { log "PostgreSQL ${PG_VERSION} still missing from $PG_BIN after the install."; return 1; }
}

ensure_pg_user() {
  [[ $(id -u) -eq 0 ]] || return 0
  id -u postgres >/dev/null 2>&1 && return 0
  log "Creating the 'postgres' system user."
  useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres >&2 \
    || { log "could not create the postgres user."; return 1; }
}

# True if something already accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" >/dev/null 2>&1
}

stop_pg() {
  local tmp="$PG_TMP"
  [[ -n "$tmp" ]] || return 0
  if [[ -f "$PG_DATA/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 20 stop >/dev/null 2>&1 \
      || as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 \
      || true
    if [[ -f "$PG_DATA/postmaster.pid" ]]; then
      local pid
      pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
      if [[ "$pid" =~ ^[0-9]+$ ]]; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf "$tmp" 2>/dev/null || true
  PG_TMP=""
  PG_DATA=""
}

start_pg() {
  local t0
  t0=$(now_ms)
  install_pg || return 1
  ensure_pg_user || return 1

  PG_TMP="$(mktemp -d /tmp/vigil-pg.XXXXXX)" || { log "mktemp failed."; return 1; }
  PG_DATA="$PG_TMP/data"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$PG_TMP" || { log "chown postgres $PG_TMP failed."; return 1; }
  fi

  local locale_opt=(--locale=C)
  if locale -a 2>/dev/null | grep -qiE '^C\.utf-?8$'; then
    locale_opt=(--locale=C.UTF-8)
  fi
  if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 "${locale_opt[@]}" \
    --no-sync >"$PG_TMP/initdb.log" 2>&1; then
    log "initdb failed:"
    tail -n 30 "$PG_TMP/initdb.log" >&2 || true
    return 1
  fi

  # A few tries in case another process grabs the port between our check and the bind.
  local port tries=0 started=""
  for ((port = PG_FIRST_PORT; port <= PG_LAST_PORT && tries < 5; port++)); do
    port_in_use "$port" && continue
    tries=$((tries + 1))
    # Settings for a throwaway cluster: durability off for speed.
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_TMP/postgres.log" -w -t "$PG_READY_TIMEOUT" \
      -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
    if grep -qiE 'could not (bind|create listen socket)|address already in use' "$PG_TMP/postgres.log" 2>/dev/null; then
      log "port $port is taken, trying the next one."
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
      continue
    fi
    log "PostgreSQL failed to start on port $port:"
    tail -n 30 "$PG_TMP/postgres.log" >&2 || true
    return 1
  done
  if [[ -z "$started" ]]; then
    log "no free port found in ${PG_FIRST_PORT}-${PG_LAST_PORT} for PostgreSQL."
    return 1
  fi
  PG_PORT=$port

  local deadline=$((SECONDS + PG_READY_TIMEOUT))
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 2; do
    if ((SECONDS >= deadline)); then
      log "PostgreSQL did not become ready on 127.0.0.1:$PG_PORT within ${PG_READY_TIMEOUT}s:"
      tail -n 30 "$PG_TMP/postgres.log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
  log "private PostgreSQL ${PG_VERSION} cluster ready on 127.0.0.1:$PG_PORT ($PG_TMP) in $(($(now_ms) - t0)) ms."
}

on_exit() {
  stop_pg
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if start_pg; then
  export VIGIL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=postgres"
else
  stop_pg
  if is_ci; then
    log "ERROR: could not install or start PostgreSQL ${PG_VERSION}, which CI requires (CI=${CI:-})."
    exit 1
  fi
  {
    echo "######################################################################################"
    echo "# WARNING: could not install or start PostgreSQL ${PG_VERSION}.                              #"
    echo "# VIGIL_TEST_POSTGRES is NOT set: tests that need PostgreSQL will skip or fail.        #"
    echo "# (Under CI=true this is an error.)                                                    #"
    echo "######################################################################################"
  } >&2
  unset VIGIL_TEST_POSTGRES
fi

# --------------------------------------------------------------------------------------------
# Mosquitto (the external-broker tests start their own broker; the MQTT tests use mosquitto_pub)
# --------------------------------------------------------------------------------------------
install_mosquitto() {
  command -v mosquitto_pub >/dev/null 2>&1 && { command -v mosquitto >/dev/null 2>&1 || [[ -x /usr/sbin/mosquitto ]]; } && return 0
  [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 || { log "mosquitto is missing and cannot be installed here."; return 1; }
  log "installing mosquitto and mosquitto-clients with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends mosquitto mosquitto-clients >&2 \
    || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends mosquitto mosquitto-clients >&2; }
}
if ! install_mosquitto; then
  if is_ci; then
    log "ERROR: mosquitto is required by the MQTT tests (CI=${CI:-})."
    exit 1
  fi
  log "WARNING: mosquitto is missing: the MQTT tests that use it will fail."
fi

# --------------------------------------------------------------------------------------------
# Chromium (the console's browser tests drive Debian's chromium through Playwright; no browser download)
# --------------------------------------------------------------------------------------------
install_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 || { log "chromium is missing and cannot be installed here."; return 1; }
  log "installing chromium with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends chromium >&2 \
    || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends chromium >&2; }
}
if ! install_chromium; then
  if is_ci; then
    log "ERROR: chromium is required by the browser tests (CI=${CI:-})."
    exit 1
  fi
  log "WARNING: chromium is missing: the browser tests will fail."
fi

# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

dotnet_rc=0
dotnet test Vigil.slnx \
  --logger "trx;LogFilePrefix=vigil" \
  --logger "console;verbosity=normal" \
  --results-directory "$RESULTS_DIR" \
  "$@" || dotnet_rc=$?

# Stop the cluster now so nothing is printed after the summary line.
if [[ -n "$PG_TMP" ]]; then
  t_stop=$(now_ms)
  stop_pg
  log "PostgreSQL cluster stopped and removed in $(($(now_ms) - t_stop)) ms."
fi

# --------------------------------------------------------------------------------------------
# Summary from the .trx files
# --------------------------------------------------------------------------------------------
total=0 passed=0 failed=0 skipped=0
trx_count=0
trx_files=()
while IFS= read -r -d '' f; do
  trx_files+=("$f")
done < <(find "$RESULTS_DIR" -type f -name '*.trx' -print0 2>/dev/null)
trx_count=${#trx_files[@]}

if ((trx_count > 0)); then
  # One <Counters .../> element per file; attributes summed over files. "error", "timeout"
  # and "aborted" outcomes count as failures.
  read -r total passed failed < <(
    for f in "${trx_files[@]}"; do
      tr '\r\n' '  ' <"$f" | grep -o '<Counters [^>]*>' || true
    done | awk '
      {
        s = $0
        while (match(s, /[A-Za-z]+="[0-9]+"/)) {
          kv = substr(s, RSTART, RLENGTH)
          s = substr(s, RSTART + RLENGTH)
          eq = index(kv, "=")
          name = substr(kv, 1, eq - 1)
          val = substr(kv, eq + 2)
          sub(/"$/, "", val)
          c[name] += val
        }
      }
      END {
        print c["total"] + 0, c["passed"] + 0, c["failed"] + c["error"] + c["timeout"] + c["aborted"]
      }'
  )
  skipped=$((total - passed - failed))
  ((skipped >= 0)) || skipped=0
fi

status=0
if ((dotnet_rc != 0)); then
  log "dotnet test exited with code $dotnet_rc."
  status=1
fi
if ((trx_count == 0)); then
  log "no .trx result file was produced in $RESULTS_DIR."
fi
if ((failed > 0)); then
  status=1
fi
if ((passed + failed == 0)); then
  log "no test ran."
  status=1
fi
log "results: $RESULTS_DIR ($trx_count .trx file(s))."

echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
