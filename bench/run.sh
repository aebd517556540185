#!/usr/bin/env bash
# The benchmark of issue 4: builds the solution in Release, starts the services as child processes on fresh bench
# databases (fazhi_bench_*) and a bench RabbitMQ vhost (fazhi_bench), loads them through the public API and writes
# the results table to bench/results/latest.md. Never part of `dotnet test`.
#
#   bash bench/run.sh [--quick] [--only intake,freshness,ytd] [--clients N] [--runs N] [--duration S]
#                     [--probes N] [--cases N] [--keep] [--no-build]
#
# Needs PostgreSQL and RabbitMQ on loopback (bash scripts/infra-up.sh starts them); uses ports 5201/6201 and
# 5205/6205, so dev services on 5101/5105 may keep running (but they and anything else share the CPU being measured).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$REPO/bench/.run"
PID_FILE="$RUN_DIR/children.pids"
mkdir -p "$RUN_DIR"

# Backstop for a bench killed outright (SIGKILL, OOM): its service children would otherwise live on.
# Only pids the bench recorded, and only while they still run one of our service dlls.
kill_leftovers() {
  [ -f "$PID_FILE" ] || return 0
  while read -r pid; do
    [ -n "$pid" ] || continue
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "services/.*/Fazhi\..*\.dll"; then
      echo "[bench] killing leftover service process $pid" >&2
      kill "$pid" 2>/dev/null || true
    fi
  done < "$PID_FILE"
  rm -f "$PID_FILE"
}
trap kill_leftovers EXIT
kill_leftovers

build=true
for arg in "$@"; do case "$arg" in --no-build|--help|-h) build=false ;; esac; done

if $build; then
  echo "[bench] dotnet build Fazhi.sln -c Release"
  dotnet build "$REPO/Fazhi.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
fi

# Ctrl+C reaches the bench, which stops its services and cleans up before exiting.
FAZHI_REPO="$REPO" dotnet "$REPO/bench/Fazhi.Bench/bin/Release/net10.0/Fazhi.Bench.dll" "$@"
