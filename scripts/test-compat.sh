#!/usr/bin/env bash
# Compatibility: the end-to-end suite (scripts/test-e2e.sh) against another n8n release than the one
# `npm test` uses, by default the maintained 1.x line. That n8n is installed into the project's cache
# on first use (for 1.x with the xlsx override: see ensure_n8n in scripts/env.sh). The run's figures
# go to test/compat/results.json (one entry per n8n version: Node.js version, checks passed and
# failed, date), which README's compatibility table quotes (test/unit/docs.test.js compares them).
# Not part of `npm test`: it installs a second n8n (about 2.5 GB, several minutes).
#
# Environment: N8N_COMPAT_VERSION=<version> (default 1.123.81); E2E_ONLY and E2E_KEEP as for test:e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
export N8N_VERSION="${N8N_COMPAT_VERSION:-1.123.81}"
source scripts/env.sh
ensure_node24
ensure_n8n

log_file=$(mktemp "${TMPDIR:-/tmp}/n8n-aws-compat.XXXXXX")
trap 'rm -f "$log_file"' EXIT
set +e
bash scripts/test-e2e.sh 2>&1 | tee "$log_file"
status=${PIPESTATUS[0]}
set -e

# The suite's last line: "N passed, N failed". A partial run (E2E_ONLY) is not recorded.
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log_file" | tail -n 1 || true)
if [ -z "${E2E_ONLY:-}" ] && [ -n "$summary" ]; then
  SUMMARY="$summary" NODE_VERSION="$(node --version)" node -e '
const fs = require("node:fs");
const file = "test/compat/results.json";
const [, passed, failed] = /^(\d+) passed, (\d+) failed$/.exec(process.env.SUMMARY).map(Number);
const results = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
results[process.env.N8N_VERSION] = { node: process.env.NODE_VERSION.replace(/^v/, ""), passed, failed, date: new Date().toISOString().slice(0, 10) };
fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
console.log(`recorded in ${file}: n8n ${process.env.N8N_VERSION}: ${passed} passed, ${failed} failed`);'
fi
exit "$status"
