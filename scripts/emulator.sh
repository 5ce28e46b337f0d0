#!/usr/bin/env bash
# `npm run emulator [-- PORT]`: the project's local AWS emulator on its own, for anyone to reuse
# (another project's tests, the AWS CLI, a hand-made n8n credential): moto's server with the plug-ins
# of emulator/plugins (Glue and EventBridge connection operations moto lacks), on 127.0.0.1.
# Prints the endpoint on stdout (one line, so `$(…)`-style callers can read it) and the rest on
# stderr; runs until Ctrl-C. PORT: the argument, else EMULATOR_PORT, else a free port.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/lib-n8n.sh

MOTO_PID=
trap 'stop_pid "$MOTO_PID"' EXIT
trap 'exit 130' INT TERM

port=${1:-${EMULATOR_PORT:-}}
[ -n "$port" ] || port=$(free_port)
logfile="${TMPDIR:-/tmp}/n8n-aws-emulator-$port.log"
start_moto "$port" "$logfile" || { tail -n 20 "$logfile" >&2; exit 1; }

endpoint="http://127.0.0.1:$port"
printf '%s\n' "$endpoint"
{
  echo "emulator: $(grep -m1 '^moto plug-ins:' "$logfile" || echo 'moto') (pid $MOTO_PID, log $logfile)"
  echo "  any access key and secret work, region us-east-1 (e.g. AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing)"
  echo "  aws --endpoint-url $endpoint glue get-connections"
  echo "  script EventBridge states: curl -X POST $endpoint/moto-api/emulator/eventbridge/connection-states \\"
  echo "    -d '{\"Name\":\"orders\",\"States\":[{\"State\":\"AUTHORIZING\"},{\"State\":\"AUTHORIZED\"}]}'"
  echo "  forget everything: curl -X POST $endpoint/moto-api/reset"
  echo "Ctrl-C stops it."
} >&2
wait "$MOTO_PID"
