#!/usr/bin/env bash
# The benchmark: builds Release, starts the server on 127.0.0.1 on a fresh SQLite database, imports a
# confidential client and BENCH_USERS users with the server's own import command, drives it with wrk and
# with bench/Identity.Bench, and prints a table (also bench/results/latest.json). See README, "Performance".
#
# Settings (environment): BENCH_USERS (3000), BENCH_DURATION seconds per round (15), BENCH_ROUNDS (3),
# BENCH_CONNECTIONS (32), BENCH_SIGNIN_USERS (8), BENCH_PORT (5099), BENCH_WRK_CPUS (the last core),
# BENCH_SERVER_CPUS (all cores), BENCH_KEEP=1 keeps the work folder.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
USERS=${BENCH_USERS:-3000}
DURATION=${BENCH_DURATION:-15}
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
SIGNIN_USERS=${BENCH_SIGNIN_USERS:-8}
PORT=${BENCH_PORT:-5099}
CORES=$(nproc)
WRK_CPUS=${BENCH_WRK_CPUS:-$((CORES - 1))}
SERVER_CPUS=${BENCH_SERVER_CPUS:-0-$((CORES - 1))}
URL=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/identity-bench.XXXXXX)
RESULTS=$ROOT/bench/results
RAW=$RESULTS/raw
SERVER_PID=
LOAD="Load average when the run started: $(cut -d' ' -f1-3 /proc/loadavg)."

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  [[ "${BENCH_KEEP:-0}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

if ! command -v wrk >/dev/null; then
  step "Installing wrk"
  SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null \
    || { $SUDO apt-get update >/dev/null && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null; }
fi

step "Building (Release)"
# ReadyToRun: precompiled code halves the CPU a start takes (see README, "Performance").
case $(uname -m) in aarch64) RID=linux-arm64 ;; *) RID=linux-x64 ;; esac
dotnet publish src/Identity.Server -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true \
  -o "$WORK/server" --nologo -v q
dotnet build bench/Identity.Bench -c Release -o "$WORK/driver" --nologo -v q
DRIVER=(dotnet "$WORK/driver/Identity.Bench.dll")
rm -rf "$RAW" && mkdir -p "$RAW"

# The server as a person would run it on loopback: Development allows plain HTTP (only there). Rate limits
# are raised so the load generator, one IP, measures the server rather than the limiter.
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS=$URL
export Oidc__Issuer=$URL/
export Database__DataDirectory=$WORK/data
export RateLimits__TokenRequestsPerMinute=10000000
export RateLimits__AccountFormsPerMinute=100000
export Logging__LogLevel__Default=Warning

step "Machine limits (all cores, nothing else of ours running)"
"${DRIVER[@]}" limits --out "$RAW/limits.json"

step "Importing a client and $USERS users"
"${DRIVER[@]}" prepare --out "$WORK" --users "$USERS"
(cd "$WORK/server" && dotnet Identity.Server.dll import "$WORK/import.json" > "$WORK/import.log") || { tail -5 "$WORK/import.log"; exit 1; }
tail -1 "$WORK/import.log"
export BENCH_CLIENT_ID=bench
BENCH_CLIENT_SECRET=$(sed -n 's/.*"ClientSecret":"\([^"]*\)".*/\1/p' "$WORK/secrets.json")
export BENCH_CLIENT_SECRET

step "Starting the server on $URL (CPUs $SERVER_CPUS)"
(cd "$WORK/server" && exec taskset -c "$SERVER_CPUS" dotnet Identity.Server.dll > "$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "$URL/.well-known/openid-configuration" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.2
done

# One warm-up run, then the rounds; each round prints one BENCH_JSON line (see bench/wrk/report.lua).
wrk_rounds() {
  local name=$1 script=$2 target=$3
  taskset -c "$WRK_CPUS" wrk -t1 -c"$CONNECTIONS" -d5s -s "$script" "$target" > /dev/null
  for round in $(seq 1 "$ROUNDS"); do
    [[ -n "${REFRESH_SEEDS:-}" ]] && export BENCH_REFRESH_TOKENS=$REFRESH_SEEDS.$round
    local before after line
    before=$(server_ticks)
    line=$(taskset -c "$WRK_CPUS" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$script" "$target" | grep '^BENCH_JSON ' | sed 's/^BENCH_JSON //' || true)
    after=$(server_ticks)
    [[ -n "$line" ]] || { echo "wrk printed no result for $name (see bench/wrk/*.lua)" >&2; exit 1; }
    # The server's own CPU time per request: on a shared machine a steadier figure than requests/s.
    echo "${line%\}},\"server_cpu_ticks\":$((after - before)),\"ticks_per_second\":$(getconf CLK_TCK)}" | tee -a "$RAW/$name.jsonl"
  done
}

# utime + stime of the server process, in clock ticks.
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

step "client_credentials: $CONNECTIONS connections, ${DURATION} s x $ROUNDS"
wrk_rounds client_credentials bench/wrk/client_credentials.lua "$URL/connect/token"

step "Discovery and JWKS"
BENCH_NAME=discovery wrk_rounds discovery bench/wrk/get.lua "$URL/.well-known/openid-configuration"
BENCH_NAME=jwks wrk_rounds jwks bench/wrk/get.lua "$URL/.well-known/jwks"

step "refresh_token: seeding refresh tokens through real sign-ins"
SEED=$((CONNECTIONS + CONNECTIONS / 4))
NEXT_USER=0
for round in warmup $(seq 1 "$ROUNDS"); do
  "${DRIVER[@]}" seed-refresh --server "$URL" --secrets "$WORK/secrets.json" --count "$SEED" --first-user "$NEXT_USER" \
    --out "$WORK/refresh.$round" > /dev/null
  NEXT_USER=$((NEXT_USER + SEED))
done
step "refresh_token: $CONNECTIONS connections, ${DURATION} s x $ROUNDS"
export BENCH_REFRESH_TOKENS=$WORK/refresh.warmup
REFRESH_SEEDS=$WORK/refresh wrk_rounds refresh_token bench/wrk/refresh_token.lua "$URL/connect/token"

step "Interactive sign-ins: $SIGNIN_USERS concurrent browsers"
"${DRIVER[@]}" signins --server "$URL" --secrets "$WORK/secrets.json" --concurrency "$SIGNIN_USERS" \
  --first-user "$NEXT_USER" --warmup 15 --duration 20 --server-pid "$SERVER_PID" --out "$RAW/signins.json"

PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true
SERVER_PID=

step "Cold start on the existing database"
"${DRIVER[@]}" coldstart --dll "$WORK/server/Identity.Server.dll" --server "$URL" --runs 5 --out "$RAW/coldstart.json"

step "SQLite commit cost in the data folder"
"${DRIVER[@]}" sqlite-commit --folder "$WORK" --out "$RAW/sqlite_commit.json"

step "Report"
"${DRIVER[@]}" report --raw "$RAW" --out "$RESULTS/latest.json" --memory-kb "$PEAK_KB" \
  --wrk-cpus "$WRK_CPUS (1 thread, $CONNECTIONS connections)" --server-cpus "$SERVER_CPUS" --load "$LOAD"
if grep -q '"non200":[1-9]\|"socket_errors":[1-9]' "$RAW"/*.jsonl; then
  echo "WARNING: some requests failed; see the Errors column." >&2
fi
