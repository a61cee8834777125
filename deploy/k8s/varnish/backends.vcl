# Kubernetes: the broadsheet Service (one ClusterIP; kube-proxy spreads the connections over ready pods).
backend broadsheet {
    .host = "broadsheet";
    .port = "8080";
    .probe = readiness;
}

sub broadsheet_backend {
    set req.backend_hint = broadsheet;
}
