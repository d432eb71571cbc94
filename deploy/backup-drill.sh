#!/usr/bin/env bash
# Backup and restore drill (issue 15 item 6; the procedure is docs/operations.md "Backup and restore"):
#   1. starts BAR (production profile, the built jar) on a fresh PostgreSQL database, the local
#      Redis and a blob directory; makes a password text share and a file share;
#   2. backs up: pg_dump of the database, then a tar of the blob directory;
#   3. makes one more share after the backup (it must not survive the restore);
#   4. stops BAR and destroys everything: drops the database, deletes the blob directory and the
#      Redis namespace;
#   5. restores both (pg_restore, tar) and starts BAR again with the same keys (keys are never in
#      the backup: they are kept apart, as the runbook says);
#   6. opens the shares made before the backup (password, file byte for byte) and checks that the
#      one made after it is unknown; prints the time taken.
# Needs the jar (./mvnw -q -DskipTests package), java, psql, pg_dump, pg_restore, curl and python3,
# PostgreSQL (trust) and Redis on 127.0.0.1. Binds 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[backup-drill] %s\n' "$*"; }

JAR=server/target/bar-server.jar
PORT=${BAR_DRILL_PORT:-18481}
RUN_ID="$(date +%s)$$"
DB="bar_drill_$RUN_ID"
NAMESPACE="bar-drill-$RUN_ID"
WORK=$(mktemp -d /tmp/bar-backup-drill.XXXXXX)
BACKUP="$WORK/backup"
PG=(-h 127.0.0.1 -U postgres)
BASE_URL="http://127.0.0.1:$PORT"
server_pid=""

cleanup() {
  stop_server
  psql -q "${PG[@]}" -d postgres -c "drop database if exists $DB" >/dev/null 2>&1 || true
  redis-cli -h 127.0.0.1 --scan --pattern "$NAMESPACE*" 2>/dev/null | xargs -r redis-cli -h 127.0.0.1 del >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { log "$JAR missing: ./mvnw -q -DskipTests package"; exit 1; }
started=$(date +%s)

keys=$(java -jar "$JAR" generate-keys 2>/dev/null)
export BAR_JWT_KEYS BAR_MASTER_KEYS BAR_RECEIPT_KEYS
BAR_JWT_KEYS=$(printf '%s\n' "$keys" | sed -n 's/^BAR_JWT_KEYS=//p')
BAR_MASTER_KEYS=$(printf '%s\n' "$keys" | sed -n 's/^BAR_MASTER_KEYS=//p')
BAR_RECEIPT_KEYS=$(printf '%s\n' "$keys" | sed -n 's/^BAR_RECEIPT_KEYS=//p')
export BAR_PROFILE=prod BAR_PUBLIC_URL=https://bar.example.test BAR_ALLOWED_ORIGINS=https://bar.example.test \
  BAR_TRUSTED_PROXIES=none BAR_BIND_ADDRESS=127.0.0.1 BAR_PORT="$PORT" \
  BAR_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" \
  BAR_REDIS_URL=redis://127.0.0.1:6379 BAR_REDIS_NAMESPACE="$NAMESPACE" \
  BAR_DATA_DIR="$WORK/data" BAR_BLOB_DIR="$WORK/data/blobs" \
  BAR_SMTP_HOST=smtp.example.test BAR_SMTP_TLS=starttls BAR_MAIL_FROM='BAR <bar@example.test>'

start_server() {
  java -Xmx256m -jar "$JAR" > "$WORK/server-$1.log" 2>&1 &
  server_pid=$!
  for i in $(seq 1 120); do
    curl -fsS "$BASE_URL/readyz" >/dev/null 2>&1 && return
    kill -0 "$server_pid" 2>/dev/null && [ "$i" != 120 ] || { log "BAR did not start:"; tail -n 30 "$WORK/server-$1.log"; exit 1; }
    sleep 1
  done
}

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

json() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
post() { curl -fsS -H 'Content-Type: application/json' -d "$2" "$BASE_URL$1"; }
open_share() { # id, unlock body, output file
  local ticket
  ticket=$(post "/api/shares/$1/unlock" "$2" | json ticket)
  curl -fsS -H 'Content-Type: application/json' -d "{\"ticket\":\"$ticket\"}" -o "$3" "$BASE_URL/api/shares/$1/content"
}

psql -q "${PG[@]}" -d postgres -c "create database $DB" >/dev/null
mkdir -p "$WORK/data/blobs" "$BACKUP"
log "starting BAR on database $DB, blobs in $WORK/data/blobs"
start_server before

text_id=$(post /api/shares '{"kind":"text","text":"made before the backup","password":"drill-pw-2718","maxViews":2}' | json id)
head -c 2000000 /dev/urandom > "$WORK/file.bin"
created=$(post /api/shares '{"kind":"file","filename":"drill.bin","maxViews":2}')
file_id=$(printf '%s' "$created" | json id)
curl -fsS -X PUT -H "Authorization: Bearer $(printf '%s' "$created" | json manageToken)" \
  -H 'Content-Type: application/octet-stream' --data-binary "@$WORK/file.bin" "$BASE_URL/api/shares/$file_id/content" >/dev/null
log "made a password text share and a 2 MB file share"

# the backup, in the runbook's order: the database first, then the blobs
pg_dump "${PG[@]}" -Fc -f "$BACKUP/bar.dump" "$DB"
tar -C "$WORK/data" -cf "$BACKUP/blobs.tar" blobs
log "backed up: database $(du -h "$BACKUP/bar.dump" | cut -f1), blobs $(du -h "$BACKUP/blobs.tar" | cut -f1)"

after_id=$(post /api/shares '{"kind":"text","text":"made after the backup"}' | json id)

stop_server
psql -q "${PG[@]}" -d postgres -c "drop database $DB" >/dev/null
rm -rf "$WORK/data/blobs"
redis-cli -h 127.0.0.1 --scan --pattern "$NAMESPACE*" | xargs -r redis-cli -h 127.0.0.1 del >/dev/null
log "destroyed: database dropped, blob directory deleted, Redis namespace emptied"

psql -q "${PG[@]}" -d postgres -c "create database $DB" >/dev/null
pg_restore "${PG[@]}" -d "$DB" --no-owner "$BACKUP/bar.dump"
tar -C "$WORK/data" -xf "$BACKUP/blobs.tar"
log "restored database and blobs; starting BAR with the same keys"
start_server after

open_share "$text_id" '{"password":"drill-pw-2718"}' "$WORK/text.out"
[ "$(cat "$WORK/text.out")" = "made before the backup" ] || { log "the text share opened wrong"; exit 1; }
open_share "$file_id" '{}' "$WORK/file.out"
cmp -s "$WORK/file.bin" "$WORK/file.out" || { log "the file share's bytes differ"; exit 1; }
log "shares made before the backup open after the restore (password text; file byte for byte)"
status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/shares/$after_id")
[ "$status" = 404 ] || { log "the share made after the backup answered $status, not 404"; exit 1; }
log "the share made after the backup is unknown (404), as expected"
stop_server
log "drill passed in $(( $(date +%s) - started )) s"
