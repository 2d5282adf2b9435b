#!/usr/bin/env bash
# Runs every test suite of the solution. Installs what a fresh machine lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi

# The browser tests drive the system's Chromium (Playwright's own browser download is not used).
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update && apt-get install -y chromium
  else
    echo "Chromium is missing at $chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH." >&2
    echo "The browser tests will fail without it." >&2
  fi
fi

# The integration suite runs a second time on PostgreSQL, and any test project may use the server
# IDENTITY_TEST_POSTGRES names: a private one on 127.0.0.1:5432 unless one is given.
if [ -z "${IDENTITY_TEST_POSTGRES:-}" ]; then
  if ! IDENTITY_PG_PORT=5432 bash scripts/postgres.sh status; then
    trap 'IDENTITY_PG_PORT=5432 bash scripts/postgres.sh stop || true' EXIT
  fi
  if ! IDENTITY_TEST_POSTGRES="$(IDENTITY_PG_PORT=5432 bash scripts/postgres.sh start)"; then
    echo "PostgreSQL could not be started on 127.0.0.1:5432 (see the message above); the PostgreSQL run of the" >&2
    echo "integration tests needs it. Free the port, install postgresql, or set IDENTITY_TEST_POSTGRES." >&2
    exit 1
  fi
fi
export IDENTITY_TEST_POSTGRES

dotnet tool restore >/dev/null
dotnet restore Identity.sln
dotnet build Identity.sln --no-restore -c Release

results="$(mktemp -d)"
status=0
# One test project at a time (-m:1): the browser journeys keep two cores to themselves.
IDENTITY_TEST_DATABASE=Sqlite dotnet test Identity.sln --no-build -c Release -m:1 --logger "console;verbosity=normal" \
  --results-directory "$results" 2>&1 | tee "$results/console.log" || status=$?

# The integration suite again, every server on a fresh PostgreSQL database of its own.
echo "Integration tests on PostgreSQL:"
IDENTITY_TEST_DATABASE=Postgres dotnet test tests/Identity.IntegrationTests --no-build -c Release -m:1 \
  --logger "console;verbosity=normal" --results-directory "$results" 2>&1 | tee -a "$results/console.log" || status=$?

# One closing line with the totals of every test project and run.
awk '/^ +Passed: [0-9]+$/ { passed += $2 }
     /^ +Failed: [0-9]+$/ { failed += $2 }
     /^ +Skipped: [0-9]+$/ { skipped += $2 }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$results/console.log"

# Every failure again, with its message and the first lines of its stack, where the end of a long log shows it.
awk '/^  Failed [A-Za-z]/ { if (!failures++) print "Failed tests:"; shown = 1; lines = 0 }
     /^  (Passed|Skipped) [A-Za-z]/ { shown = 0 }
     shown && lines++ < 25 { print }' "$results/console.log"
exit "$status"
