#!/usr/bin/env bash
# Builds BAR's container image and proves it works (issue 15 item 5):
#   1. a JRE base image from Debian packages (debootstrap --variant=minbase + openjdk-17-jre-headless,
#      imported with `podman import`), because no image registry is reachable here; cached as
#      localhost/bar-base-jre:bookworm-17, so later runs skip it (BAR_IMAGE_REBUILD_BASE=1 rebuilds);
#   2. the image from deploy/Containerfile with Debian's podman (BASE_IMAGE = that base);
#   3. runs it read-only, with the production profile, on the host network against the local
#      PostgreSQL (a fresh schema) and Redis (a fresh namespace) on 127.0.0.1, waits for /readyz
#      and the HEALTHCHECK, creates a text share and a file share and opens both through it;
#   4. stops and removes it, and prints the image's size.
# Needs root, podman, runc and debootstrap (.ci/run installs them), and the jar:
# ./mvnw -q -DskipTests package. podman runs containers with --runtime runc and a containers.conf
# holding default_ulimits = [] (crun fails on these machines on rlimits and hybrid cgroups).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[image-test] %s\n' "$*"; }

BASE=localhost/bar-base-jre:bookworm-17
IMAGE=localhost/bar:test
MIRROR=${BAR_DEBIAN_MIRROR:-http://deb.debian.org/debian}
PORT=${BAR_IMAGE_TEST_PORT:-18480}
RUN_ID="$(date +%s)$$"
NAME="bar-image-test-$RUN_ID"
SCHEMA="bar_image_$RUN_ID"
WORK=$(mktemp -d /tmp/bar-image-test.XXXXXX)
export CONTAINERS_CONF="$WORK/containers.conf"
printf '[containers]\ndefault_ulimits = []\n' > "$CONTAINERS_CONF"
PODMAN=(podman --runtime runc)

cleanup() {
  "${PODMAN[@]}" rm -f -t 5 "$NAME" >/dev/null 2>&1 || true
  psql -q -h 127.0.0.1 -U postgres -d test -c "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f server/target/bar-server.jar ] || { log "server/target/bar-server.jar missing: ./mvnw -q -DskipTests package"; exit 1; }
for tool in podman runc debootstrap psql curl; do
  command -v "$tool" >/dev/null || { log "$tool missing"; exit 1; }
done
started=$(date +%s)

build_base() {
  local root="$WORK/rootfs"
  log "building the JRE base from Debian packages (debootstrap minbase, cold: minutes)"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$root" "$MIRROR" \
    > "$WORK/debootstrap.log" 2>&1 || { tail -n 30 "$WORK/debootstrap.log"; exit 1; }
  # no package caches, lists or docs in the image
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
    "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/var/log/*
  tar --numeric-owner -C "$root" -c . | podman import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' - "$BASE" >/dev/null
  rm -rf "$root"
}

if [ "${BAR_IMAGE_REBUILD_BASE:-}" = 1 ] || ! podman image exists "$BASE"; then
  build_base
else
  log "base $BASE cached"
fi
base_done=$(date +%s)

log "building $IMAGE"
mkdir -p "$WORK/context/server/target"
cp server/target/bar-server.jar "$WORK/context/server/target/"
podman build -q --format docker --build-arg BASE_IMAGE="$BASE" -f deploy/Containerfile -t "$IMAGE" "$WORK/context" \
  >/dev/null 2>"$WORK/build.log" || { cat "$WORK/build.log"; exit 1; }
image_done=$(date +%s)
baked=$(podman image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | grep -Ei '^[^=]*(KEY|SECRET|PASSWORD|TOKEN)[^=]*=' || true)
[ -z "$baked" ] || { log "the image carries secret-looking variables: ${baked%%=*}"; exit 1; }
if command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null; then
  python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert {"bar", "postgres", "redis", "minio"} <= set(d["services"])' \
    deploy/compose.yaml || { log "deploy/compose.yaml does not parse"; exit 1; }
fi

# production settings: fresh keys, a fresh schema and Redis namespace, no SMTP reached by this test
keys=$(java -jar server/target/bar-server.jar generate-keys 2>/dev/null)
jwt=$(printf '%s\n' "$keys" | sed -n 's/^BAR_JWT_KEYS=//p')
master=$(printf '%s\n' "$keys" | sed -n 's/^BAR_MASTER_KEYS=//p')
receipt=$(printf '%s\n' "$keys" | sed -n 's/^BAR_RECEIPT_KEYS=//p')
[ -n "$jwt" ] && [ -n "$master" ] && [ -n "$receipt" ] || { log "generate-keys printed no keys"; exit 1; }
psql -q -h 127.0.0.1 -U postgres -d test -c "create schema $SCHEMA" >/dev/null
mkdir -p "$WORK/data" && chown 10001:10001 "$WORK/data"
env_file="$WORK/bar.env" # a file, so no secret is on a command line
cat > "$env_file" <<ENV
BAR_PUBLIC_URL=https://bar.example.test
BAR_ALLOWED_ORIGINS=https://bar.example.test
BAR_TRUSTED_PROXIES=none
BAR_BIND_ADDRESS=127.0.0.1
BAR_PORT=$PORT
BAR_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$SCHEMA
BAR_REDIS_URL=redis://127.0.0.1:6379
BAR_REDIS_NAMESPACE=bar-image-$RUN_ID
BAR_JWT_KEYS=$jwt
BAR_MASTER_KEYS=$master
BAR_RECEIPT_KEYS=$receipt
BAR_SMTP_HOST=smtp.example.test
BAR_SMTP_PORT=587
BAR_SMTP_TLS=starttls
BAR_MAIL_FROM=BAR <bar@example.test>
ENV
chmod 600 "$env_file"

log "starting $NAME (read-only root, host network, port $PORT)"
# (without systemd, podman cannot schedule the HEALTHCHECK's timer and says so on stderr: it is run by hand below)
"${PODMAN[@]}" run -d --name "$NAME" --network host --read-only -v "$WORK/data:/data" --env-file "$env_file" \
  "$IMAGE" >/dev/null 2>>"$WORK/podman.log" || { cat "$WORK/podman.log"; exit 1; }
base_url="http://127.0.0.1:$PORT"
for i in $(seq 1 120); do
  if curl -fsS "$base_url/readyz" >/dev/null 2>&1; then break; fi
  if [ "$("${PODMAN[@]}" inspect -f '{{.State.Running}}' "$NAME" 2>/dev/null)" != true ] || [ "$i" = 120 ]; then
    log "the container did not become ready:"; "${PODMAN[@]}" logs "$NAME" 2>&1 | tail -n 40; exit 1
  fi
  sleep 1
done
log "ready: $(curl -fsS "$base_url/readyz")"
"${PODMAN[@]}" healthcheck run "$NAME" >/dev/null && log "HEALTHCHECK healthy"
user=$("${PODMAN[@]}" exec "$NAME" id -u)
[ "$user" = 10001 ] || { log "runs as uid $user, not 10001"; exit 1; }
if "${PODMAN[@]}" exec "$NAME" bash -c 'touch /app/x' 2>/dev/null; then log "root filesystem is writable"; exit 1; fi

json() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
secret="image test $RUN_ID"
created=$(curl -fsS -H 'Content-Type: application/json' -d "{\"kind\":\"text\",\"text\":\"$secret\"}" "$base_url/api/shares")
id=$(printf '%s' "$created" | json id)
ticket=$(curl -fsS -H 'Content-Type: application/json' -d '{}' "$base_url/api/shares/$id/unlock" | json ticket)
opened=$(curl -fsS -H 'Content-Type: application/json' -d "{\"ticket\":\"$ticket\"}" "$base_url/api/shares/$id/content")
[ "$opened" = "$secret" ] || { log "text share: opened '$opened', expected '$secret'"; exit 1; }
gone=$(curl -s -o /dev/null -w '%{http_code}' "$base_url/api/shares/$id")
[ "$gone" = 404 ] || { log "text share answered $gone after its last view"; exit 1; }
log "text share created, opened once, gone"

head -c 300000 /dev/urandom > "$WORK/file.bin"
created=$(curl -fsS -H 'Content-Type: application/json' -d '{"kind":"file","filename":"file.bin"}' "$base_url/api/shares")
id=$(printf '%s' "$created" | json id)
manage=$(printf '%s' "$created" | json manageToken)
curl -fsS -X PUT -H "Authorization: Bearer $manage" -H 'Content-Type: application/octet-stream' \
  --data-binary "@$WORK/file.bin" "$base_url/api/shares/$id/content" >/dev/null
ticket=$(curl -fsS -H 'Content-Type: application/json' -d '{}' "$base_url/api/shares/$id/unlock" | json ticket)
curl -fsS -H 'Content-Type: application/json' -d "{\"ticket\":\"$ticket\"}" -o "$WORK/opened.bin" "$base_url/api/shares/$id/content"
cmp -s "$WORK/file.bin" "$WORK/opened.bin" || { log "file share: the bytes differ"; exit 1; }
log "file share (300 kB, blob under /data) created, opened byte for byte"

"${PODMAN[@]}" stop -t 20 "$NAME" >/dev/null 2>>"$WORK/podman.log"
log "stopped: exit code $("${PODMAN[@]}" inspect -f '{{.State.ExitCode}}' "$NAME") (143: the JVM ended on SIGTERM)"
size=$(podman image inspect -f '{{.Size}}' "$IMAGE")
done_at=$(date +%s)
log "image $IMAGE: $((size / 1000000)) MB ($size bytes); base $((base_done - started)) s, image build $((image_done - base_done)) s, total $((done_at - started)) s"
