#!/usr/bin/env bash
# Read-path benchmark: wrk at 16 connections on loopback against GET /graphql, caches off (cold) and on (warm).
# Usage: src/bench/run.sh [seconds per run, default 15]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-15}
PORT=${BENCH_PORT:-8282}
OUT=target/bench
mkdir -p "$OUT/classes"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

mvn -B -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:$(cat "$OUT/cp.txt")"
javac -q -d "$OUT/classes" -cp "$CP" $(find src/bench/java -name '*.java') 2>/dev/null || javac -d "$OUT/classes" -cp "$CP" $(find src/bench/java -name '*.java')

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read().strip(), safe=""))'; }
url_for() { # query file, variables json
  local q v; q=$(urlencode < "src/bench/queries/$1.graphql"); v=$(printf '%s' "$2" | urlencode)
  echo "http://127.0.0.1:$PORT/graphql?query=$q&variables=$v"
}
commands() { curl -s "http://127.0.0.1:$PORT/actuator/metrics/broadsheet.mongo.commands" \
  | python3 -c 'import sys, json; print(int(json.load(sys.stdin)["measurements"][0]["value"]))'; }
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v=v*1000 } printf "%.2f", v }'; }

declare -A URLS=(
  [a]=$(url_for a-article '{"slug":"dock-workers-walk-out-over-pay-freeze"}')
  [b]=$(url_for b-thread '{"slug":"bench-thread"}')
  [c]=$(url_for c-latest '{}')
)
declare -A NAMES=([a]="(a) article + image + licence" [b]="(b) article + 200 comments, 3 levels" [c]="(c) latest 20 + image credits")

RESULTS="$OUT/results.md"
echo "| case | mode | req/s | p50 ms | p99 ms | MongoDB commands/req | non-2xx |" > "$RESULTS"
echo "|---|---|---:|---:|---:|---:|---:|" >> "$RESULTS"

run_mode() { # mode name, extra args...
  local mode=$1; shift
  java -XX:+UseParallelGC -Xms512m -Xmx1g -cp "$OUT/classes:$CP" dev.broadsheet.bench.BenchServer \
    --server.port="$PORT" --broadsheet.store.in-memory=true --broadsheet.sample.enabled=true \
    --spring.main.banner-mode=off --logging.level.root=WARN "$@" > "$OUT/server-$mode.log" 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 120); do grep -q "BENCH DATA LOADED" "$OUT/server-$mode.log" && break; sleep 1; done
  grep -q "BENCH DATA LOADED" "$OUT/server-$mode.log" || { echo "server did not start"; cat "$OUT/server-$mode.log"; exit 1; }
  for case in a b c; do
    local url=${URLS[$case]}
    curl -sf "$url" > "$OUT/response-$case.json"
    wrk -t2 -c16 -d3s "$url" > /dev/null   # JIT warm-up (and, with caches on, cache warm-up)
    local before after
    before=$(commands)
    wrk -t2 -c16 -d"${DURATION}s" --latency "$url" > "$OUT/wrk-$mode-$case.txt"
    after=$(commands)
    local rps total p50 p99 errors per
    rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$mode-$case.txt")
    total=$(awk '/requests in/ {print $1}' "$OUT/wrk-$mode-$case.txt")
    p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk-$mode-$case.txt" | to_ms)
    p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk-$mode-$case.txt" | to_ms)
    errors=$(awk '/Non-2xx/ {print $5}' "$OUT/wrk-$mode-$case.txt"); errors=${errors:-0}
    per=$(python3 -c "print(f'{($after-$before)/$total:.2f}')")
    printf '| %s | %s | %.0f | %s | %s | %s | %s |\n' "${NAMES[$case]}" "$mode" "$rps" "$p50" "$p99" "$per" "$errors" | tee -a "$RESULTS"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
}

run_mode cold --broadsheet.cache.enabled=false
run_mode warm --broadsheet.cache.responses.enabled=false
run_mode "warm + response cache (default)"
echo; cat "$RESULTS"
