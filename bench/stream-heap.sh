#!/usr/bin/env bash
# Heap held per open content stream (issue 11 item 1). Starts the server at -Xmx128m, measures the
# live heap after a full GC (jcmd GC.class_histogram, whose total is the live objects) with no
# stream open, then with N downloads held open by clients reading at 20 KB/s, then with N uploads
# held open by clients sending at 20 KB/s; prints (live with N - live with none) / N for each.
# Usage: stream-heap.sh [N, default 8] [size MiB, default 64]
set -euo pipefail
n=${1:-8}; mib=${2:-64}
port=${BENCH_PORT:-18090}
work=$(mktemp -d /tmp/bar-stream-heap.XXXXXX)
pid=$("$(dirname "$0")/start-server.sh" "$port" "$work/data" -Xmx128m)
base="http://127.0.0.1:$port"
clients=()
cleanup() { for c in "${clients[@]}"; do kill "$c" 2>/dev/null || true; done; kill "$pid" 2>/dev/null || true; }
trap cleanup EXIT
live() { jcmd "$pid" GC.class_histogram | awk '/^Total/ {print $3}'; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
head -c $((mib * 1024 * 1024)) /dev/urandom > "$work/file"
share=$(curl -fsS -H 'Content-Type: application/json' -d "{\"kind\":\"file\",\"filename\":\"f.bin\",\"maxViews\":$n}" "$base/api/shares")
id=$(echo "$share" | field id); token=$(echo "$share" | field manageToken)
curl -fsS -o /dev/null -T "$work/file" -H "Authorization: Bearer $token" "$base/api/shares/$id/content"
sleep 2; live >/dev/null; idle=$(live)
for _ in $(seq 1 "$n"); do
  ticket=$(curl -fsS -H 'Content-Type: application/json' -d '{}' "$base/api/shares/$id/unlock" | field ticket)
  curl -sS -o /dev/null --limit-rate 20K -H 'Content-Type: application/json' -d "{\"ticket\":\"$ticket\"}" \
    "$base/api/shares/$id/content" & clients+=($!)
done
sleep 10; downloads=$(live)
for c in "${clients[@]}"; do kill "$c" 2>/dev/null || true; done; clients=()
sleep 5; live >/dev/null; idle2=$(live)
for _ in $(seq 1 "$n"); do
  s=$(curl -fsS -H 'Content-Type: application/json' -d '{"kind":"file","filename":"u.bin"}' "$base/api/shares")
  curl -sS -o /dev/null --limit-rate 20K -T "$work/file" -H "Authorization: Bearer $(echo "$s" | field manageToken)" \
    "$base/api/shares/$(echo "$s" | field id)/content" & clients+=($!)
done
sleep 10; uploads=$(live)
echo "live heap: idle $((idle / 1024)) KiB; $n downloads $((downloads / 1024)) KiB; idle again $((idle2 / 1024)) KiB; $n uploads $((uploads / 1024)) KiB"
echo "per download: $(( (downloads - idle) / n / 1024 )) KiB; per upload: $(( (uploads - idle2) / n / 1024 )) KiB"
grep -o 'streams.bound[^"]*' "$work/data/server.log" | head -1
