# Shared by the benchmark scripts: build, start/stop BenchServer, run wrk, parse its output.
# Expects: PORT, OUT set; run from the project root.
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }
mkdir -p "$OUT/classes"

build() {
  mvn -B -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
  CP="target/classes:$(cat "$OUT/cp.txt")"
  javac -d "$OUT/classes" -cp "$CP" $(find src/bench/java -name '*.java')
}

# MongoDB timeouts for the bench server: the 2 s defaults can expire during start-up on a loaded machine.
STORE_TIMEOUTS=${STORE_TIMEOUTS:---broadsheet.store.timeouts.server-selection=30s --broadsheet.store.timeouts.connect=30s --broadsheet.store.timeouts.read=60s}
# The bench server's admin token: the actuator's metrics need one.
BENCH_TOKEN=${BENCH_TOKEN:-bs_bench-admin-token-0123456789}
SERVER_PID=
start_server() { # log name, extra args...
  local name=$1; shift
  java -XX:+UseParallelGC -Xms512m -Xmx"${BENCH_HEAP:-1g}" -cp "$OUT/classes:$CP" dev.broadsheet.bench.BenchServer \
    --server.port="$PORT" --spring.main.banner-mode=off --logging.level.root=WARN \
    --broadsheet.sample.enabled=true --broadsheet.security.bootstrap-admin-token="$BENCH_TOKEN" $STORE_TIMEOUTS "$@" > "$OUT/server-$name.log" 2>&1 &
  SERVER_PID=$!
  trap 'stop_server' EXIT
  for _ in $(seq 1 ${START_TIMEOUT:-300}); do grep -q "BENCH DATA LOADED" "$OUT/server-$name.log" && break; sleep 1; done
  grep -q "BENCH DATA LOADED" "$OUT/server-$name.log" || { echo "server did not start"; tail -50 "$OUT/server-$name.log"; exit 1; }
}

stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=
  trap - EXIT
}

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read().strip(), safe=""))'; }
get_url() { # query file, variables json
  local q v; q=$(urlencode < "src/bench/queries/$1.graphql"); v=$(printf '%s' "$2" | urlencode)
  echo "http://127.0.0.1:$PORT/graphql?query=$q&variables=$v"
}
post_body() { # query file, variables json, output file
  python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read().strip(), "variables": json.loads(sys.argv[2])}))' \
    "src/bench/queries/$1.graphql" "$2" > "$3"
}
metric() { # name [tag query]
  curl -s -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT/actuator/metrics/$1${2:+?tag=$2}" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["measurements"][0]["value"])'
}
commands() { metric broadsheet.mongo.commands | cut -d. -f1; }
# Requests the server completed (all URIs: a response-cache hit is answered by a filter, before any
# handler mapping, so its timer carries no /graphql uri tag; the few /actuator calls of the window
# itself are included and make the figure slightly low, never high).
served() { metric http.server.requests | cut -d. -f1; }
# Per-request MongoDB commands over a window: both counts are taken server-side after the server has
# drained, so requests still in flight when wrk starts or stops count on both sides (wrk's own total
# leaves them out, which showed as fractional extra commands per request on a loaded machine).
window_start() { sleep 2; W_COMMANDS=$(commands); W_SERVED=$(served); }
window_commands() { sleep 2; python3 -c "print(f'{($(commands)-$W_COMMANDS)/max(1,$(served)-$W_SERVED):.2f}')"; }
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v=v*1000 } printf "%.2f", v }'; }

# wrk_warm <url> [wrk script]: WRK_WARMUP seconds (default 30) of JIT and cache warm-up, not measured.
# C2 compiles graphql-java's recursive execution methods in 1-3 s each on this 2-core machine; after
# 3 s of load they still ran as C1 code and a measured run saw a third of the steady-state rate.
WRK_WARMUP=${WRK_WARMUP:-30}
wrk_warm() { wrk -t2 -c16 -d"${WRK_WARMUP}s" ${2:+-s "$2"} "$1" > /dev/null; }
# wrk_run <output file> <seconds> <url> [wrk script]: one measured run (call wrk_warm first).
wrk_run() {
  local out=$1 seconds=$2 url=$3 script=${4:-}
  wrk -t2 -c16 -d"${seconds}s" --latency ${script:+-s "$script"} "$url" > "$out"
}
# Server CPU time (user + system, in ms) so far: per request it is a figure that contention distorts
# far less than req/s on a shared machine.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$SERVER_PID/stat"; }
rps_of() { awk '/Requests\/sec/ {print $2}' "$1"; }
total_of() { awk '/requests in/ {print $1}' "$1"; }
p50_of() { awk '$1=="50%" {print $2}' "$1" | to_ms; }
p99_of() { awk '$1=="99%" {print $2}' "$1" | to_ms; }
errors_of() { local e; e=$(awk '/Non-2xx/ {print $5}' "$1"); echo "${e:-0}"; }
