package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code production} profile: anonymous callers cannot read the schema (staff can, and plain queries
 * are unaffected), there is no GraphiQL page, no sample content and no generated admin token.
 */
@ActiveProfiles("production")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "broadsheet.store.in-memory=true",
    "broadsheet.security.bootstrap-admin-token=" + ApiTest.ADMIN_TOKEN
})
class IntrospectionPolicyTest {

    static final String SCHEMA = "{ __schema { types { name } } }";

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

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
    void productionServesNoGraphiqlNoSampleContentAndGeneratesNoToken() throws Exception {
        HttpResponse<String> graphiql = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> graphiqlScript = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql/graphiql.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        Response sample = GraphQlHttp.at(port).query("{ article(slug: \"dock-workers-walk-out-over-pay-freeze\") { id } }",
                Map.of());

        assertThat(graphiql.statusCode()).isEqualTo(404);
        assertThat(graphiqlScript.statusCode()).isEqualTo(404);
        assertThat(sample.data("article").isNull()).isTrue();
        assertThat(database.getCollection("api_tokens").countDocuments()).isEqualTo(1);
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
