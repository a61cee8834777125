"""Writer for the mixed benchmark: posts comments at a steady rate spread over the bench articles, publishes
one article every PUBLISH_EVERY seconds, and samples freshness: after each post returns, reads the
article's thread as an anonymous reader (alternately GET and POST, as the readers do) until the new
comment shows. Prints a JSON summary on stdout when DURATION is over."""
import json, sys, time, urllib.parse, urllib.request

port, duration, rate, publish_every, token = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
# A run label (the warm-up writer is "warmup"): comments of two runs must not look like repeats of each other.
run = sys.argv[6] if len(sys.argv) > 6 else "measured"
subnet = 8 if run == "warmup" else 9
URL = f"http://127.0.0.1:{port}/graphql"
THREAD = "query T($slug: String!) { article(slug: $slug) { id commentCount comments(first: 50, orderBy: NEWEST) { edges { node { id } } } } }"

def post(body, headers=None):
    req = urllib.request.Request(URL, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, json.loads(r.read())

def get(query, variables):
    q = urllib.parse.urlencode({"query": query, "variables": json.dumps(variables)})
    with urllib.request.urlopen(f"{URL}?{q}", timeout=10) as r:
        return r.status, json.loads(r.read())

def visible(slug, comment_id, use_get):
    status, body = get(THREAD, {"slug": slug}) if use_get else post({"query": THREAD, "variables": {"slug": slug}})
    edges = ((body.get("data") or {}).get("article") or {}).get("comments", {}).get("edges", [])
    return any(e["node"]["id"] == comment_id for e in edges)

admin = {"Authorization": f"Bearer {token}"}
start = time.monotonic(); n = 0; published = 0; lags = []; failures = 0; stale = 0; next_publish = start + publish_every
while time.monotonic() - start < duration:
    due = start + n / rate
    if time.monotonic() < due:
        time.sleep(due - time.monotonic())
    slug = f"bench-article-{n % 50}"
    try:
        _, body = post({"query": "mutation($i: PostCommentInput!) { postComment(input: $i) { id status } }",
                        "variables": {"i": {"articleId": slug, "authorName": f"Writer {n}", "body": f"Mixed-mode comment {run} {n}"}}},
                       {"X-Forwarded-For": f"10.{subnet}.{n // 250 % 250}.{n % 250}"})
        created = (body.get("data") or {}).get("postComment")
        if not created or created["status"] != "PUBLISHED":
            failures += 1
            if failures <= 3:
                print(f"post failed: {json.dumps(body)[:300]}", file=sys.stderr)
        else:
            returned = time.monotonic()
            while not visible(slug, created["id"], n % 2 == 0):
                if time.monotonic() - returned > 1.0:
                    stale += 1
                    break
                time.sleep(0.01)
            lags.append(time.monotonic() - returned)
    except Exception as e:  # a failed write is counted, not fatal
        failures += 1
    n += 1
    if time.monotonic() >= next_publish:
        next_publish += publish_every
        slug = f"mixed-{int(time.time() * 1000)}"
        try:
            _, body = post({"query": "mutation($i: ArticleInput!) { createArticle(input: $i) { id version } }",
                            "variables": {"i": {"slug": slug, "title": "Breaking " + slug, "section": "news"}}}, admin)
            a = body["data"]["createArticle"]
            post({"query": "mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { status } }",
                  "variables": {"id": a["id"], "v": a["version"]}}, admin)
            published += 1
        except Exception as e:
            print(f"publish failed: {e!r}", file=sys.stderr)
            failures += 1
lags.sort()
print(json.dumps({"posts": n, "published": published, "failures": failures, "not_visible_within_1s": stale,
                  "visibility_p50_ms": round(1000 * lags[len(lags) // 2], 1) if lags else None,
                  "visibility_max_ms": round(1000 * lags[-1], 1) if lags else None}))
