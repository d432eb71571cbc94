#!/usr/bin/env bash
# Benchmark (a): a 1 GiB file uploaded and downloaded through a server started with -Xmx128m.
# Reports MB/s each way (1 MB = 10^6 bytes) and the server's peak RSS (VmHWM), for each blob
# store in BENCH_STORES: "filesystem" (default), "s3" (a bucket of s3proxy over a local
# directory, started here from server/target/s3proxy/s3proxy.jar, which `./mvnw verify` copies),
# or both ("filesystem s3": the same file, one after the other).
# Usage: [BENCH_STORES="filesystem s3"] bench/upload-download.sh [size-in-MiB, default 1024]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mib=${1:-1024}; port=${BENCH_PORT:-18081}; s3port=${BENCH_S3_PORT:-18082}
work=$(mktemp -d /tmp/bar-bench-XXXX)
pid=""; s3pid=""
trap 'for p in $pid $s3pid; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
echo "rate limits raised by configuration for this run; upload limit 2GB for anonymous shares"
head -c "$((mib * 1024 * 1024))" /dev/urandom > "$work/file"
bytes=$(stat -c %s "$work/file")

start_s3proxy() {
  local jar="$here/../server/target/s3proxy/s3proxy.jar"
  [ -f "$jar" ] || { echo "no $jar: run ./mvnw -pl server verify (or its pre-integration-test phase) first" >&2; exit 1; }
  mkdir -p "$work/s3/data/bench"   # a bucket of the filesystem backend is a directory
  cat > "$work/s3/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$s3port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench-access
s3proxy.credential=bench-secret
jclouds.provider=filesystem-nio2
jclouds.identity=bench-access
jclouds.credential=bench-secret
jclouds.filesystem.basedir=$work/s3/data
PROPS
  LOG_LEVEL=warn java -Xmx256m -jar "$jar" --properties "$work/s3/s3proxy.properties" > "$work/s3/s3proxy.log" 2>&1 &
  s3pid=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$s3port/" && return 0
    sleep 0.5
  done
  echo "s3proxy did not start, see $work/s3/s3proxy.log" >&2; exit 1
}

measure() {
  local store=$1
  if [ "$store" = s3 ]; then
    [ -n "$s3pid" ] || start_s3proxy
    export BAR_BLOB_STORE=s3 BAR_S3_ENDPOINT="http://127.0.0.1:$s3port" BAR_S3_BUCKET=bench BAR_S3_REGION=us-east-1 \
      BAR_S3_PATH_STYLE=true BAR_S3_ACCESS_KEY=bench-access BAR_S3_SECRET_KEY=bench-secret
  else
    export BAR_BLOB_STORE=filesystem
  fi
  pid=$("$here/start-server.sh" "$port" "$work/data-$store" -Xmx128m ${BENCH_JVM_OPTS:-})
  local base="http://127.0.0.1:$port" created id token up ticket down same rss
  created=$(curl -fsS -H 'Content-Type: application/json' -d '{"kind":"file","filename":"bench.bin"}' "$base/api/shares")
  id=$(echo "$created" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  token=$(echo "$created" | sed -E 's/.*"manageToken":"([^"]+)".*/\1/')
  up=$(curl -fsS -o /dev/null -w '%{time_total}' -T "$work/file" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/octet-stream' "$base/api/shares/$id/content")
  ticket=$(curl -fsS -H 'Content-Type: application/json' -d '{}' "$base/api/shares/$id/unlock" \
    | sed -E 's/.*"ticket":"([^"]+)".*/\1/')
  down=$(curl -fsS -o "$work/back" -w '%{time_total}' -H 'Content-Type: application/json' \
    -d "{\"ticket\":\"$ticket\"}" "$base/api/shares/$id/content")
  cmp -s "$work/file" "$work/back" && same=yes || same=NO
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  rm -f "$work/back"
  awk -v s="$store" -v b="$bytes" -v u="$up" -v d="$down" -v r="$rss" -v same="$same" -v n="$(nproc)" 'BEGIN {
    printf "[%s] file: %d bytes (%.0f MiB), server -Xmx128m, %d cores\n", s, b, b/1048576, n
    printf "[%s] upload:   %.2f s  %.0f MB/s\n", s, u, b/u/1e6
    printf "[%s] download: %.2f s  %.0f MB/s  (bytes identical: %s)\n", s, d, b/d/1e6, same
    printf "[%s] server peak RSS: %.0f MiB\n", s, r/1024 }'
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for store in ${BENCH_STORES:-filesystem}; do
  measure "$store"
done
[ -z "$s3pid" ] || echo "s3proxy peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$s3pid/status")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
