#!/usr/bin/env bash
# `npm run bench`: builds, then runs the benchmarks on the built files; exits 1 when a goal is
# missed. Timings depend on the machine, so this is not part of `npm test`: run it on a quiet one.
#   npm run bench [-- --only=a,b,c,d --items=1000 --rounds=3]
#   npm run bench:faults [-- items glue|eventbridge|both seed]   (scripts/benchmark-faults.js)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
ensure_node24
ensure_moto
npx gulp build >/dev/null
if [ "${1:-}" = "--faults" ]; then
  shift
  node scripts/benchmark-faults.js "$@"
else
  node scripts/benchmark.js "$@"
fi
