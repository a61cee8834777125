#!/usr/bin/env bash
# Large-store benchmark: (a) (b) (c) over GET, cold (caches off) and warm (record caches, response cache
# off), on the small bench store and on the large one (ARTICLES more articles and COMMENTS comments,
# written straight into the collections by LargeStore), both on the embedded server's H2 backend on disk
# (target/bench/{small,large}-data, kept between runs so the large store loads once). After the warm
# large run it walks WARMUP more threads, then reads cache bytes and heap from the metrics.
# Usage: src/bench/large.sh [articles, default 10000] [comments, default 1000000] [seconds per run, default 10]
#   env: BENCH_PORT (8282), WARMUP (threads read before the heap reading, default 300),
#   SLOW_MS (2000: a case whose first request takes longer is reported by that request alone),
#   STORE (h2 | memory), BENCH_HEAP (the bench server's -Xmx, 1g)
set -euo pipefail
cd "$(dirname "$0")/../.."
ARTICLES=${1:-10000}
COMMENTS=${2:-1000000}
DURATION=${3:-10}
WARMUP=${WARMUP:-300}
SLOW_MS=${SLOW_MS:-2000}  # a first request slower than this is reported alone, not loaded with wrk
# STORE=memory: the embedded server's in-memory backend (loaded again for each run; give it BENCH_HEAP,
# e.g. 6g) instead of H2 on disk, which wrote ~25 MB a minute here (over an hour for 1,000,000 comments).
STORE=${STORE:-h2}
PORT=${BENCH_PORT:-8282}
OUT=target/bench
source src/bench/lib.sh
build

declare -A QUERY=([a]=a-article [b]=b-thread [c]=c-latest)
declare -A VARS=([a]='{"slug":"dock-workers-walk-out-over-pay-freeze"}' [b]='{"slug":"bench-thread"}' [c]='{}')
RESULTS="$OUT/large.md"
{ echo "Load before: $(uptime)"; echo
  echo "| store | caches | case | req/s | p50 ms | p99 ms | MongoDB commands/req | first request ms |"
  echo "|---|---|---|---:|---:|---:|---:|---:|"; } > "$RESULTS"

run() { # store name, caches label, args...
  local store=$1 caches=$2; shift 2
  # The counter sweep runs once at start-up, then hourly: on the embedded server (no secondary indexes)
  # each sweep scans the whole comments collection under the store's lock (at this size it stalled
  # the loading itself), and would stall the requests in its window (on MongoDB its indexes serve it).
  local where=(--broadsheet.store.in-memory=false --broadsheet.store.data-dir="$OUT/$store-data")
  [ "$STORE" = memory ] && where=(--broadsheet.store.in-memory=true)
  START_TIMEOUT=3600 start_server "large-$store-$caches" "${where[@]}" --broadsheet.cache.responses.enabled=false \
    --broadsheet.comments.counter-sweep-interval=PT1H "$@"
  grep -h "LARGE STORE" "$OUT/server-large-$store-$caches.log" | tee -a "$OUT/large-load.txt" || true
  for case in a b c; do
    local url file="$OUT/wrk-large-$store-$caches-$case.txt" first before after
    url=$(get_url "${QUERY[$case]}" "${VARS[$case]}")
    first=$(curl -s -o /dev/null -w '%{time_total}' "$url" | awk '{printf "%.1f", $1*1000}')
    if python3 -c "import sys; sys.exit(0 if $first > $SLOW_MS else 1)"; then
      # A read that scans the store (the embedded server has no secondary indexes) holds its lock:
      # 16 connections would queue scans for minutes and stall the rows after it. Its time is the row.
      printf '| %s | %s | %s | — (one request: %s ms, over %s ms) | | | | %s |\n' "$store" "$caches" "$case" "$first" \
        "$SLOW_MS" "$first" | tee -a "$RESULTS"
      continue
    fi
    wrk_warm "$url"
    window_start
    wrk_run "$file" "$DURATION" "$url"
    printf '| %s | %s | %s | %.0f | %s | %s | %s | %s |\n' "$store" "$caches" "$case" "$(rps_of "$file")" "$(p50_of "$file")" \
      "$(p99_of "$file")" "$(window_commands)" "$first" | tee -a "$RESULTS"
  done
  if [ "$store" = large ] && [ "$caches" = warm ]; then
    for i in $(seq 0 $((WARMUP - 1))); do
      curl -s -o /dev/null "$(get_url b-thread "{\"slug\":\"large-$i\"}")"
      curl -s -o /dev/null "$(get_url a-article "{\"slug\":\"large-$i\"}")"
    done
    echo "After walking $WARMUP large threads: cache bytes $(metric broadsheet.cache.bytes | cut -d. -f1)," \
      "heap used $(metric jvm.memory.used area:heap | cut -d. -f1) bytes, budget broadsheet.cache.max-memory=256MB" | tee -a "$RESULTS"
  fi
  stop_server
}

run small cold --broadsheet.cache.enabled=false
run small warm
run large cold --broadsheet.cache.enabled=false --bench.large.articles="$ARTICLES" --bench.large.comments="$COMMENTS"
run large warm --bench.large.articles="$ARTICLES" --bench.large.comments="$COMMENTS"
echo "Load after: $(uptime)" >> "$RESULTS"
echo; cat "$RESULTS"
