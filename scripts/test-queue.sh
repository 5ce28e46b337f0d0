#!/usr/bin/env bash
# Queue mode in a real n8n: Redis (Debian's redis-server) and Postgres (the machine's PostgreSQL) on
# free loopback ports with their data in temporary folders, one n8n main process and two workers
# (EXECUTIONS_MODE=queue, one Postgres database and one encryption key), the package installed as
# in the e2e suite, and moto. test/queue/run.js then sends the e2e workflows and the bulk flows
# through the queue (see there). Last line: "N passed, N failed"; exit code 1 on any failure.
#
# Environment: QUEUE_TARBALL=<file> (or E2E_TARBALL) installs that package instead of building one;
# QUEUE_KEEP=1 keeps the work folder (it is always kept when something fails); QUEUE_ONLY=<regex> runs
# only the e2e cases whose title matches and no bulk flows.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/lib-n8n.sh

started=$SECONDS
step() { log "queue: $* ($((SECONDS - started)) s)"; }

# redis-server from Debian when the machine has none.
ensure_redis() {
  command -v redis-server >/dev/null 2>&1 && return 0
  log "installing Debian redis-server"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
}

# PG_BIN: the newest PostgreSQL's programs (Debian's postgresql when there is none).
ensure_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_BIN" ]; then
    log "installing Debian postgresql"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
}

# Postgres refuses to run as root: as root, its programs run as the (system) user postgres.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

ensure_node24
ensure_n8n
ensure_moto
ensure_redis
ensure_postgres
[ -d node_modules/@aws-sdk/client-glue ] || npm ci --no-audit --no-fund

work_folder queue "${QUEUE_KEEP:-}"
# Postgres's folder must belong to its user, so it lives beside the (private) work folder.
PG_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/n8n-aws-queue-pg.XXXXXX")
MOTO_PID= REDIS_PID= WORKER1_PID= WORKER2_PID= PG_STARTED=
status=1
# stop_group PID: stops a process started with setsid and its children (task runners).
stop_group() {
  local pid=$1 waited=0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop_group "$WORKER1_PID"
  stop_group "$WORKER2_PID"
  stop_n8n
  stop_pid "$REDIS_PID"
  stop_pid "$MOTO_PID"
  [ -n "$PG_STARTED" ] && as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  [ -f "$PG_ROOT/postgres.log" ] && cp "$PG_ROOT/postgres.log" "$WORK/postgres.log" 2>/dev/null || true
  rm -rf "$PG_ROOT"
  finish_work
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fresh_user_folder "${QUEUE_TARBALL:-${E2E_TARBALL:-}}"   # the main process's user folder, WORK/user
# Each worker has its own user folder with the same installed package, as on separate machines.
for worker in worker1 worker2; do
  mkdir -p "$WORK/$worker/.n8n"
  cp -a "$WORK/user/.n8n/nodes" "$WORK/$worker/.n8n/nodes"
done

step "start Redis"
redis_port=$(free_port)
mkdir -p "$WORK/redis"
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$WORK/redis" \
  --logfile "$WORK/redis.log" --daemonize no &
REDIS_PID=$!
until redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG; do
  kill -0 "$REDIS_PID" 2>/dev/null || { log "redis-server exited"; cat "$WORK/redis.log" >&2; exit 1; }
  sleep 0.2
done

step "start Postgres ($PG_BIN)"
pg_port=$(free_port)
if [ "$(id -u)" = 0 ]; then as_pg true && chown postgres "$PG_ROOT"; fi
as_pg "$PG_BIN/initdb" -D "$PG_ROOT/data" -U n8n -A trust -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1 ||
  { cat "$WORK/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/postgres.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $pg_port -k $PG_ROOT -c fsync=off -c full_page_writes=off" start >/dev/null ||
  { cat "$PG_ROOT/postgres.log" >&2; exit 1; }
PG_STARTED=1
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U n8n n8n

step "start moto"
moto_port=$(free_port)
start_moto "$moto_port" "$WORK/moto.log"
export E2E_MOTO_ENDPOINT="http://127.0.0.1:$moto_port"

# What every n8n process of the installation shares (n8n_env gave the key and the quiet flags).
export DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT=$pg_port \
  DB_POSTGRESDB_DATABASE=n8n DB_POSTGRESDB_USER=n8n DB_POSTGRESDB_PASSWORD=n8n \
  EXECUTIONS_MODE=queue QUEUE_BULL_REDIS_HOST=127.0.0.1 QUEUE_BULL_REDIS_PORT=$redis_port \
  QUEUE_HEALTH_CHECK_ACTIVE=false

step "import the credential and the workflows"
cred_id=queueMotoCredential
cred_name="AWS (moto queue)"
credentials_with_target "$cred_id" "$cred_name" us-east-1 testing testing "$E2E_MOTO_ENDPOINT" > "$WORK/credentials.json"
"$N8N_BIN" import:credentials --input="$WORK/credentials.json" > "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }
export QUEUE_DIR="$WORK/workflows"
node test/queue/prepare.js --credential-id "$cred_id" --credential-name "$cred_name" --out "$QUEUE_DIR" > "$WORK/workflows.txt"
mkdir -p "$WORK/import"
cp "$QUEUE_DIR"/*-*.json "$WORK/import/"
# run.js publishes them through the REST API, as the editor's Publish button does: the main process
# then serves their webhooks at once (one CLI run per workflow would take minutes).
"$N8N_BIN" import:workflow --separate --input="$WORK/import" >> "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }
log "imported $(wc -l < "$WORK/workflows.txt") workflows"

step "start n8n: main process and two workers"
n8n_port=$(free_port)
start_n8n "$n8n_port" "$WORK/main.log"
# Each worker: its own user folder and task-runner port, its own process group; runs 3 at once.
N8N_USER_FOLDER="$WORK/worker1" N8N_RUNNERS_BROKER_PORT="$(free_port)" \
  setsid "$N8N_BIN" worker --concurrency=3 >"$WORK/worker1.log" 2>&1 &
WORKER1_PID=$!
N8N_USER_FOLDER="$WORK/worker2" N8N_RUNNERS_BROKER_PORT="$(free_port)" \
  setsid "$N8N_BIN" worker --concurrency=3 >"$WORK/worker2.log" 2>&1 &
WORKER2_PID=$!
for worker in worker1 worker2; do
  deadline=$((SECONDS + 120))
  until grep -q "worker is now ready" "$WORK/$worker.log"; do
    [ $SECONDS -lt $deadline ] || { log "$worker did not start"; tail -n 30 "$WORK/$worker.log" >&2; exit 1; }
    sleep 0.5
  done
done

step "run the workflows through the queue"
export QUEUE_BASE_URL="http://127.0.0.1:$n8n_port"
export QUEUE_LOGS="main=$WORK/main.log worker1=$WORK/worker1.log worker2=$WORK/worker2.log redis=$WORK/redis.log postgres=$PG_ROOT/postgres.log"
export QUEUE_WORKER_LOGS="$WORK/worker1.log $WORK/worker2.log"
# The workers' process groups, in the same order (the Reconcile part kills one mid-apply).
export QUEUE_WORKER_PIDS="$WORKER1_PID $WORKER2_PID"
export N8N_DIR
set +e
node test/queue/run.js
status=$?
set -e
step "done"
exit $status
