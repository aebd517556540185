#!/usr/bin/env bash
# Brings up the infrastructure Fazhi needs on THIS machine, without Docker:
#   - PostgreSQL on 127.0.0.1:5432 with a login role fazhi/fazhi (SUPERUSER, CREATEDB)
#   - RabbitMQ on 127.0.0.1:5672 (guest/guest) with the management API on 127.0.0.1:15672
#
# Installs the Debian packages `postgresql` and `rabbitmq-server` if they are missing,
# starts the servers directly (no systemd / service / invoke-rc.d needed) and waits until
# both accept connections. Idempotent: safe to run again while everything is already up;
# anything that already answers correctly (even a server in a container) is left alone.
#
# Needs root, or sudo for a normal user. Used by .ci/run and scripts/run.sh.
# Tunables: FAZHI_INFRA_TIMEOUT (seconds to wait for each server, default 120).
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
PG_ROLE=fazhi
PG_PASSWORD=fazhi
RABBIT_HOST=127.0.0.1
RABBIT_PORT=5672
RABBIT_MGMT_PORT=15672
RABBIT_USER=guest
RABBIT_PASSWORD=guest
TIMEOUT="${FAZHI_INFRA_TIMEOUT:-120}"

log() { echo "[infra-up] $*"; }
die() { echo "[infra-up] ERROR: $*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=()
  as_postgres() { runuser -u postgres -- "$@"; }
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT=(sudo)
  as_postgres() { sudo -u postgres -- "$@"; }
else
  die "must run as root (or with sudo available): it installs packages and starts system servers"
fi
as_root() { "${AS_ROOT[@]}" "$@"; }

# --- probes ----------------------------------------------------------------------------

pg_role_ok() {
  command -v psql >/dev/null 2>&1 || return 1
  local out
  out="$(PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 psql -X -w -q -At \
    -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ROLE" -d postgres \
    -c "select rolsuper or rolcreatedb from pg_roles where rolname = current_user" 2>/dev/null)" || return 1
  [ "$out" = "t" ]
}

pg_accepting() {
  command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
}

tcp_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") >/dev/null 2>&1
}

rabbit_mgmt_ok() {
  command -v curl >/dev/null 2>&1 || return 1
  curl -fsS -o /dev/null --max-time 3 -u "$RABBIT_USER:$RABBIT_PASSWORD" \
    "http://$RABBIT_HOST:$RABBIT_MGMT_PORT/api/overview" 2>/dev/null
}

rabbit_ok() { tcp_open "$RABBIT_HOST" "$RABBIT_PORT" && rabbit_mgmt_ok; }

rabbit_node_running() { as_root rabbitmq-diagnostics -q ping >/dev/null 2>&1; }

wait_for() { # description timeout-seconds command...
  local what="$1" timeout="$2" start=$SECONDS
  shift 2
  until "$@"; do
    if (( SECONDS - start >= timeout )); then
      return 1
    fi
    sleep 1
  done
  log "$what is ready ($(( SECONDS - start ))s)"
}

# --- 1. install what is missing -------------------------------------------------------

pg_ok_before=false
rabbit_ok_before=false
pg_role_ok && pg_ok_before=true
rabbit_ok && rabbit_ok_before=true

missing=()
if ! $pg_ok_before; then
  if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null \
     || ! command -v pg_ctlcluster >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
    missing+=(postgresql)
  fi
