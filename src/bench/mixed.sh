#!/usr/bin/env bash
# Mixed benchmark: 16 readers (wrk -t2 -c16) rotate over the 50 (a) pages, the (b) thread and (c), half
# over POST and half over GET; first with no writes, then while a writer posts 5 comments a second
# spread over those 50 articles and publishes one article every 10 s (src/bench/mixed.py, which also
# checks that each new comment is visible to an anonymous reader within 1 s of its post returning).
# Usage: src/bench/mixed.sh [seconds per run, default 20]   env: BENCH_PORT (8282)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20}
PORT=${BENCH_PORT:-8282}
OUT=target/bench
source src/bench/lib.sh
build

ROT="$OUT/rotation.txt"; : > "$ROT"
python3 - "$ROT" <<'PY'
import json, sys, urllib.parse
q = {n: open(f"src/bench/queries/{n}.graphql").read().strip() for n in ("a-article", "b-thread", "c-latest")}
calls = [("a-article", {"slug": f"bench-article-{i}"}) for i in range(50)] + [("b-thread", {"slug": "bench-thread"}), ("c-latest", {})]
with open(sys.argv[1], "w") as out:
    for i, (name, variables) in enumerate(calls):
        for method in ("GET", "POST"):
            if method == "GET":
                out.write("GET /graphql?" + urllib.parse.urlencode({"query": q[name], "variables": json.dumps(variables)}) + "\n")
            else:
                out.write("POST " + json.dumps({"query": q[name], "variables": variables}) + "\n")
PY
export BENCH_ROTATION="$ROT"

start_server mixed --broadsheet.store.in-memory=true --broadsheet.comments.trust-forwarded-for=true \
  --broadsheet.comments.rate-limit.posts=1000
RESULTS="$OUT/mixed.md"
{ echo "Load before: $(uptime)"; echo
  echo "| run | read req/s | p50 ms | p99 ms | non-2xx | writer |"; echo "|---|---:|---:|---:|---:|---|"; } > "$RESULTS"
# Warm-up with the writer running too: a server in service has compiled its write path long ago, and a
# measured window must not pay for the JIT compiling postComment and publishArticle for the first time.
python3 src/bench/mixed.py "$PORT" "$WRK_WARMUP" 5 10 "$BENCH_TOKEN" warmup > "$OUT/mixed-warmup-writer.json" &
WARM_WRITER=$!
wrk_warm "http://127.0.0.1:$PORT" src/bench/rotate.lua
wait $WARM_WRITER
wrk_run "$OUT/wrk-mixed-reads.txt" "$DURATION" "http://127.0.0.1:$PORT" src/bench/rotate.lua
printf '| reads only | %.0f | %s | %s | %s | none |\n' "$(rps_of "$OUT/wrk-mixed-reads.txt")" "$(p50_of "$OUT/wrk-mixed-reads.txt")" \
  "$(p99_of "$OUT/wrk-mixed-reads.txt")" "$(errors_of "$OUT/wrk-mixed-reads.txt")" | tee -a "$RESULTS"
wrk -t2 -c16 -d3s -s src/bench/rotate.lua "http://127.0.0.1:$PORT" > /dev/null
python3 src/bench/mixed.py "$PORT" "$DURATION" 5 10 "$BENCH_TOKEN" > "$OUT/mixed-writer.json" &
WRITER=$!
wrk -t2 -c16 -d"${DURATION}s" --latency -s src/bench/rotate.lua "http://127.0.0.1:$PORT" > "$OUT/wrk-mixed-writes.txt"
wait $WRITER
printf '| reads + writes | %.0f | %s | %s | %s | %s |\n' "$(rps_of "$OUT/wrk-mixed-writes.txt")" "$(p50_of "$OUT/wrk-mixed-writes.txt")" \
  "$(p99_of "$OUT/wrk-mixed-writes.txt")" "$(errors_of "$OUT/wrk-mixed-writes.txt")" "$(cat "$OUT/mixed-writer.json")" | tee -a "$RESULTS"
stop_server
echo "Load after: $(uptime)" >> "$RESULTS"
echo; cat "$RESULTS"
