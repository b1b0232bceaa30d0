#!/usr/bin/env bash
# Runs every test of Store: installs what the tests need on a fresh Debian machine, builds warning-free,
# checks formatting, then runs unit, integration and end-to-end tests. Prints "N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

log "What the tests need"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) # reads the invoice PDFs in the billing tests
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
chromium --version
redis-server --version
for dir in . tools/*/ src/Site/client; do
  if [ -f "$dir/package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
dotnet tool restore >/dev/null

log "Build (warnings are errors)"
dotnet build Store.sln -nologo -clp:ErrorsOnly

log "Format"
dotnet format Store.sln --verify-no-changes --no-restore

results=$(mktemp)
status=0
run() {
  local project=$1
  log "Tests: $project"
  set +e
  dotnet test "$project" --no-build -nologo --blame-hang-timeout 5m --blame-hang-dump-type none 2>&1 | tee -a "$results"
  local rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" -eq 0 ] || status=1
}
run tests/Domain.Tests
run tests/Jobs.Tests
run tests/Api.Tests
run tests/Site.Tests
run e2e

passed=$(grep -Eo 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
rm -f "$results"
echo
echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit $status
