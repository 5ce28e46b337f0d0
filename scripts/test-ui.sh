#!/usr/bin/env bash
# The nodes in the real n8n editor, in a real browser: builds and packs the package, installs it
# into a fresh n8n user folder, starts `n8n start` on a free loopback port, then drives the editor
# with playwright-core and Debian chromium (test/ui/run.js): the owner account is set up in the
# browser, as a newcomer does it. Screenshots go to docs/. Last line: "N passed, N failed"; exit code 1 on failure.
#
# Environment: UI_TARBALL=<file> skips the build and installs that package; UI_ONLY=<regex> runs only
# matching checks; UI_KEEP=1 keeps the work folder (always kept on failure).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/lib-n8n.sh

begin_stage ui "${UI_KEEP:-}"
ensure_chromium
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund

fresh_user_folder "${UI_TARBALL:-}"   # UI_TARBALL: the package CI built (scripts/test.sh)
# The emulator behind the credential: the Glue form lists its connection types (ListConnectionTypes)
# and describes the chosen one (DescribeConnectionType), as it does against AWS.
step "start the emulator"
emulator_port=$(free_port)
start_moto "$emulator_port" "$WORK/moto.log"
export UI_EMULATOR_ENDPOINT="http://127.0.0.1:$emulator_port"
# With its twin in the copy example's target Region (credentials_with_target).
credentials_with_target uiCredential "AWS (local)" us-east-1 testing testing "$UI_EMULATOR_ENDPOINT" > "$WORK/credentials.json"
"$N8N_BIN" import:credentials --input="$WORK/credentials.json" > "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }

# The examples, to open in the editor (test/ui/run.js: no node issues; the docs' pictures). The chat
# example's OpenAI credential is a stand-in under the id the example names: nothing calls OpenAI here.
step "import the examples"
printf '[{"id":"placeholder-openai","name":"OpenAI account","type":"openAiApi","data":{"apiKey":"ui-test-stand-in"}}]' > "$WORK/openai.json"
"$N8N_BIN" import:credentials --input="$WORK/openai.json" >> "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }
mkdir -p "$WORK/examples"
node scripts/n8n-workflows.js --credential-id uiCredential --credential-name "AWS (local)" --out "$WORK/examples" examples/*.json > "$WORK/examples.txt"
"$N8N_BIN" import:workflow --separate --input="$WORK/examples" >> "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }
export UI_EXAMPLES_LIST="$WORK/examples.txt"

step "start n8n"
port=$(free_port)
start_n8n "$port" "$WORK/n8n.log"
export UI_BASE_URL="http://127.0.0.1:$port" UI_EMAIL="ui-test@example.com" UI_PASSWORD="Ui-test-$RANDOM-Passw0rd" UI_CREDENTIAL_ID=uiCredential

step "drive the editor"
export CHROMIUM_BIN
run_stage node test/ui/run.js
