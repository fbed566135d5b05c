#!/usr/bin/env bash
# `npm test`'s first step: lint, format check and typecheck, side by side. Each is one Node
# process on one core (ESLint ~1.5 min, tsc ~1 min on this 2-core machine), so running them
# together takes the longest one's time instead of the sum. Each one's output is printed whole,
# in the usual order, once all have finished; the exit status is the first failure's.
set -uo pipefail
cd "$(dirname "$0")/../.."

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
checks=(lint format:check typecheck)
pids=()
started=$(date +%s)
for check in "${checks[@]}"; do
  # Each writes its end time beside its output, so the summary can say how long each took.
  (
    code=0
    npm run --silent "$check" >"$scratch/$check.log" 2>&1 || code=$?
    date +%s >"$scratch/$check.end"
    exit $code
  ) &
  pids+=($!)
done

status=0
for i in "${!checks[@]}"; do
  code=0
  wait "${pids[$i]}" || code=$?
  took=$(($(cat "$scratch/${checks[$i]}.end") - started))
  echo "> npm run ${checks[$i]}: $([ $code -eq 0 ] && echo ok || echo "exit $code") after $took s"
  cat "$scratch/${checks[$i]}.log"
  [ $status -ne 0 ] || status=$code
done
exit $status
