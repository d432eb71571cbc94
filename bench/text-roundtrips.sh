#!/usr/bin/env bash
# Benchmark (b): text shares created, unlocked and read by N concurrent clients for S seconds.
# Usage: bench/text-roundtrips.sh [clients, default 32] [seconds, default 30] [warm-up seconds, default 120]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
clients=${1:-32}; seconds=${2:-30}; warmup=${3:-120}; port=${BENCH_PORT:-18082}
work=$(mktemp -d /tmp/bar-bench-XXXX)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
echo "rate limits raised by configuration for this run (share-create, share-unlock, api: 100000000/1m)"
pid=$("$here/start-server.sh" "$port" "$work/data" ${BENCH_JVM_OPTS:-})
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
server_before=$(cpu "$pid")
start=$(date +%s.%N)
java "$here/TextRoundTrips.java" "http://127.0.0.1:$port" "$clients" "$seconds" "$warmup" &
client=$!
client_cpu=0
while kill -0 "$client" 2>/dev/null; do client_cpu=$(cpu "$client" 2>/dev/null || echo "$client_cpu"); sleep 0.5; done
wait "$client"
end=$(date +%s.%N)
ticks=$(getconf CLK_TCK)
awk -v s="$(( $(cpu "$pid") - server_before ))" -v c="$client_cpu" -v t="$ticks" -v a="$start" -v b="$end" -v w="$warmup" 'BEGIN {
  printf "CPU over the whole client run (incl. %d s warm-up, %.0f s wall): server %.1f core-s, load client %.1f core-s\n", w, b-a, s/t, c/t }'
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status")"
echo "server JDK: $("${BENCH_JAVA:-java}" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
# The server's own view: how long each request took inside the application (its request log
# line, whole milliseconds, warm-up included). Far below the round trips' latency, the rest is
# waiting for a core: the server's and the client's threads share the same two.
grep -o 'http.request .*ms=[0-9]*' "$work/data/server.log" | sed 's/.*ms=//' | sort -n | awk '
  { v[NR] = $1 } END { if (NR) printf "server-side time per request (%d requests): p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms\n",
    NR, v[int(NR * 0.5)], v[int(NR * 0.99)], v[int(NR * 0.999)], v[NR] }'
