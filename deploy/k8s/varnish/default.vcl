vcl 4.1;
# The caching reverse proxy in front of Broadsheet (Varnish 7 with xkey from varnish-modules, both in the
# official varnish image). Used by k8s/ (a ConfigMap made by kustomize) and by compose.yaml (mounted).
#
# - Anonymous GET/HEAD /graphql (and feeds, media) are cached for as long as Broadsheet's Cache-Control says
#   (public, max-age=60 by default); anything with an Authorization header, and every POST, passes.
# - Each cached object is tagged with the response's Surrogate-Key (copied into xkey).
# - Broadsheet's CDN webhook purges: register http://<this host>:6091/ as a CDN webhook endpoint; each
#   delivery is a POST carrying the keys in its Surrogate-Key header, and everything tagged with any of
#   them is purged. Port 6091 ("purge") must be reachable only from the Broadsheet instances.

import std;
import xkey;

probe readiness {
    .url = "/actuator/health/readiness";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
}

# Defines the backends and sub broadsheet_backend (one file per deployment: compose or Kubernetes).
include "backends.vcl";

sub vcl_recv {
    if (local.socket == "purge") {
        if (req.method != "POST" || !req.http.Surrogate-Key) {
            return (synth(400, "Expected a Broadsheet CDN webhook delivery (POST with Surrogate-Key)"));
        }
        set req.http.X-Purged = xkey.purge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    call broadsheet_backend;
    if (req.url ~ "^/actuator") {
        return (pass);
    }
    if (req.http.Authorization || (req.method != "GET" && req.method != "HEAD")) {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        # The request id belongs to the request that filled the cache, not to this one.
        unset resp.http.X-Request-Id;
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
