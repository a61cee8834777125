package dev.broadsheet.graphql;

import static dev.broadsheet.Testers.firstError;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.security.ProductionApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The {@code production} profile: anonymous callers cannot read the schema (staff can, and plain queries
 * are unaffected), there is no GraphiQL page, no sample content and no generated admin token. On the
 * {@link ProductionApiTest} application; queries through Spring's HttpGraphQlTester, the GraphiQL pages as plain HTTP (404s).
 */
@ProductionApiTest
class IntrospectionPolicyTest {

    static final String SCHEMA = "{ __schema { types { name } } }";

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Test
    void anonymousIntrospectionIsRefused() {
        for (String query : List.of(SCHEMA, "{ a: articles { edges { cursor } } t: __type(name: \"Article\") { name } }",
                "query { ...Peek } fragment Peek on Query { __schema { queryType { name } } }")) {
            assertThat(firstError(Testers.anonymous(port).document(query).execute())).as(query)
                    .containsEntry("code", "FORBIDDEN");
        }
    }

    @Test
    void productionServesNoGraphiqlNoSampleContentAndGeneratesNoToken() throws Exception {
        HttpResponse<String> graphiql = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> graphiqlScript = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql/graphiql.js")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(graphiql.statusCode()).isEqualTo(404);
        assertThat(graphiqlScript.statusCode()).isEqualTo(404);
        Testers.anonymous(port).documentName("article/articleLookup")
                .variable("slug", "dock-workers-walk-out-over-pay-freeze").execute().path("article").valueIsNull();
        assertThat(database.getCollection("api_tokens").countDocuments()).isEqualTo(1);
    }

    @Test
    void signedInCallersMayIntrospectAndTypenameStaysFree() {
        HttpGraphQlTester staff = Testers.anonymous(port).mutate().header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN)
                .build();

        staff.document(SCHEMA).execute().errors().verify().path("__schema.types").entityList(Object.class)
                .hasSizeGreaterThan(10);
        Testers.anonymous(port).document("{ __typename }").execute().path("__typename").entity(String.class)
                .isEqualTo("Query");
    }
}
