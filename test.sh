#!/usr/bin/env bash
# Runs every test (domain, HTTP on SQLite and PostgreSQL, browser) and prints "N passed, N failed".
# Needs PostgreSQL server binaries and Chromium; as root it installs them with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")"

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
# fc-list's output is captured first: `fc-list | grep -q` under pipefail fails with SIGPIPE (141) once grep stops reading
fonts=$(fc-list 2>/dev/null || true)
grep -qi "wenquanyi\|wqy" <<<"$fonts" || need+=(fonts-wqy-microhei)
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

# Formatting is part of the test: .editorconfig's rules, checked without changing anything.
dotnet format CommunityHealth.slnx --verify-no-changes || { echo "dotnet format found changes to make: run 'dotnet format CommunityHealth.slnx'" >&2; exit 1; }

# The test processes put their PostgreSQL clusters (a few hundred MB each) in this run's own folder; on exit, also after a
# failure or Ctrl-C, the servers still running there are stopped and the folder removed. Other runs' clusters live elsewhere.
export CH_PG_DIR
CH_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ch-run.XXXXXX")
chmod 755 "$CH_PG_DIR" # the postgres user (when root) must reach its data folder
remove_clusters() {
  local data pg_ctl
  pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1 || true)
  for data in "$CH_PG_DIR"/ch-pg-*/data; do
    [ -f "$data/postmaster.pid" ] && [ -n "$pg_ctl" ] || continue
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    else "$pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; fi
  done
  rm -rf "$CH_PG_DIR"
}
trap remove_clusters EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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
