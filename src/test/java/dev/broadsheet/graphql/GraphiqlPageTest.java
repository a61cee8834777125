package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.Tokens;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.OperationDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline GraphiQL page over plain HTTP: served with its own files (anonymously, no token) under a
 * policy that allows this origin only; and its example operations (src/graphiql/examples) valid
 * against the schema, every query among them answering without errors.
 */
@ApiTest
class GraphiqlPageTest {

    static final Path EXAMPLES = Path.of("src", "graphiql", "examples");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    GraphQlSource graphQl;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesThePageAndItsFilesFromTheApplication() throws Exception {
        HttpResponse<String> page = get("/graphiql");
        HttpResponse<String> script = get("/graphiql/graphiql.js");
        HttpResponse<String> styles = get("/graphiql/graphiql.css");
        HttpResponse<String> worker = get("/graphiql/graphql.worker.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(GraphiqlPage.CONTENT_SECURITY_POLICY);
        assertThat(page.body()).contains("data-endpoint=\"/graphql\"", "data-subscriptions=\"/graphql-ws\"",
                "<script src=\"/graphiql/graphiql.js\"></script>", "href=\"/graphiql/graphiql.css\"")
                .doesNotContain("{{", "https://", "http://");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(worker.statusCode()).isEqualTo(200);
    }

    @Test
    void revalidatesTheBundleWithoutSendingItAgain() throws Exception {
        HttpResponse<String> first = get("/graphiql/graphiql.js");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/graphiql/graphiql.js")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void servesNothingBesideTheBundle() throws Exception {
        assertThat(get("/graphiql/index.html").statusCode()).isEqualTo(404);
        assertThat(get("/graphiql/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/graphiql/..%2Fapplication.yaml").statusCode()).isIn(400, 404);
        assertThat(get("/graphiql/%2e%2e/application.yaml").statusCode()).isIn(400, 404);
    }

    @Test
    void everyExampleValidatesAgainstTheSchema() throws Exception {
        List<Path> examples = exampleDocuments();

        assertThat(examples).hasSize(6);
        for (Path example : examples) {
            ParseAndValidateResult result = ParseAndValidate.parseAndValidate(graphQl.schema(),
                    ExecutionInput.newExecutionInput(Files.readString(example)).build());
            assertThat(result.getErrors()).as(example.toString()).isEmpty();
        }
    }

    /** Each example runs with the token its comment names (none for reader reads). */
    static final Map<String, Tokens.Role> CALLERS = Map.of("4-draft-edit.graphql", Tokens.Role.EDITOR,
            "5-partner-pull.graphql", Tokens.Role.PARTNER);

    @Test
    void everyExampleQueryAnswersWithItsVariables() throws Exception {
        int queries = 0;
        for (Path example : exampleDocuments()) {
            GraphQlHttp caller = Tokens.client(port, CALLERS.get(example.getFileName().toString()));
            String document = Files.readString(example);
            JsonNode variables = JSON.readTree(Files.readString(variablesOf(example)));
            for (OperationDefinition operation : ParseAndValidate.parse(ExecutionInput.newExecutionInput(document).build())
                    .getDocument().getDefinitionsOfType(OperationDefinition.class)) {
                if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("query", document);
                body.put("operationName", operation.getName());
                body.put("variables", variables);
                GraphQlHttp.Response response = caller.post(JSON.writeValueAsString(body));

                assertThat(response.hasErrors()).as(example + " " + operation.getName() + ": " + response.errors()).isFalse();
                assertThat(response.body().path("data").properties()).as(operation.getName())
                        .allSatisfy(field -> assertThat(field.getValue().isNull()).isFalse());
                queries++;
            }
        }
        assertThat(queries).isEqualTo(6);
    }

    private static List<Path> exampleDocuments() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".graphql")).sorted().toList();
        }
    }

    private static Path variablesOf(Path example) {
        return example.resolveSibling(example.getFileName().toString().replace(".graphql", ".variables.json"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
