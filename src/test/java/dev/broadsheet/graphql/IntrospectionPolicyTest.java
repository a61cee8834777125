package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In production, anonymous callers cannot read the schema; staff can, and plain queries are unaffected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "broadsheet.store.in-memory=true",
    "broadsheet.sample.enabled=false",
    "broadsheet.graphql.anonymous-introspection=false",
    "broadsheet.security.bootstrap-admin-token=" + ApiTest.ADMIN_TOKEN
})
class IntrospectionPolicyTest {

    static final String SCHEMA = "{ __schema { types { name } } }";

    @LocalServerPort
    int port;

    @Test
    void anonymousIntrospectionIsRefused() {
        Response schema = GraphQlHttp.at(port).query(SCHEMA, Map.of());
        Response type = GraphQlHttp.at(port).query("{ a: articles { edges { cursor } } t: __type(name: \"Article\") { name } }", Map.of());

        Response viaFragment = GraphQlHttp.at(port).query(
                "query { ...Peek } fragment Peek on Query { __schema { queryType { name } } }", Map.of());

        assertThat(schema.firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(type.firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(viaFragment.firstErrorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void signedInCallersMayIntrospectAndTypenameStaysFree() {
        Response staff = GraphQlHttp.at(port).header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN).query(SCHEMA, Map.of());
        Response typename = GraphQlHttp.at(port).query("{ __typename }", Map.of());

        assertThat(staff.hasErrors()).isFalse();
        assertThat(staff.data("__schema.types").size()).isGreaterThan(10);
        assertThat(typename.data("__typename").asString()).isEqualTo("Query");
    }
}
