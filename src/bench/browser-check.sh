#!/usr/bin/env bash
# Browser check for CORS: a page served from a second local port calls the API with an editor's
# token in headless Chromium and shows the result; the same page from an origin that is not allowed
# (127.0.0.1 instead of localhost) must fail in the browser.
# Usage: src/bench/browser-check.sh        (needs Debian's chromium: apt-get install -y chromium)
# Ports: API on ${API_PORT:-18085}, page on ${PAGE_PORT:-18095}.
set -euo pipefail
cd "$(dirname "$0")/../.."
API_PORT=${API_PORT:-18085}
PAGE_PORT=${PAGE_PORT:-18095}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
ADMIN_TOKEN=bs_browser-check-admin-token-0123456789
OUT=target/browser-check
[ -x "$CHROMIUM" ] || { echo "SKIPPED: $CHROMIUM not found (apt-get install -y chromium)"; exit 0; }
mkdir -p "$OUT"

mvn -B -q -DskipTests package >/dev/null
JAR=$(ls target/broadsheet-*.jar | grep -v original | head -1)
java -jar "$JAR" --server.port="$API_PORT" --broadsheet.store.in-memory=true --broadsheet.sample.enabled=true \
  --broadsheet.security.bootstrap-admin-token="$ADMIN_TOKEN" --spring.main.banner-mode=off \
  --logging.level.root=WARN > "$OUT/api.log" 2>&1 &
API_PID=$!
python3 -m http.server "$PAGE_PORT" --bind 127.0.0.1 --directory src/bench/browser > "$OUT/page.log" 2>&1 &
PAGE_PID=$!
PROFILE=$(mktemp -d)
trap 'kill $API_PID $PAGE_PID 2>/dev/null || true; rm -rf "$PROFILE"' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://localhost:$API_PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
EDITOR_TOKEN=$(curl -sf "http://localhost:$API_PORT/graphql" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $ADMIN_TOKEN" \
  -d '{"query":"mutation { createApiToken(name: \"browser check\", role: EDITOR) { secret } }"}' \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["data"]["createApiToken"]["secret"])')

page() { # host serving the page
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$PROFILE/$1" --virtual-time-budget=10000 --dump-dom \
    "http://$1:$PAGE_PORT/admin-ui.html#api=http://localhost:$API_PORT/graphql&token=$EDITOR_TOKEN" 2>>"$OUT/chromium.log"
}

allowed=$(page localhost)
refused=$(page 127.0.0.1)
echo "$allowed" > "$OUT/allowed.html"
echo "$refused" > "$OUT/refused.html"
status=0
if grep -q '<pre id="result">OK [1-9]' <<<"$allowed"; then
  echo "PASS: http://localhost:$PAGE_PORT read the editors' desk from http://localhost:$API_PORT with a token:"
  sed -n '/<pre id="result">/,/<\/pre>/p' <<<"$allowed" | sed 's/<[^>]*>//g' | sed 's/^/    /'
else
  echo "FAIL: the allowed origin did not get a result (see $OUT/allowed.html)"; status=1
fi
if grep -q '<pre id="result">FAILED' <<<"$refused"; then
  echo "PASS: http://127.0.0.1:$PAGE_PORT (not an allowed origin) was refused by the browser"
else
  echo "FAIL: a page from a not-allowed origin got through (see $OUT/refused.html)"; status=1
fi
exit $status
