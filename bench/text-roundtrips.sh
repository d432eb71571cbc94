#!/usr/bin/env bash
# Benchmark (b): text shares created, unlocked and read by N concurrent clients for S seconds.
# Usage: bench/text-roundtrips.sh [clients, default 32] [seconds, default 30]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
clients=${1:-32}; seconds=${2:-30}; port=${BENCH_PORT:-18082}
work=$(mktemp -d /tmp/bar-bench-XXXX)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
echo "rate limits raised by configuration for this run (share-create, share-unlock, api: 100000000/1m)"
pid=$("$here/start-server.sh" "$port" "$work/data" ${BENCH_JVM_OPTS:-})
java "$here/TextRoundTrips.java" "http://127.0.0.1:$port" "$clients" "$seconds"
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status")"
