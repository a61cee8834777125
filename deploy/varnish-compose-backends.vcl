# compose.yaml: the two Broadsheet containers, round robin, each probed on its readiness group.
import directors;

backend broadsheet1 {
    .host = "broadsheet1";
    .port = "8080";
    .probe = readiness;
}

backend broadsheet2 {
    .host = "broadsheet2";
    .port = "8080";
    .probe = readiness;
}

sub vcl_init {
    new broadsheet = directors.round_robin();
    broadsheet.add_backend(broadsheet1);
    broadsheet.add_backend(broadsheet2);
}

sub broadsheet_backend {
    set req.backend_hint = broadsheet.backend();
}
