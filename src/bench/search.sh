#!/usr/bin/env bash
# Search benchmark: 10,000 generated articles on the embedded H2 store on disk (the embedded default;
# a fresh store under target/bench/search-data each run), then 1,000 two-word queries one at a time
# over HTTP, read caches and the response cache off (every query is computed). Prints the load time,
# heap used after loading and p50/p90/p99/max of the queries.
# STORE=memory runs it on the in-memory store instead, which holds every stored document on the heap
# as Java maps (tests and demos only; about 33 KB of heap per generated article).
# Usage: src/bench/search.sh [articles, default 10000]   Port: BENCH_PORT (default 8283).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${BENCH_PORT:-8283}
OUT=target/bench
mkdir -p "$OUT/classes"
rm -rf "$OUT/search-data"
if [ "${STORE:-disk}" = memory ]; then STORE_ARG=--broadsheet.store.in-memory=true; else STORE_ARG=--broadsheet.store.data-dir="$OUT/search-data"; fi
mvn -B -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:$(cat "$OUT/cp.txt")"
javac -d "$OUT/classes" -cp "$CP" $(find src/bench/java -name '*.java')
echo "store: ${STORE:-disk}; load before: $(uptime)"
java -XX:+UseParallelGC -Xms512m -Xmx1500m -Dbench.articles="${1:-10000}" -cp "$OUT/classes:$CP" \
  dev.broadsheet.bench.SearchBench --server.port="$PORT" "$STORE_ARG" \
  --broadsheet.sample.enabled=false --broadsheet.cache.enabled=false --broadsheet.cache.responses.enabled=false \
  --broadsheet.store.timeouts.read=60s --spring.main.banner-mode=off --logging.level.root=ERROR 2>&1 \
  | tee "$OUT/search-bench.txt"
echo "load after: $(uptime)"
