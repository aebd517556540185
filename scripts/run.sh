#!/usr/bin/env bash
# Runs the whole Fazhi system on this machine.
#   - If a Docker engine works (`docker info`) and Compose is available:
#       docker compose up -d --build   (PostgreSQL, RabbitMQ and every service in containers)
#   - Otherwise, without Docker:
#       scripts/infra-up.sh (local PostgreSQL + RabbitMQ), dotnet build Fazhi.sln -c Release,
#       then each service started in the background from its build output
#       (logs in .run/<name>.log, pid in .run/<name>.pid).
# Then waits for every service's http://127.0.0.1:<port>/health/live and prints the URLs.
# Stop with scripts/stop.sh (add --all to stop PostgreSQL/RabbitMQ or the containers too).
#
# Options:
#   --demo   then log a demo year through the public APIs (tools/Fazhi.Demo: 金水区 2023 as the worked
#            example states it, with 2022 and a second district) and check the figures; running it
#            again adds nothing. Needs the .NET SDK on this machine, also in Docker mode.
#
# Environment: FAZHI_RUN_MODE=auto|docker|local (default auto), FAZHI_RUN_TIMEOUT (seconds to
# wait for the services, default 90), ASPNETCORE_ENVIRONMENT (default Development);
# ConnectionStrings__*, Auth__DevSigningKey and other settings are passed through when set.
set -euo pipefail

DEMO=false
for arg in "$@"; do
  case "$arg" in
    --demo) DEMO=true ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "usage: scripts/run.sh [--demo]" >&2; exit 2 ;;
  esac
done

# One line per service: <Name> <REST HTTP/1.1 port> <gRPC h2c port>.
# Project services/<Name>/Fazhi.<Name>.csproj, database fazhi_<name>, compose service <name>.
SERVICES=(
  "Reconsideration 5101 6101"
  "Reporting       5105 6105"
  "Litigation      5102 6102"
  "Enforcement     5103 6103"
  "Disclosure      5104 6104"
)

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
RUN_DIR="$ROOT/.run"
TIMEOUT="${FAZHI_RUN_TIMEOUT:-90}"
MODE="${FAZHI_RUN_MODE:-auto}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

log() { echo "[run] $*"; }
die() { echo "[run] ERROR: $*" >&2; exit 1; }
lower() { tr '[:upper:]' '[:lower:]' <<<"$1"; }

compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose "$@"
  else
    docker-compose "$@"
  fi
}
docker_usable() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 || return 1
  docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1
}

case "$MODE" in
  auto) if docker_usable; then MODE=docker; else MODE=local; fi ;;
  docker) docker_usable || die "FAZHI_RUN_MODE=docker but no working Docker engine with Compose" ;;
  local) ;;
  *) die "FAZHI_RUN_MODE must be auto, docker or local (got '$MODE')" ;;
esac
mkdir -p "$RUN_DIR"

pid_alive() { # pidfile -> true if its process is a running dotnet
  local pid
  [ -f "$1" ] && pid="$(cat "$1")" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q dotnet
}

if [ "$MODE" = docker ]; then
  log "Docker engine found: docker compose up -d --build"
  echo docker >"$RUN_DIR/mode"
  compose up -d --build
else
  log "no usable Docker engine: running on this machine (infra-up, build, start services)"
  echo local >"$RUN_DIR/mode"
  command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH"
  bash scripts/infra-up.sh

  log "dotnet build Fazhi.sln -c Release"
  dotnet build Fazhi.sln -c Release -nologo -v quiet

  for entry in "${SERVICES[@]}"; do
    read -r name http grpc <<<"$entry"
    id="$(lower "$name")"
    pidfile="$RUN_DIR/$id.pid"
    logfile="$RUN_DIR/$id.log"
    if pid_alive "$pidfile"; then
      log "$name already running (pid $(cat "$pidfile")); run scripts/stop.sh first to restart it"
      continue
    fi
    rm -f "$pidfile"
    proj="services/$name/Fazhi.$name.csproj"
    [ -f "$proj" ] || die "$proj not found"
    dll="$(dotnet msbuild "$proj" -nologo -getProperty:TargetPath -p:Configuration=Release 2>/dev/null | tail -n1 || true)"
    [ -f "$dll" ] || dll="$ROOT/services/$name/bin/Release/net10.0/Fazhi.$name.dll"
    [ -f "$dll" ] || die "build output of $name not found ($dll)"

    log "starting $name (REST :$http, gRPC :$grpc), log $logfile"
    # Own session (setsid) so it outlives this script; the inner shell records its pid and
    # then becomes the service (exec), so the pid file holds the service's own pid.
    # shellcheck disable=SC2016 # $$, $0 and $1 are meant for the inner shell
    (
      cd "$(dirname "$dll")"
      Fazhi__HttpPort="$http" Fazhi__GrpcPort="$grpc" \
        nohup setsid bash -c 'echo $$ >"$0"; exec dotnet "$1"' "$pidfile" "$dll" \
        >"$logfile" 2>&1 </dev/null &
    )
  done
fi

# Wait for every service's liveness endpoint (one overall deadline).
deadline=$(( SECONDS + TIMEOUT ))
for entry in "${SERVICES[@]}"; do
  read -r name http grpc <<<"$entry"
  id="$(lower "$name")"
  url="http://127.0.0.1:$http/health/live"
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [ "$MODE" = local ] && [ -f "$RUN_DIR/$id.pid" ] && ! pid_alive "$RUN_DIR/$id.pid"; then
      tail -n 40 "$RUN_DIR/$id.log" >&2 || true
      die "$name exited during startup (log: .run/$id.log)"
    fi
    if (( SECONDS >= deadline )); then
      if [ "$MODE" = local ]; then tail -n 40 "$RUN_DIR/$id.log" >&2 || true
      else compose logs --tail 40 "$id" >&2 || true; fi
      die "$name did not answer $url within ${TIMEOUT}s (scripts/stop.sh stops what was started)"
    fi
    sleep 1
  done
  log "$name is live"
done

echo
echo "Fazhi is running ($MODE mode, ASPNETCORE_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT):"
for entry in "${SERVICES[@]}"; do
  read -r name http grpc <<<"$entry"
  printf '  %-16s REST http://127.0.0.1:%s/   gRPC (h2c) http://127.0.0.1:%s   health http://127.0.0.1:%s/health/ready\n' \
    "$name" "$http" "$grpc" "$http"
done
echo "  PostgreSQL       Host=127.0.0.1;Port=5432;Username=fazhi;Password=fazhi"
echo "  RabbitMQ         amqp://guest:guest@127.0.0.1:5672/  management http://127.0.0.1:15672/ (guest/guest)"
if [ "$MODE" = local ]; then
  echo "  logs             .run/<name>.log"
fi
echo "Stop with scripts/stop.sh (scripts/stop.sh --all also stops PostgreSQL and RabbitMQ)."

if $DEMO; then
  command -v dotnet >/dev/null 2>&1 || die "--demo needs the .NET SDK on this machine (dotnet not on PATH)"
  echo
  log "demo year: dotnet run --project tools/Fazhi.Demo -c Release -- --check"
  # Built with the solution in local mode; in Docker mode this builds just the demo.
  dotnet run --project tools/Fazhi.Demo -c Release -- --check \
    || die "the demo year did not complete or its figures differ (see above); the services keep running"
fi
