#!/usr/bin/env bash
# End-to-end test in a real n8n: builds and packs the package, installs the tarball into a fresh
# n8n user folder as a community package, starts moto on a free loopback port, imports a credential
# pointing at it, the example workflows (examples/*.json) and the test workflows
# (test/e2e/workflows/*.json), then runs each with `n8n execute` and checks the output and moto's
# state (test/e2e/run.js). Last line: "N passed, N failed"; exit code 1 on any failure.
#
# Environment: E2E_ONLY=<regex> runs only matching cases; E2E_TARBALL=<file> skips the build and
# installs that package; E2E_KEEP=1 keeps the work folder
# (it is always kept when something fails).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/lib-n8n.sh

begin_stage e2e "${E2E_KEEP:-}"
ensure_moto
[ -d node_modules/@aws-sdk/client-glue ] || npm ci --no-audit --no-fund

fresh_user_folder "${E2E_TARBALL:-}"   # E2E_TARBALL: the package CI built (scripts/test.sh)

step "start moto"
moto_port=$(free_port)
start_moto "$moto_port" "$WORK/moto.log"
export E2E_MOTO_ENDPOINT="http://127.0.0.1:$moto_port"

step "import the credential and the workflows"
cred_id=e2eMotoCredential
cred_name="AWS (moto e2e)"
credentials_with_target "$cred_id" "$cred_name" us-east-1 testing testing "$E2E_MOTO_ENDPOINT" > "$WORK/credentials.json"
"$N8N_BIN" import:credentials --input="$WORK/credentials.json" > "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }
# The AWS Connection Secret credential the secrets-by-reference workflow uses (its password comes
# from the environment the e2e cases share: test/e2e/cases/50-secrets.js).
export E2E_CONNECTION_SECRET_PASSWORD=e2e-credential-password-r8t2
node -e 'process.stdout.write(JSON.stringify([{ id: "e2eConnectionSecret", name: "Orders DB secret (e2e)", type: "awsConnectionSecretApi", data: { password: process.env.E2E_CONNECTION_SECRET_PASSWORD } }]))' > "$WORK/secret-credential.json"
"$N8N_BIN" import:credentials --input="$WORK/secret-credential.json" >> "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }

# A credential with no keys at all: "Credentials of the n8n Host" (test/e2e/workflows/host/*.json use
# it; each case gives its n8n process the host's credentials through the environment). The host's
# identity only assumes the role (test/e2e/cases/40-host-credentials.js checks its account).
host_cred_id=e2eHostCredential
host_cred_name="AWS (n8n host e2e)"
CRED_ID=$host_cred_id CRED_NAME=$host_cred_name CRED_ENDPOINT=$E2E_MOTO_ENDPOINT node -e '
const e = process.env;
process.stdout.write(JSON.stringify([{ id: e.CRED_ID, name: e.CRED_NAME, type: "awsConnectionsApi",
  data: { region: "us-east-1", authentication: "host", roleArn: "arn:aws:iam::333344445555:role/n8n-provisioner", endpoint: e.CRED_ENDPOINT } }]));' > "$WORK/host-credentials.json"
"$N8N_BIN" import:credentials --input="$WORK/host-credentials.json" >> "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }

mkdir -p "$WORK/import" "$WORK/examples"
shopt -s nullglob
examples=(examples/*.json)
tests=(test/e2e/workflows/*.json)
# Examples may start from a Schedule Trigger: --manual-trigger adds a Manual Trigger wired to the
# same nodes, because `n8n execute` only starts from a Manual Trigger.
node scripts/n8n-workflows.js --credential-id "$cred_id" --credential-name "$cred_name" --manual-trigger \
  --out "$WORK/examples" ${examples[@]+"${examples[@]}"} > "$WORK/examples/list.txt"
export E2E_EXAMPLES_LIST="$WORK/examples/list.txt"
node scripts/n8n-workflows.js --credential-id "$cred_id" --credential-name "$cred_name" \
  --out "$WORK/import" ${tests[@]+"${tests[@]}"} > /dev/null
host_tests=(test/e2e/workflows/host/*.json)
node scripts/n8n-workflows.js --credential-id "$host_cred_id" --credential-name "$host_cred_name" \
  --out "$WORK/import" ${host_tests[@]+"${host_tests[@]}"} > /dev/null
for file in "$WORK"/examples/*.json; do cp "$file" "$WORK/import/example-$(basename "$file")"; done
shopt -u nullglob
"$N8N_BIN" import:workflow --separate --input="$WORK/import" >> "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }
log "imported ${#examples[@]} example and $((${#tests[@]} + ${#host_tests[@]})) test workflows"

step "run the workflows"
export E2E_REPORT="$WORK/report.json"
run_stage node test/e2e/run.js
