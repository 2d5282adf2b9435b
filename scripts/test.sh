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

dotnet tool restore >/dev/null
dotnet restore Identity.sln
dotnet build Identity.sln --no-restore -c Release

results="$(mktemp -d)"
status=0
# One test project at a time (-m:1): the browser journeys keep two cores to themselves.
dotnet test Identity.sln --no-build -c Release -m:1 --logger "console;verbosity=normal" \
  --results-directory "$results" 2>&1 | tee "$results/console.log" || status=$?

# One closing line with the totals of every test project.
awk '/^ +Passed: [0-9]+$/ { passed += $2 }
     /^ +Failed: [0-9]+$/ { failed += $2 }
     /^ +Skipped: [0-9]+$/ { skipped += $2 }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$results/console.log"
exit "$status"
