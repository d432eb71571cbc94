#!/usr/bin/env bash
# The two measurements of issue 12 that wrk-roundtrips.sh does not make, against a jar on the
# embedded default in a fresh directory (rate limits raised through the environment):
#  1. GET /healthz alone (wrk, CONNS connections, DURATION): requests/s and latency;
#  2. isolation: text round trips (roundtrip.lua, CONNS connections) while FLOOD connections sign in
#     with a wrong password as fast as they can (login-flood.lua): the round trip's p99 beside the flood;
#     and, while the round trips run alone, one wrong sign-in at a time: what a person signing in waits.
# Usage: wrk-isolation.sh /path/to/bar-server.jar
# Env (defaults): JAVA=java PORT=18091 CONNS=32 FLOOD=64 DURATION=30s (in seconds) WARMUP=60s JVM_OPTS=
set -euo pipefail
JAR=$(readlink -f "${1:?usage: wrk-isolation.sh bar-server.jar}")
HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA:-java}; PORT=${PORT:-18091}; CONNS=${CONNS:-32}; FLOOD=${FLOOD:-64}; DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-60s}; JVM_OPTS=${JVM_OPTS:-}
URL="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "need: apt-get install wrk" >&2; exit 1; }
if ss -ltn "sport = :$PORT" | grep -q LISTEN; then echo "port $PORT busy" >&2; exit 1; fi
DATA=$(mktemp -d /tmp/bar-perf.XXXX)
big=100000000/1m
# an unknown account: no lockout, and the same hashing as a wrong password (LoginService's dummy hash)
EMAIL=nobody@example.test
( cd "$DATA" && exec env BAR_DATA_DIR="$DATA" BAR_RATELIMITS_SHARECREATE=$big BAR_RATELIMITS_SHAREUNLOCK=$big \
    BAR_RATELIMITS_API=$big BAR_RATELIMITS_LOGIN=$big \
    "$JAVA" $JVM_OPTS -jar "$JAR" --server.port="$PORT" >"$DATA/server.log" 2>&1 ) &
PID=$!
cleanup() { kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT INT TERM
for _ in $(seq 1 180); do curl -fs "$URL/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$URL/healthz" >/dev/null || { tail -20 "$DATA/server.log"; echo "server did not start" >&2; exit 1; }
echo "INFO $("$JAVA" -version 2>&1 | head -1) | jar $(basename "$JAR") | nproc=$(nproc) | rate limits raised for the run"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"not the password at all\"}" "$URL/api/auth/login")
[ "$code" = 401 ] || { echo "a wrong sign-in answered $code, not 401" >&2; exit 1; }

wrk -t"$CONNS" -c"$CONNS" -d"$WARMUP" -s "$HERE/roundtrip.lua" "$URL/" -- lifecycle 256 >/dev/null
echo "INFO warmup done ($WARMUP)"
echo "=== healthz (wrk -t$CONNS -c$CONNS -d$DURATION GET /healthz) ==="
wrk -t"$CONNS" -c"$CONNS" -d"$DURATION" --latency "$URL/healthz" | grep -E 'Requests/sec|Latency|Socket errors|Non-2xx|^ +(50|90|99)%'
echo "=== round trips alone (wrk -t$CONNS -c$CONNS -d$DURATION), and one sign-in at a time beside them ==="
# A person signing in while the round trips run: one wrong sign-in at a time (the same hash as a
# right one), its time to the answer. What a lower priority for the hashing threads costs them.
( end=$((SECONDS + ${DURATION%s} - 2)); sleep 2
  while [ "$SECONDS" -lt "$end" ]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
      -d "{\"email\":\"$EMAIL\",\"password\":\"not the password at all\"}" "$URL/api/auth/login"
    sleep 0.5
  done ) > "$DATA/sign-ins.out" &
SPID=$!
wrk -t"$CONNS" -c"$CONNS" -d"$DURATION" -s "$HERE/roundtrip.lua" "$URL/" -- lifecycle 256 | grep -E '^RESULT (round_trips|creates)'
wait $SPID || true
sort -k2 -n "$DATA/sign-ins.out" | awk '{t[NR]=$2; if ($1 != 401) other++} END {
  if (NR == 0) { print "RESULT mode=sign-in-beside-round-trips n=0"; exit }
  printf "RESULT mode=sign-in-beside-round-trips n=%d not_401=%d p50=%.0f max=%.0f\n", NR, other, t[int((NR+1)/2)]*1000, t[NR]*1000 }'
echo "=== round trips beside a login flood ($FLOOD connections of wrong passwords) ==="
wrk -t"$FLOOD" -c"$FLOOD" -d"$DURATION" -s "$HERE/login-flood.lua" "$URL/" -- "$EMAIL" > "$DATA/flood.out" 2>&1 &
FPID=$!
sleep 2
wrk -t"$CONNS" -c"$CONNS" -d"$DURATION" -s "$HERE/roundtrip.lua" "$URL/" -- lifecycle 256 | grep -E '^RESULT (round_trips|creates)'
wait $FPID || true
grep -E '^RESULT|Socket errors' "$DATA/flood.out"
echo "INFO server peak RSS: $(grep VmHWM /proc/$PID/status | awk '{print $2/1024 " MiB"}')"
