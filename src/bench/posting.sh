#!/usr/bin/env bash
# Comment posting throughput on the embedded store (persistent file, group commit): 6 anonymous writers
# posting comments and replies with idempotency keys, for SECONDS after a 5 s warm-up. Prints posts/s.
# Usage: src/bench/posting.sh [seconds, default 20] [jar, default target/broadsheet-0.1.0-SNAPSHOT.jar]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN=${1:-20}
JAR=${2:-target/broadsheet-0.1.0-SNAPSHOT.jar}
PORT=${BENCH_PORT:-18082}
OUT=target/bench-posting
TOKEN=bs_posting-bench-admin-token-0123456789
rm -rf "$OUT"; mkdir -p "$OUT"
[ -f "$JAR" ] || mvn -B -q -DskipTests package
java -Xmx512m -jar "$JAR" --server.port=$PORT --broadsheet.store.data-dir="$OUT/data" \
  --broadsheet.security.bootstrap-admin-token=$TOKEN --broadsheet.comments.rate-limit.posts=1000000 \
  --spring.main.banner-mode=off > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break; sleep 1; done
LOAD="java src/bench/faults/PostLoad.java http://127.0.0.1:$PORT/graphql $TOKEN"
$LOAD 5 6 "$OUT/warmup.acks" comments > /dev/null
$LOAD "$SECONDS_TO_RUN" 6 "$OUT/run.acks" comments
echo "store file: $(stat -c %s "$OUT/data/broadsheet.mv") bytes after $(cat "$OUT"/*.acks | wc -l) acknowledged writes"
