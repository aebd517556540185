#!/usr/bin/env bash
# Stops what scripts/run.sh started.
#   scripts/stop.sh        stop the Fazhi services; PostgreSQL and RabbitMQ keep running
#   scripts/stop.sh --all  also stop PostgreSQL and RabbitMQ (local servers or containers)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUN_DIR=.run
ALL=false
case "${1:-}" in
  "") ;;
  --all) ALL=true ;;
  -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
  *) echo "usage: scripts/stop.sh [--all]" >&2; exit 2 ;;
esac

log() { echo "[stop] $*"; }
if [ "$(id -u)" -eq 0 ]; then AS_ROOT=(); else AS_ROOT=(sudo); fi
as_root() { "${AS_ROOT[@]}" "$@"; }

compose() {
  if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi
}

mode="$(cat "$RUN_DIR/mode" 2>/dev/null || echo local)"

# --- services ---------------------------------------------------------------------------
if [ "$mode" = docker ]; then
  if $ALL; then
    log "docker compose down (services, PostgreSQL, RabbitMQ; volumes are kept)"
    compose down
  else
    # Everything in docker-compose.yml except the infrastructure containers.
    mapfile -t services < <(compose config --services | grep -vx -e postgres -e rabbitmq)
    if (( ${#services[@]} > 0 )); then
      log "docker compose stop ${services[*]}"
      compose stop "${services[@]}"
    fi
  fi
else
  shopt -s nullglob
  stopped=0
  for pidfile in "$RUN_DIR"/*.pid; do
    name="$(basename "$pidfile" .pid)"
    pid="$(cat "$pidfile" 2>/dev/null || true)"
    # Only signal a live dotnet process: the pid may have been reused since run.sh.
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
       && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q dotnet; then
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      if kill -0 "$pid" 2>/dev/null; then
        log "$name did not exit after 20s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
      fi
      stopped=$(( stopped + 1 ))
    else
      log "$name was not running"
    fi
    rm -f "$pidfile"
  done
  log "stopped $stopped service(s)"

  # --- local infrastructure (only with --all) ---------------------------------------------
  if $ALL; then
    if [ -x /usr/sbin/rabbitmqctl ] && as_root rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
      log "stopping RabbitMQ"
      as_root rabbitmqctl shutdown >/dev/null
    fi
    if command -v pg_lsclusters >/dev/null 2>&1; then
      while read -r ver cluster port status _; do
        if [ "$port" = 5432 ] && [[ "$status" == online* ]]; then
          log "stopping PostgreSQL $ver/$cluster"
          as_root pg_ctlcluster "$ver" "$cluster" stop
        fi
      done < <(pg_lsclusters --no-header)
    fi
  else
    log "PostgreSQL and RabbitMQ left running (scripts/stop.sh --all stops them)"
  fi
fi
rm -f "$RUN_DIR/mode"
