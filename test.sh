#!/usr/bin/env bash
# Runs every test (domain, HTTP on SQLite and PostgreSQL, browser) and prints "N passed, N failed".
# Needs PostgreSQL server binaries and Chromium; as root it installs them with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")"

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    for attempt in 1 2 3; do
      (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}") && break
      echo "apt-get failed (attempt $attempt); retrying" >&2; sleep 5
      [ "$attempt" = 3 ] && { echo "could not install: ${need[*]}" >&2; exit 1; }
    done
  else
    echo "Missing test prerequisites: ${need[*]} (Debian: sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
fi

rm -rf TestResults
set +e
dotnet test CommunityHealth.slnx --logger "trx" --results-directory TestResults "$@"
status=$?
set -e

passed=0; failed=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
