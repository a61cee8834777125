#!/usr/bin/env bash
# Search benchmark: 10,000 generated articles on the in-memory embedded store, then 1,000 two-word
# queries one at a time over HTTP, read caches and the response cache off (every query is computed).
# Usage: src/bench/search.sh [articles, default 10000]   Port: BENCH_PORT (default 8283).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${BENCH_PORT:-8283}
OUT=target/bench
mkdir -p "$OUT/classes"
mvn -B -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:$(cat "$OUT/cp.txt")"
javac -d "$OUT/classes" -cp "$CP" $(find src/bench/java -name '*.java')
java -XX:+UseParallelGC -Xms512m -Xmx1500m -Dbench.articles="${1:-10000}" -cp "$OUT/classes:$CP" \
  dev.broadsheet.bench.SearchBench --server.port="$PORT" --broadsheet.store.in-memory=true \
  --broadsheet.sample.enabled=false --broadsheet.cache.enabled=false --broadsheet.cache.responses.enabled=false \
  --broadsheet.store.timeouts.read=60s --spring.main.banner-mode=off --logging.level.root=ERROR 2>&1 \
  | tee "$OUT/search-bench.txt"
