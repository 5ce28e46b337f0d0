#!/usr/bin/env bash
# `npm start`: a real n8n with this package, in one command, on a fresh machine.
#  - installs what is missing (Node 24, the npm packages, n8n, and moto when needed), builds and
#    packs the package, and installs it into a persistent n8n user folder as a community package;
#  - without AWS keys in the environment, starts moto (a local AWS emulator) on a loopback port and
#    points the credential at it; with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_REGION,
#    AWS_SESSION_TOKEN) set, the credential uses them against real AWS;
#  - imports the credential and the example workflows, creates the owner account, starts n8n on
#    127.0.0.1, and prints the URL and the login. Ctrl-C stops n8n and moto.
#
# Environment: N8N_PORT (5678), MOTO_PORT (5000, or a free port when taken),
# N8N_DEMO_FOLDER (~/.n8n-aws-connections-demo), N8N_DEMO_EMAIL / N8N_DEMO_PASSWORD (first run only),
# N8N_DEMO_TARBALL (install this package file instead of building one).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/lib-n8n.sh

FOLDER="${N8N_DEMO_FOLDER:-$HOME/.n8n-aws-connections-demo}"
PORT="${N8N_PORT:-5678}"
CREDENTIAL_ID=awsConnectionsDemo
N8N_PID=
MOTO_PID=

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cleanup() {
  trap - EXIT INT TERM
  [ -n "$N8N_PID" ] && log "stopping n8n"
  stop_n8n
  [ -n "$MOTO_PID" ] && log "stopping moto"
  stop_pid "$MOTO_PID"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if port_taken "$PORT"; then
  log "port $PORT is in use (another n8n?): stop it or set N8N_PORT"
  exit 1
fi

ensure_node24
[ -d node_modules/@aws-sdk/client-glue ] && [ -d node_modules/gulp ] || npm ci --no-audit --no-fund
ensure_n8n

mkdir -p "$FOLDER"
if [ -n "${N8N_DEMO_TARBALL:-}" ]; then
  install_package "$FOLDER" "$(realpath "$N8N_DEMO_TARBALL")"
else
  log "building the package"
  tarball=$(build_package "$FOLDER/build")
  install_package "$FOLDER" "$tarball"
  rm -rf "$FOLDER/build"
fi
n8n_env "$FOLDER"

if [ -n "${AWS_ACCESS_KEY_ID:-}" ] && [ -n "${AWS_SECRET_ACCESS_KEY:-}" ]; then
  region="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
  credential_name="AWS ($region)"
  credentials_with_target "$CREDENTIAL_ID" "$credential_name" "$region" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "" "${AWS_SESSION_TOKEN:-}" \
    > "$FOLDER/credential.json"
  target="real AWS, region $region (keys from the environment)"
else
  moto_port="${MOTO_PORT:-5000}"
  port_taken "$moto_port" && moto_port=$(free_port)
  log "starting moto on 127.0.0.1:$moto_port"
  start_moto "$moto_port" "$FOLDER/moto.log"
  credential_name="AWS (local moto)"
  credentials_with_target "$CREDENTIAL_ID" "$credential_name" us-east-1 testing testing "http://127.0.0.1:$moto_port" > "$FOLDER/credential.json"
  target="moto (local AWS emulator) at http://127.0.0.1:$moto_port — nothing leaves this machine"
fi
chmod 600 "$FOLDER/credential.json"
# Imported at every start: the credential follows the moto port or the keys of this shell.
"$N8N_BIN" import:credentials --input="$FOLDER/credential.json" > "$FOLDER/import.log" 2>&1 || { cat "$FOLDER/import.log" >&2; exit 1; }
rm -f "$FOLDER/credential.json"

# Example workflows: each is imported once (later starts keep your edits); a new example is added.
shopt -s nullglob
examples=(examples/*.json)
shopt -u nullglob
if [ ${#examples[@]} -gt 0 ]; then
  rm -rf "$FOLDER/examples" && mkdir -p "$FOLDER/examples/new"
  node scripts/n8n-workflows.js --credential-id "$CREDENTIAL_ID" --credential-name "$credential_name" \
    --out "$FOLDER/examples" "${examples[@]}" > "$FOLDER/examples/list.txt"
  touch "$FOLDER/imported-examples.txt"
  while read -r id file _; do
    grep -qx "$id" "$FOLDER/imported-examples.txt" || mv "$FOLDER/examples/$file" "$FOLDER/examples/new/"
  done < "$FOLDER/examples/list.txt"
  if compgen -G "$FOLDER/examples/new/*.json" > /dev/null; then
    "$N8N_BIN" import:workflow --separate --input="$FOLDER/examples/new" >> "$FOLDER/import.log" 2>&1 || { cat "$FOLDER/import.log" >&2; exit 1; }
    cut -d' ' -f1 "$FOLDER/examples/list.txt" >> "$FOLDER/imported-examples.txt"
    sort -u -o "$FOLDER/imported-examples.txt" "$FOLDER/imported-examples.txt"
  fi
  rm -rf "$FOLDER/examples"
fi

# The owner account: chosen on the first run, kept in the folder (readable by you only).
login_file="$FOLDER/login.txt"
if [ ! -f "$login_file" ]; then
  email="${N8N_DEMO_EMAIL:-demo@example.com}"
  password="${N8N_DEMO_PASSWORD:-Demo-$(node -e 'console.log(require("crypto").randomBytes(6).toString("hex"))')-Aws1}"
  (umask 077 && printf '%s\n%s\n' "$email" "$password" > "$login_file")
fi
email=$(sed -n 1p "$login_file")
password=$(sed -n 2p "$login_file")

log "starting n8n on 127.0.0.1:$PORT (log: $FOLDER/n8n.log)"
start_n8n "$PORT" "$FOLDER/n8n.log"
setup_owner "http://127.0.0.1:$PORT" "$email" "$password" || log "the owner account could not be set up: open the URL to create one"

cat <<EOF

  n8n with n8n-nodes-aws-connections is running.

    URL:       http://127.0.0.1:$PORT
    Email:     $email
    Password:  $password

  Credential "$credential_name" → $target
  Example workflows: ${#examples[@]} (in your personal project). User folder: $FOLDER
  Press Ctrl-C to stop.

EOF

set +e
wait "$N8N_PID"
code=$?
set -e
[ $code -ge 128 ] || log "n8n exited with code $code (see $FOLDER/n8n.log)"
N8N_PID=
