#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing (Node 24, npm packages, the moto
# venv, n8n, chromium), then lint, type-check and build, jest (unit, engine, moto), the end-to-end
# run in a real n8n, the AI Agent and MCP run (scripted model, MCP client), and the editor in a real
# browser. `--quick` stops after jest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/lib-n8n.sh

quick=false
[ "${1:-}" = "--quick" ] && quick=true

timings=()
stage() {
  local name=$1; shift
  local started=$SECONDS
  log "── $name"
  "$@"
  timings+=("$(printf '%-22s %4ss' "$name" $((SECONDS - started)))")
}

install_packages() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
}

stage "Node 24" ensure_node24
stage "npm packages" install_packages
stage "moto venv" ensure_moto
stage "lint" npx n8n-node lint
stage "type-check + build" npx gulp build
stage "jest" npx jest --ci
if ! $quick; then
  # The end-to-end and editor suites install the very package this run built and tested.
  pack_dir=$(mktemp -d "${TMPDIR:-/tmp}/n8n-aws-pack.XXXXXX")
  trap 'rm -rf "$pack_dir"' EXIT
  E2E_TARBALL=$(pack_package "$pack_dir")
  export E2E_TARBALL UI_TARBALL="$E2E_TARBALL"
  stage "e2e (real n8n)" bash scripts/test-e2e.sh
  stage "agents (AI Agent, MCP)" bash scripts/test-agents.sh
  stage "ui (real browser)" bash scripts/test-ui.sh
  stage "queue mode (workers)" bash scripts/test-queue.sh
fi

log "stage timings:"
printf '  %s\n' "${timings[@]}" >&2
