#!/usr/bin/env bash
# Starts bar-server.jar for a benchmark run on 127.0.0.1 with a fresh data directory and rate
# limits raised by configuration (the defaults would refuse a load test within seconds).
# Usage: start-server.sh <port> <data-dir> [extra JVM options...]; prints the server's PID.
set -euo pipefail
port=$1; data=$2; shift 2
jar="$(cd "$(dirname "$0")/.." && pwd)/server/target/bar-server.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
if curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; then
  echo "port $port is already serving: stop that server first (or set BENCH_PORT)" >&2; exit 1
fi
mkdir -p "$data"
"${BENCH_JAVA:-java}" "$@" -jar "$jar" \
  --server.port="$port" --bar.data-dir="$data" \
  --bar.rate-limits.share-create=100000000/1m --bar.rate-limits.share-unlock=100000000/1m \
  --bar.rate-limits.api=100000000/1m \
  --bar.shares.anonymous-max-file-size=2GB --bar.shares.max-file-size=2GB \
  > "$data/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then echo "$pid"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || { echo "server died, see $data/server.log" >&2; exit 1; }
  sleep 0.5
done
echo "server did not start" >&2; kill "$pid"; exit 1
