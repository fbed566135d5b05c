#!/usr/bin/env bash
# npm run test:image: builds the container image (scripts/build-image.sh) and checks it as a user
# would, with podman, the port published on 127.0.0.1 only:
#   1. a first start on an empty volume: migrations, the demo episodes, /api/health, a search,
#      the image's own HEALTHCHECK, a CLI (`user create`) inside the container, replication to a
#      second volume, and a clean stop (SIGTERM: the replicator's final sync, exit 0);
#   2. a second start on a new, empty data volume with the same replica: restore on boot, then
#      the same search answers.
# Containers and volumes are removed at the end, pass or fail; the image stays (`podman rmi`).
#
# Usage: sudo npm run test:image [-- --no-build]     (--no-build: test the image already built)
# Settings: IMAGE_TEST_PORT (default 3510), IMAGE_TAG (default localhost/hearsay:test).
set -euo pipefail
cd "$(dirname "$0")/../.."

tag=${IMAGE_TAG:-localhost/hearsay:test}
port=${IMAGE_TEST_PORT:-3510}
base=http://127.0.0.1:$port
name=hearsay-image-test-$$
# runc, not crun: crun refuses hosts with cgroup v1 and v2 mounted side by side ("hybrid"), as
# this machine kind has. Explicit ulimits: a sandboxed root may not raise them to podman's defaults.
podman=(podman --storage-driver vfs --runtime runc)
# Without systemd podman cannot schedule the HEALTHCHECK's timer and says so on every run and
# stop; the check itself is run below with `podman healthcheck run`.
quiet_systemd() { grep -v 'unable to get systemd connection' >&2 || true; }
run_flags=(--ulimit nofile=8192:8192 --ulimit nproc=4096:4096 -p "127.0.0.1:$port:3000")

started=$(date +%s)
say() { echo "test-image: [$(($(date +%s) - started)) s] $*"; }
fail() {
  echo "test-image: FAILED: $*" >&2
  "${podman[@]}" logs --tail 40 "$name" >&2 2>&1 || true
  exit 1
}

missing=()
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" != --no-build ]; then bash scripts/build-image.sh "$tag"; fi
say "image $tag: $("${podman[@]}" image inspect --format '{{.Size}}' "$tag" | numfmt --to=si)B"

scratch=$(mktemp -d /tmp/hearsay-image-test.XXXXXX)
mkdir "$scratch/data" "$scratch/data2" "$scratch/replica"
chown 10001:10001 "$scratch"/* # the image's user `hearsay` owns its volumes
cleanup() {
  "${podman[@]}" rm --force --time 0 "$name" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# Waits until /api/health answers 200, or fails with the container's log.
wait_healthy() {
  for _ in $(seq 1 120); do
    if curl -fsS -m 2 "$base/api/health" >"$scratch/health.json" 2>/dev/null; then return 0; fi
    [ "$("${podman[@]}" inspect --format '{{.State.Running}}' "$name")" = true ] || fail "the container exited"
    sleep 1
  done
  fail "no answer on $base/api/health after 120 s"
}

# The demo episodes are searchable: "sqlite" matches sentences of both.
check_search() {
  local total
  total=$(curl -fsS -m 10 "$base/api/search?q=sqlite" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))')
  [ "$total" -gt 0 ] || fail "a search for sqlite found $total sentences"
  say "search: $total sentences for 'sqlite'"
}

say "start 1: empty volume, replicating to a second one"
"${podman[@]}" run -d --name "$name" "${run_flags[@]}" \
  -v "$scratch/data:/data" -v "$scratch/replica:/replica" \
  -e REPLICA_URL=file:///replica -e FEED_REFRESH_INTERVAL_MS=0 "$tag" >/dev/null 2> >(quiet_systemd)
wait_healthy
grep -q '"episodes":2' "$scratch/health.json" || fail "health: $(cat "$scratch/health.json")"
say "health: $(cat "$scratch/health.json")"
check_search
"${podman[@]}" healthcheck run "$name" >/dev/null || fail "the image's HEALTHCHECK reports unhealthy"
say "HEALTHCHECK: healthy"
"${podman[@]}" exec "$name" node --conditions=react-server --import tsx scripts/user.ts \
  create --email admin@example.com --password 'image test password 1' --role admin >/dev/null ||
  fail "npm run user inside the container"
say "CLI: user create inside the container"
"${podman[@]}" stop --time 30 "$name" >/dev/null 2> >(quiet_systemd)
code=$("${podman[@]}" inspect --format '{{.State.ExitCode}}' "$name")
[ "$code" = 0 ] || fail "the container exited with $code on SIGTERM"
# Read whole first, then match: with pipefail, `… | grep -q` fails when grep stops reading early
# and the writer gets SIGPIPE, though the text was there.
[ -n "$(ls -A "$scratch/replica")" ] || fail "nothing was replicated to /replica"
say "stopped cleanly (exit 0), replica written"
"${podman[@]}" rm "$name" >/dev/null 2> >(quiet_systemd)

say "start 2: a new empty volume, restored from the replica on boot"
"${podman[@]}" run -d --name "$name" "${run_flags[@]}" \
  -v "$scratch/data2:/data" -v "$scratch/replica:/replica" \
  -e REPLICA_URL=file:///replica -e FEED_REFRESH_INTERVAL_MS=0 "$tag" >/dev/null 2> >(quiet_systemd)
wait_healthy
boot_log=$("${podman[@]}" logs "$name" 2>&1)
grep -q 'restored from file:///replica' <<<"$boot_log" || fail "no restore on boot"
grep -q '"episodes":2' "$scratch/health.json" || fail "health after restore: $(cat "$scratch/health.json")"
check_search
say "passed"
