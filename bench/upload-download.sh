#!/usr/bin/env bash
# Benchmark (a): a 1 GiB file uploaded and downloaded through a server started with -Xmx128m.
# Reports MB/s each way (1 MB = 10^6 bytes) and the server's peak RSS (VmHWM).
# Usage: bench/upload-download.sh [size-in-MiB, default 1024]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mib=${1:-1024}; port=${BENCH_PORT:-18081}
work=$(mktemp -d /tmp/bar-bench-XXXX)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
echo "rate limits raised by configuration for this run; upload limit 2GB for anonymous shares"
pid=$("$here/start-server.sh" "$port" "$work/data" -Xmx128m ${BENCH_JVM_OPTS:-})
head -c "$((mib * 1024 * 1024))" /dev/urandom > "$work/file"
bytes=$(stat -c %s "$work/file")
base="http://127.0.0.1:$port"
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
awk -v b="$bytes" -v u="$up" -v d="$down" -v r="$rss" -v s="$same" -v n="$(nproc)" 'BEGIN {
  printf "file: %d bytes (%.0f MiB), server -Xmx128m, %d cores\n", b, b/1048576, n
  printf "upload:   %.2f s  %.0f MB/s\n", u, b/u/1e6
  printf "download: %.2f s  %.0f MB/s  (bytes identical: %s)\n", d, b/d/1e6, s
  printf "server peak RSS: %.0f MiB\n", r/1024 }'
