#!/usr/bin/env bash
# `npm run bench`: builds, then runs the benchmarks on the built files; exits 1 when a goal is
# missed. Timings depend on the machine, so this is not part of `npm test`: run it on a quiet one.
#   npm run bench [-- --only=a,b,c,d --items=1000 --rounds=3]   (scripts/benchmark.js, then the plan benchmark)
#   npm run bench:plan [-- --connections=1000 --latency=50 --rounds=3]   (scripts/benchmark-plan.js only)
#   npm run bench:targets [-- --targets=20 --connections=100 --latency=50 --rounds=3]   (scripts/benchmark-targets.js only)
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
elif [ "${1:-}" = "--plan" ]; then
  shift
  node scripts/benchmark-plan.js "$@"
elif [ "${1:-}" = "--targets" ]; then
  shift
  node scripts/benchmark-targets.js "$@"
else
  # All run; a missed goal in any is exit 1.
  status=0
  node scripts/benchmark.js "$@" || status=1
  node scripts/benchmark-plan.js || status=1
  node scripts/benchmark-targets.js || status=1
  exit $status
fi
