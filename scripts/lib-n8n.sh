# Sourced (after scripts/env.sh) by test-e2e.sh, test-ui.sh and start.sh: the steps that put the
# built package into a real n8n. Every server listens on 127.0.0.1 only, and n8n is told not to call
# home (telemetry, version checks, templates, banners, license renewal), so a run needs no internet.

# The emulator: moto's server with the project's plug-ins loaded into its backends.
EMULATOR_SERVER="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/emulator/server.py"

# A free TCP port on the loopback interface (the kernel picks it).
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# n8n_env USER_FOLDER [ENCRYPTION_KEY]: exports the environment of a self-contained, offline n8n
# whose data (SQLite, settings, installed nodes) lives in USER_FOLDER/.n8n. Without a key, the one
# the folder was created with is reused, or a new random one is made.
n8n_env() {
  export N8N_USER_FOLDER="$1"
  local key=${2:-}
  if [ -z "$key" ] && [ -f "$1/.n8n/config" ]; then
    key=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).encryptionKey ?? "")' "$1/.n8n/config")
  fi
  [ -n "$key" ] || key=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')
  export N8N_ENCRYPTION_KEY="$key"
  export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false \
    N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED=false N8N_TEMPLATES_ENABLED=false \
    N8N_PERSONALIZATION_ENABLED=false N8N_DYNAMIC_BANNERS_ENABLED=false N8N_HIRING_BANNER_ENABLED=false \
    N8N_LICENSE_AUTO_RENEW_ENABLED=false N8N_AI_ENABLED=false N8N_PYTHON_ENABLED=false \
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false N8N_SECURE_COOKIE=false \
    N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1 \
    EXECUTIONS_DATA_PRUNE=false N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-info}"  # `n8n execute` prints its result at level info
  # The task runner broker defaults to port 5679: a free one lets several n8n processes coexist.
  N8N_RUNNERS_BROKER_PORT="$(free_port)"
  export N8N_RUNNERS_BROKER_PORT
}

# build_package OUT_DIR: builds dist/ (type-check + bundle) and packs it; prints the tarball's path.
build_package() {
  npx gulp build >&2
  pack_package "$1"
}

# pack_package OUT_DIR: packs the already built dist/; prints the tarball's path.
pack_package() {
  mkdir -p "$1"
  local name
  name=$(npm pack --ignore-scripts --silent --pack-destination "$1" | tail -n 1)
  printf '%s\n' "$1/$name"
}

# work_folder NAME KEEP: a fresh scratch folder (in WORK) for one suite; `finish_work` removes it
# after a passing run unless KEEP is set, and keeps it for inspection after a failure.
work_folder() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/n8n-aws-$1.XXXXXX")
  WORK_KEEP=${2:-}
}
finish_work() {
  if [ "${status:-1}" = 0 ] && [ -z "$WORK_KEEP" ]; then rm -rf "$WORK"; else log "work folder kept: $WORK"; fi
}

# begin_stage NAME KEEP: the start of a suite in a real n8n: Node 24 and n8n installed when missing,
# a work folder (see work_folder), n8n and moto stopped and the folder handled on exit, and a
# `step` that logs with the suite's name and its seconds so far. The suite sets `status` at its end.
begin_stage() {
  STAGE=$1
  started=$SECONDS
  ensure_node24
  ensure_n8n
  work_folder "$1" "${2:-}"
  MOTO_PID=
  N8N_PID=
  status=1
  trap 'stop_n8n; stop_pid "$MOTO_PID"; finish_work' EXIT
  trap 'exit 130' INT TERM
}
step() { log "${STAGE:-n8n}: $* ($((SECONDS - started)) s)"; }

# run_stage COMMAND...: the suite's checks; their exit code is the suite's (and decides whether
# finish_work keeps the work folder).
run_stage() {
  set +e
  "$@"
  status=$?
  set -e
  step "done"
  exit $status
}

# fresh_user_folder [TARBALL]: installs the package (TARBALL, or one built and packed now) into a
# new n8n user folder WORK/user, and exports that n8n's environment. Calls the suite's `step`.
fresh_user_folder() {
  local tarball=${1:-}
  if [ -n "$tarball" ]; then
    tarball=$(realpath "$tarball")
  else
    step "build and pack"
    tarball=$(build_package "$WORK/pack")
  fi
  step "install $(basename "$tarball") into a fresh user folder"
  n8n_env "$WORK/user"
  install_package "$WORK/user" "$tarball"
}

# install_package USER_FOLDER TARBALL: installs the tarball as a community package, the way a
# manual install does (USER_FOLDER/.n8n/nodes). A copy of the tarball stays there, so the folder
# does not depend on where the build happened.
install_package() {
  local nodes="$1/.n8n/nodes" tarball=$2
  mkdir -p "$nodes"
  [ -f "$nodes/package.json" ] || echo '{"name":"installed-nodes","private":true}' > "$nodes/package.json"
  printf 'ignore-scripts=true\nfund=false\naudit=false\nupdate-notifier=false\n' > "$nodes/.npmrc"
  cp "$tarball" "$nodes/package.tgz"
  # A rebuilt package keeps its version: remove the old copy so npm cannot keep it.
  local name
  name=$(tar -xzOf "$tarball" package/package.json | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).name)')
  rm -rf "${nodes:?}/node_modules/$name"
  # --legacy-peer-deps: n8n-workflow is a peer dependency that n8n itself provides.
  (cd "$nodes" && npm i ./package.tgz --legacy-peer-deps --no-audit --no-fund --prefer-offline --loglevel=error >&2)
}