fi
if ! $rabbit_ok_before; then
  [ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
fi
# The dashboard's browser tests (tests/Fazhi.Dashboard.Tests) drive Debian's Chromium; the CJK fonts draw its Chinese.
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK*' >/dev/null || missing+=(fonts-noto-cjk)

if (( ${#missing[@]} > 0 )); then
  log "installing missing packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# --- 2. PostgreSQL ---------------------------------------------------------------------

if $pg_ok_before; then
  log "PostgreSQL already answers on $PG_HOST:$PG_PORT with role $PG_ROLE"
else
  # The Debian cluster listening on PG_PORT (the package creates <version>/main on 5432).
  cluster="$(pg_lsclusters --no-header 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2; exit }')"
  if [ -z "$cluster" ]; then
    if [ -n "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
      pg_lsclusters >&2 || true
      die "no PostgreSQL cluster is configured on port $PG_PORT (see the clusters above)"
    fi
    ver="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -n | tail -n1)"
    log "no PostgreSQL cluster found: creating $ver/main on port $PG_PORT"
    as_root pg_createcluster --port "$PG_PORT" "$ver" main
    cluster="$ver main"
  fi
  read -r pg_ver pg_name <<<"$cluster"

  if pg_accepting; then
    log "PostgreSQL $pg_ver/$pg_name already running"
  else
    log "starting PostgreSQL $pg_ver/$pg_name"
    if ! as_root pg_ctlcluster "$pg_ver" "$pg_name" start; then
      # pg_ctlcluster refuses e.g. when it insists on systemd; fall back to pg_ctl itself.
      log "pg_ctlcluster failed, falling back to pg_ctl"
      as_root install -d -o postgres -g postgres -m 2775 /var/run/postgresql
      datadir="$(pg_lsclusters --no-header | awk -v v="$pg_ver" -v n="$pg_name" '$1 == v && $2 == n { print $6 }')"
      as_postgres "/usr/lib/postgresql/$pg_ver/bin/pg_ctl" -D "$datadir" -w -t 60 \
        -o "-c config_file=/etc/postgresql/$pg_ver/$pg_name/postgresql.conf" \
        -l "/var/log/postgresql/postgresql-$pg_ver-$pg_name.log" start
    fi
  fi
  if ! wait_for "PostgreSQL" "$TIMEOUT" pg_accepting; then
    as_root tail -n 30 "/var/log/postgresql/postgresql-$pg_ver-$pg_name.log" >&2 || true
    die "PostgreSQL did not accept connections on $PG_HOST:$PG_PORT within ${TIMEOUT}s"
  fi

  log "ensuring role $PG_ROLE (LOGIN SUPERUSER CREATEDB, password auth)"
  # Through the local socket as the postgres superuser (peer auth); -p selects the socket.
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE;
  END IF;
END
\$\$;
ALTER ROLE $PG_ROLE WITH LOGIN SUPERUSER CREATEDB PASSWORD '$PG_PASSWORD';
SQL
  pg_role_ok || die "cannot log in as $PG_ROLE over TCP at $PG_HOST:$PG_PORT with a password;" \
    "check that pg_hba.conf has a 'host all all 127.0.0.1/32 scram-sha-256' (or md5) line"
  log "PostgreSQL ready: Host=$PG_HOST;Port=$PG_PORT;Username=$PG_ROLE;Password=$PG_PASSWORD"
fi

# --- 3. RabbitMQ -----------------------------------------------------------------------

if $rabbit_ok_before; then
  log "RabbitMQ already answers on $RABBIT_HOST:$RABBIT_PORT and the management API on :$RABBIT_MGMT_PORT"
else
  # The node is named rabbit@<short hostname>; if that name does not resolve, the node
  # cannot start and the CLI cannot reach it. Pin it to localhost in that case.
  if ! getent hosts "$(hostname -s)" >/dev/null 2>&1 \
     && ! grep -Eq '^[[:space:]]*(RABBITMQ_)?NODENAME=' /etc/rabbitmq/rabbitmq-env.conf 2>/dev/null; then
    log "hostname $(hostname -s) does not resolve: setting NODENAME=rabbit@localhost"
    echo 'NODENAME=rabbit@localhost' | as_root tee -a /etc/rabbitmq/rabbitmq-env.conf >/dev/null
  fi

  # The /usr/sbin wrappers run the tools as the rabbitmq user with HOME=/var/lib/rabbitmq,
  # so server and CLI always share /var/lib/rabbitmq/.erlang.cookie, even when called as root.
  if rabbit_node_running; then
    log "RabbitMQ node already running: enabling the management plugin on it"
    as_root rabbitmq-plugins enable rabbitmq_management >/dev/null
  else
    log "enabling the management plugin (offline) and starting RabbitMQ"
    as_root rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
    as_root rabbitmq-server -detached
  fi
  if ! wait_for "RabbitMQ (AMQP :$RABBIT_PORT, management :$RABBIT_MGMT_PORT)" "$TIMEOUT" rabbit_ok; then
    for f in /var/log/rabbitmq/startup_err /var/log/rabbitmq/rabbit@*.log; do
      [ -f "$f" ] && { echo "--- $f" >&2; as_root tail -n 30 "$f" >&2 || true; }
    done
    die "RabbitMQ did not answer on $RABBIT_HOST:$RABBIT_PORT and :$RABBIT_MGMT_PORT within ${TIMEOUT}s"
  fi
  log "RabbitMQ ready: amqp://$RABBIT_USER:$RABBIT_PASSWORD@$RABBIT_HOST:$RABBIT_PORT/ , management http://$RABBIT_HOST:$RABBIT_MGMT_PORT/"
fi

# --- 4. RabbitMQ users -----------------------------------------------------------------
# One broker user per service with the permissions production has (k8s/rabbitmq/users.sh, shared with compose and
# k8s): a domain service publishes only its own events, reporting only consumes. Passwords <service>-local unless
# FAZHI_RABBITMQ_PASSWORD_<SERVICE> is set. Local runs (scripts/run.sh, the tests) stay on guest; point a service at
# its user with ConnectionStrings__RabbitMq=amqp://fazhi-<service>:<password>@127.0.0.1:5672/ to try them.
for svc in RECONSIDERATION LITIGATION ENFORCEMENT DISCLOSURE REPORTING; do
  var="FAZHI_RABBITMQ_PASSWORD_$svc"
  [ -n "${!var:-}" ] || export "$var=$(echo "$svc" | tr '[:upper:]' '[:lower:]')-local"
done
RABBITMQ_API="http://$RABBIT_HOST:$RABBIT_MGMT_PORT" RABBITMQ_ADMIN_USER="$RABBIT_USER" RABBITMQ_ADMIN_PASSWORD="$RABBIT_PASSWORD" \
  sh "$(dirname "$0")/../k8s/rabbitmq/users.sh" >/dev/null || die "could not create the per-service RabbitMQ users"
log "RabbitMQ users fazhi-<service> ready (permissions: k8s/rabbitmq/users.sh)"

log "infrastructure is up"
