#!/bin/sh
# Creates (or updates) one RabbitMQ user per Fazhi service, with permissions that let each domain service publish
# only its own case events and reporting consume them without being able to publish any. Idempotent; POSIX sh and
# curl only, through the management HTTP API, so the same file serves scripts/infra-up.sh, docker-compose.yml (an
# init container) and k8s (a Job).
#
# Environment:
#   RABBITMQ_API                  management API base, default http://127.0.0.1:15672
#   RABBITMQ_ADMIN_USER/PASSWORD  an administrator of the broker, default guest/guest
#   FAZHI_RABBITMQ_VHOST          the virtual host the services use, default /
#   FAZHI_RABBITMQ_USER_PREFIX    prefix of the user names, default fazhi- (fazhi-reconsideration, …)
#   FAZHI_RABBITMQ_PASSWORD_<SERVICE>  each user's password (RECONSIDERATION, LITIGATION, ENFORCEMENT, DISCLOSURE,
#                                 REPORTING); required.
#
# What MassTransit 8.5 does with them (see docs/architecture.md, "Broker users"): a publisher declares (configure)
# and writes to the exchange named after the message type, e.g. Fazhi.Contracts.IntegrationEvents:ReconsiderationCaseChanged
# and, for the packed and rebuild messages, …:CaseChanges--ReconsiderationCaseChanged-- and
# …:CasesRepublished--ReconsiderationCaseChanged--. A consumer declares its queue and an exchange of the same name
# (reporting-reconsideration-case-changes), binds the message-type exchange to that exchange (read on the type's
# exchange, write on its own), consumes (read), moves failures to <queue>_error (configure and write) and publishes
# a Fault (exchange MassTransit:Fault--<type>--, bound to MassTransit:Fault, or MassTransit:ReceiveFault for a message
# it could not read: configure, write and read on them).
set -eu

api="${RABBITMQ_API:-http://127.0.0.1:15672}"
admin="${RABBITMQ_ADMIN_USER:-guest}:${RABBITMQ_ADMIN_PASSWORD:-guest}"
vhost="${FAZHI_RABBITMQ_VHOST:-/}"
prefix="${FAZHI_RABBITMQ_USER_PREFIX:-fazhi-}"
vhost_path="$(printf '%s' "$vhost" | sed 's|%|%25|g; s|/|%2F|g')"
events='Fazhi\.Contracts\.IntegrationEvents:'
# MassTransit:Fault, MassTransit:Fault--<type>--, MassTransit:ReceiveFault (a message that could not be read).
faults='MassTransit:[A-Za-z]*Fault(--.*)?'

# The management API comes up a little after the AMQP port: wait for it (RABBITMQ_WAIT seconds, default 90).
waited=0
until curl -fsS -o /dev/null -u "$admin" "$api/api/overview" 2>/dev/null; do
  waited=$((waited + 1))
  if [ "$waited" -ge "${RABBITMQ_WAIT:-90}" ]; then
    echo "[rabbitmq-users] the management API at $api does not answer" >&2
    exit 1
  fi
  sleep 1
done

put() { # path json
  out="$(curl -sS -w ' %{http_code}' -u "$admin" -X PUT -H 'content-type: application/json' --data "$2" "$api/api/$1")"
  case "${out##* }" in
    2??) ;;
    *) echo "[rabbitmq-users] PUT $1 answered: $out" >&2; exit 1 ;;
  esac
}

json() { printf '%s' "$1" | sed 's|\\|\\\\|g; s|"|\\"|g'; }

user() { # service configure write read
  upper="$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]')"
  eval "password=\${FAZHI_RABBITMQ_PASSWORD_$upper:-}"
  if [ -z "$password" ]; then
    echo "[rabbitmq-users] FAZHI_RABBITMQ_PASSWORD_$upper is not set" >&2
    exit 1
  fi
  name="$prefix$1"
  put "users/$(printf '%s' "$name" | sed 's|/|%2F|g')" "{\"password\":\"$(json "$password")\",\"tags\":\"\"}"
  put "permissions/$vhost_path/$name" \
    "{\"configure\":\"$(json "$2")\",\"write\":\"$(json "$3")\",\"read\":\"$(json "$4")\"}"
  echo "[rabbitmq-users] $name on vhost $vhost: configure $2, write $3, read $4"
}

# A domain service: its own three event exchanges (configure, write), and queues of its own should it ever consume.
domain() { # service EventTypeName
  own="^($events($2|CaseChanges--$2--|CasesRepublished--$2--)|$1-.*)\$"
  user "$1" "$own" "$own" "^$1-.*\$"
}

domain reconsideration ReconsiderationCaseChanged
domain litigation LitigationCaseChanged
domain enforcement EnforcementCaseChanged
domain disclosure DisclosureCaseChanged
# Reporting: its queues and their exchanges, the error queues and faults; it may declare and bind the domain
# exchanges (read) but never write to one.
user reporting \
  "^(reporting-.*|$events.*|$faults)\$" \
  "^(reporting-.*|$faults)\$" \
  "^(reporting-.*|$events.*|$faults)\$"