# wait_for_url URL SECONDS [PID]: waits until URL answers with a 2xx or 3xx status; fails early when
# the process PID has exited.
wait_for_url() {
  local url=$1 deadline=$((SECONDS + $2)) pid=${3:-}
  until curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" | grep -qE '^[23]'; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then log "process $pid exited before $url answered"; return 1; fi
    if [ $SECONDS -ge $deadline ]; then log "$url did not answer within $2 s"; return 1; fi
    sleep 0.3
  done
}

# start_moto PORT LOG_FILE: starts moto's server with the project's plug-ins (emulator/server.py) on
# 127.0.0.1:PORT in the background; sets MOTO_PID.
start_moto() {
  local port=$1 logfile=$2
  ensure_moto
  # moto writes nothing outside the process; HOME points at a scratch folder all the same.
  HOME="${TMPDIR:-/tmp}" "$MOTO_PYTHON" "$EMULATOR_SERVER" -H 127.0.0.1 -p "$port" >"$logfile" 2>&1 &
  MOTO_PID=$!
  wait_for_url "http://127.0.0.1:$port/moto-api/" 60 "$MOTO_PID"
}

# stop_pid PID [SECONDS]: SIGTERM, then SIGKILL after SECONDS (default 10); waits for the exit.
stop_pid() {
  local pid=$1 grace=${2:-10} waited=0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt $((grace * 10)) ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}

# credential_json ID NAME REGION ACCESS_KEY SECRET_KEY [ENDPOINT] [SESSION_TOKEN]: one awsConnectionsApi
# credential as `n8n import:credentials` reads it (an array). Secrets are passed through the
# environment, never on a command line.
credential_json() {
  CRED_ID=$1 CRED_NAME=$2 CRED_REGION=$3 CRED_AK=$4 CRED_SK=$5 CRED_ENDPOINT=${6:-} CRED_ST=${7:-} node -e '
const e = process.env;
process.stdout.write(JSON.stringify([{ id: e.CRED_ID, name: e.CRED_NAME, type: "awsConnectionsApi", data: {
  region: e.CRED_REGION, accessKeyId: e.CRED_AK, secretAccessKey: e.CRED_SK, sessionToken: e.CRED_ST,
  assumeRole: false, endpoint: e.CRED_ENDPOINT } }], null, 2));'
}

# credentials_with_target ID NAME REGION ACCESS_KEY SECRET_KEY [ENDPOINT] [SESSION_TOKEN]: as
# credential_json, plus its twin in the target Region of the examples that copy connections between
# Regions (id, name and Region from scripts/n8n-workflows.js, which points those nodes at it).
credentials_with_target() {
  local target id name region
  target=$(node "$(dirname "${BASH_SOURCE[0]}")/n8n-workflows.js" --credential-id "$1" --credential-name "$2" --target-credential)
  IFS=$'\t' read -r id name region <<< "$target"
  { credential_json "$@"; printf '\036'; credential_json "$id" "$name" "$region" "${@:4}"; } | node -e '
let text = ""; process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
  process.stdout.write(JSON.stringify(text.split("\x1e").flatMap((part) => JSON.parse(part)), null, 2));
});'
}

# setup_owner BASE_URL EMAIL PASSWORD: creates the instance owner through the REST API (a fresh
# instance only; an existing owner is left alone).
setup_owner() {
  local base=$1
  OWNER_EMAIL=$2 OWNER_PASSWORD=$3 BASE_URL=$base node -e '
const { BASE_URL, OWNER_EMAIL, OWNER_PASSWORD } = process.env;
(async () => {
  const settings = await (await fetch(`${BASE_URL}/rest/settings`)).json();
  if (!settings.data.userManagement.showSetupOnFirstLoad) return; // already set up
  const response = await fetch(`${BASE_URL}/rest/owner/setup`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: OWNER_EMAIL, firstName: "Demo", lastName: "Owner", password: OWNER_PASSWORD }),
  });
  if (!response.ok) { console.error(`owner set-up failed: ${response.status} ${await response.text()}`); process.exit(1); }
})();'
}

# start_n8n PORT LOG_FILE: starts `n8n start` (editor and REST API) on 127.0.0.1:PORT in the
# background, in its own process group (n8n starts task-runner children); sets N8N_PID and waits
# until n8n is ready (wait_n8n_ready). Needs n8n_env first.
start_n8n() {
  local port=$1 logfile=$2
  N8N_PORT=$port setsid "$N8N_BIN" start >"$logfile" 2>&1 &
  N8N_PID=$!
  wait_n8n_ready "http://127.0.0.1:$port" 180 "$N8N_PID" || { tail -n 30 "$logfile" >&2; return 1; }
}

# wait_n8n_ready BASE_URL SECONDS [PID]: waits until n8n has fully started. /healthz and even
# /rest/settings answer while n8n is still migrating its database or before the REST routes are
# mounted (a POST /rest/owner/setup then gets 404); /healthz/readiness answers 200 only once n8n is
# ready (database connected and migrated, every route mounted).
wait_n8n_ready() {
  wait_for_url "$1/healthz/readiness" "$2" "${3:-}"
}

# stop_n8n: stops the n8n started by start_n8n, with its task runners (its process group).
stop_n8n() {
  [ -n "${N8N_PID:-}" ] || return 0
  if kill -0 "$N8N_PID" 2>/dev/null; then
    kill -TERM -- "-$N8N_PID" 2>/dev/null || kill -TERM "$N8N_PID" 2>/dev/null || true
    local waited=0
    while kill -0 "$N8N_PID" 2>/dev/null && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
    kill -KILL -- "-$N8N_PID" 2>/dev/null || true
  fi
  wait "$N8N_PID" 2>/dev/null || true
  N8N_PID=
}
