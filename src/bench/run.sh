#!/usr/bin/env bash
# Read-path benchmark: wrk -t2 -c16 on loopback, GET and POST, for (a) (b) (c) in three modes:
#   cold (caches off), warm (record caches, response cache off), default (record + response cache),
#   the default mode measured side by side with the floor: a raw servlet filter in the same app
#   returning the same bytes (hits are reported as a ratio to it).
# Usage: src/bench/run.sh [seconds per run, default 10]   env: BENCH_PORT (8282), MODES ("cold warm default"),
#   WRK_WARMUP (30 s before each row), WARM_EACH (10 s of every case and method after start-up)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}
PORT=${BENCH_PORT:-8282}
OUT=target/bench
MODES=${MODES:-"cold warm default"}
WARM_EACH=${WARM_EACH:-10}  # seconds of each case and method before the first measured row of a mode
source src/bench/lib.sh
build

declare -A QUERY=([a]=a-article [b]=b-thread [c]=c-latest)
declare -A VARS=([a]='{"slug":"dock-workers-walk-out-over-pay-freeze"}' [b]='{"slug":"bench-thread"}' [c]='{}')
declare -A NAMES=([a]="(a) article + image + licence" [b]="(b) article + 200 comments, 3 levels" [c]="(c) latest 20 + image credits")
declare -A FLOOR

RESULTS="$OUT/results.md"
{ echo "Load before: $(uptime)"; echo
  echo "| case | mode | method | req/s | p50 ms | p99 ms | server CPU ms/req | MongoDB commands/req | non-2xx | vs floor |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"; } > "$RESULTS"

measure() { # mode, case, method
  local mode=$1 case=$2 method=$3 file="$OUT/wrk-$1-$2-$3.txt" before after
  local url script=
  if [ "$method" = GET ]; then url=$(get_url "${QUERY[$case]}" "${VARS[$case]}")
  else url="http://127.0.0.1:$PORT/graphql"; post_body "${QUERY[$case]}" "${VARS[$case]}" "$OUT/body-$case.json"
       export BENCH_BODY="$OUT/body-$case.json"; script=src/bench/post.lua; fi
  wrk_warm "$url" "$script"
  window_start; cpu0=$(cpu_ms)
  wrk_run "$file" "$DURATION" "$url" "$script"
  cpu1=$(cpu_ms)
  report "$mode" "$case" "$method" "$file" "$(window_commands)" \
    "$(python3 -c "print(f'{($cpu1-$cpu0)/max(1,$(total_of "$file")):.3f}')")"
}

report() { # mode case method file commands cpu-ms-per-request
  local rps ratio=""; rps=$(rps_of "$4")
  [ "$1" = default ] && [ -n "${FLOOR[$2]:-}" ] && ratio=$(python3 -c "print(f'{100*$rps/${FLOOR[$2]}:.0f}%')")
  printf '| %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s |\n' "${NAMES[$2]}" "$1" "$3" "$rps" "$(p50_of "$4")" \
    "$(p99_of "$4")" "$6" "$5" "$(errors_of "$4")" "$ratio" | tee -a "$RESULTS"
}

for mode in $MODES; do
  case $mode in
    cold) args=(--broadsheet.store.in-memory=true --broadsheet.cache.enabled=false) ;;
    warm) args=(--broadsheet.store.in-memory=true --broadsheet.cache.responses.enabled=false) ;;
    default) args=(--broadsheet.store.in-memory=true) ;;
  esac
  start_server "$mode" "${args[@]}"
  # Every case, both ways, once before any row: otherwise the first rows after start-up run on code the
  # JIT compiled for a narrower profile (the first GET row read ~40% below the POST row after it).
  for case in a b c; do
    WRK_WARMUP=$WARM_EACH wrk_warm "$(get_url "${QUERY[$case]}" "${VARS[$case]}")"
    post_body "${QUERY[$case]}" "${VARS[$case]}" "$OUT/body-$case.json"
    export BENCH_BODY="$OUT/body-$case.json"
    WRK_WARMUP=$WARM_EACH wrk_warm "http://127.0.0.1:$PORT/graphql" src/bench/post.lua
  done
  for case in a b c; do
    curl -sf "$(get_url "${QUERY[$case]}" "${VARS[$case]}")" > "$OUT/response-$case.json"
    if [ "$mode" = default ]; then
      # Floor and default hits side by side in the same run: floor first, then the cached GET and POST.
      # octet-stream: a form content type would have Spring's FormContentFilter consume the PUT body (an empty floor)
      curl -sf -X PUT -H "Content-Type: application/octet-stream" --data-binary @"$OUT/response-$case.json" "http://127.0.0.1:$PORT/bench-floor/$case"
      wrk_warm "http://127.0.0.1:$PORT/bench-floor/$case"
      cpu0=$(cpu_ms)
      wrk_run "$OUT/wrk-floor-$case.txt" "$DURATION" "http://127.0.0.1:$PORT/bench-floor/$case"
      cpu1=$(cpu_ms)
      FLOOR[$case]=$(rps_of "$OUT/wrk-floor-$case.txt")
      report floor "$case" GET "$OUT/wrk-floor-$case.txt" "0.00" \
        "$(python3 -c "print(f'{($cpu1-$cpu0)/max(1,$(total_of "$OUT/wrk-floor-$case.txt")):.3f}')")"
      measure default "$case" GET
      measure default "$case" POST
    else
      measure "$mode" "$case" GET
      measure "$mode" "$case" POST
    fi
  done
  stop_server
done
echo "Load after: $(uptime)" >> "$RESULTS"
echo; cat "$RESULTS"
