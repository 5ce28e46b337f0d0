#!/usr/bin/env bash
# Our nodes as AI tools in a real n8n: installs the package into a fresh user folder, starts moto
# and `n8n start` on free loopback ports, imports an AWS credential pointing at moto, an OpenAI
# credential whose Base URL is a scripted model (test/agents/modelServer.js, started by run.js on a
# port chosen here), the example "Chat: provision a connection" and an MCP Server Trigger workflow
# (test/agents/workflows.js), then test/agents/run.js publishes both and drives the AI Agent through
# the chat webhook and the MCP tools with the official MCP client. Nothing leaves 127.0.0.1.
# Last line: "N passed, N failed"; exit code 1 on any failure.
#
# Environment: AGENTS_TARBALL=<file> (or E2E_TARBALL) installs that package instead of building one;
# AGENTS_KEEP=1 keeps the work folder (it is always kept when something fails; report.json there
# holds what the model and the MCP client saw).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/lib-n8n.sh

begin_stage agents "${AGENTS_KEEP:-}"
ensure_moto
[ -d node_modules/@modelcontextprotocol/sdk ] || npm ci --no-audit --no-fund

# The editor's chat is photographed for the docs (test/agents/chatPicture.js).
ensure_chromium
export CHROMIUM_BIN

fresh_user_folder "${AGENTS_TARBALL:-${E2E_TARBALL:-}}"

step "start moto"
moto_port=$(free_port)
start_moto "$moto_port" "$WORK/moto.log"
export E2E_MOTO_ENDPOINT="http://127.0.0.1:$moto_port"

# Secrets that must never reach the model or an MCP result: the API key kept in Secrets Manager
# (first line: run.js stores it there) and the AWS credential's secret key.
api_key="agents-partner-key-$(node -e 'console.log(require("crypto").randomBytes(6).toString("hex"))')"
aws_secret_key="agents-aws-secret-$(node -e 'console.log(require("crypto").randomBytes(6).toString("hex"))')"
export AGENTS_SECRETS="$api_key"$'\n'"$aws_secret_key"

step "import the credentials and the workflows"
AGENTS_MODEL_PORT=$(free_port)
export AGENTS_MODEL_PORT
credential_json agentsMotoCredential "AWS (moto agents)" us-east-1 AKIAAGENTSSUITE "$aws_secret_key" "$E2E_MOTO_ENDPOINT" > "$WORK/credentials.json"
"$N8N_BIN" import:credentials --input="$WORK/credentials.json" > "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }
MODEL_URL="http://127.0.0.1:$AGENTS_MODEL_PORT/v1" node -e '
process.stdout.write(JSON.stringify([{ id: "agentsOpenAi", name: "Scripted model (agents suite)", type: "openAiApi",
  data: { apiKey: "sk-scripted-model", url: process.env.MODEL_URL } }]));' > "$WORK/openai-credential.json"
"$N8N_BIN" import:credentials --input="$WORK/openai-credential.json" >> "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }
node test/agents/workflows.js --aws-id agentsMotoCredential --aws-name "AWS (moto agents)" \
  --openai-id agentsOpenAi --openai-name "Scripted model (agents suite)" --out "$WORK/import" > "$WORK/workflows.txt"
"$N8N_BIN" import:workflow --separate --input="$WORK/import" >> "$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; exit 1; }
AGENTS_WORKFLOW_IDS=$(cut -d' ' -f1 "$WORK/workflows.txt" | tr '\n' ' ')
export AGENTS_WORKFLOW_IDS

step "start n8n"
n8n_port=$(free_port)
start_n8n "$n8n_port" "$WORK/n8n.log"
export AGENTS_BASE_URL="http://127.0.0.1:$n8n_port"

step "run the agent and the MCP client"
export AGENTS_REPORT="$WORK/report.json"
run_stage node test/agents/run.js
