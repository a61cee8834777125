#!/usr/bin/env bash
# Rendition benchmark: a 1200 px WebP from a 4000 × 2667 px JPEG, cold (every request decodes, resizes
# and encodes: a unique focus= per request makes a new cache key without changing the picture) and warm
# (the same URL, served from the rendition cache). Usage: src/bench/renditions.sh [seconds, default 20]
# Needs wrk (apt-get install wrk). Port: BENCH_PORT (default 8286).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20}
PORT=${BENCH_PORT:-8286}
OUT=target/bench
TOKEN=bs_bench-admin-token-0123456789
mkdir -p "$OUT/classes"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

mvn -B -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:$(cat "$OUT/cp.txt")"
javac -d "$OUT/classes" -cp "$CP" $(find src/bench/java -name '*.java')
java -cp "$OUT/classes:$CP" dev.broadsheet.bench.BenchPhoto "$OUT/photo-4000.jpg"

java -XX:+UseParallelGC -Xms512m -Xmx1g -cp "$CP" dev.broadsheet.BroadsheetApplication \
  --server.port="$PORT" --broadsheet.store.in-memory=true --broadsheet.sample.enabled=false \
  --broadsheet.security.bootstrap-admin-token="$TOKEN" \
  --spring.main.banner-mode=off --logging.level.root=WARN > "$OUT/server-renditions.log" 2>&1 &
PID=$!
trap "kill $PID 2>/dev/null || true" EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

ID=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$OUT/photo-4000.jpg" "http://127.0.0.1:$PORT/media" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')
URL="http://127.0.0.1:$PORT/media/$ID/full.webp?w=1200&v=1"
curl -sf "$URL" -o "$OUT/rendition-1200.webp"
echo "source $(stat -c %s "$OUT/photo-4000.jpg") bytes; rendition $(stat -c %s "$OUT/rendition-1200.webp") bytes"

cat > "$OUT/cold.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", string.format("%s&focus=0.5,%.9f", wrk.path, (counter % 999999) / 1000000 + math.random() / 1e7))
end
LUA

RESULTS="$OUT/renditions.md"
echo "| case | connections | req/s | p50 ms | p99 ms | non-2xx |" > "$RESULTS"
echo "|---|---:|---:|---:|---:|---:|" >> "$RESULTS"
run() { # name, connections, extra wrk args...
  local name=$1 conns=$2; shift 2
  wrk -t2 -c"$conns" -d"${DURATION}s" --timeout 30s --latency "$@" > "$OUT/wrk-renditions-$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-renditions-$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk-renditions-$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk-renditions-$name.txt")
  errors=$(awk '/Non-2xx/ {print $5}' "$OUT/wrk-renditions-$name.txt"); errors=${errors:-0}
  printf '| %s | %s | %.1f | %s | %s | %s |\n' "$name" "$conns" "$rps" "$p50" "$p99" "$errors" | tee -a "$RESULTS"
}
wrk -t2 -c2 -d5s -s "$OUT/cold.lua" "$URL" > /dev/null   # JIT warm-up
run "cold (decode + resize + WebP encode)" 2 -s "$OUT/cold.lua" "$URL"
run "warm (rendition cache)" 16 "$URL"
echo; cat "$RESULTS"
