package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLFieldDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every GraphQL document the README shows parses and validates against the schema the server serves: the
 * {@code ```graphql} blocks, the {@code query} of every {@code curl -d '…'} JSON body (shell-quoted pieces
 * joined as the shell joins them), {@code --data-urlencode 'query=…'}, and the documents given to the
 * README's {@code gql} helper. And every mutation has an example.
 */
@ApiTest
class ReadmeExamplesTest {

    private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SHELL_BLOCK = Pattern.compile("```(?:sh|bash|shell)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CURL_DATA = Pattern.compile("(?:-d|--data|--data-raw) +'");
    private static final Pattern URLENCODED_QUERY = Pattern.compile("--data-urlencode +'query=([^']*)'");
    private static final Pattern GQL_HELPER = Pattern.compile("\\bgql +'([^']*)'");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String readme;

    @Autowired
    GraphQlSource graphQlSource;

    @BeforeAll
    static void readReadme() throws IOException {
        readme = Files.readString(Path.of("README.md"));
    }

    @Test
    void everyDocumentInTheReadmeValidatesAgainstTheSchema() {
        Map<String, String> documents = documents();
        List<String> invalid = new ArrayList<>();
        documents.forEach((where, document) -> {
            ParseAndValidateResult result = ParseAndValidate.parseAndValidate(graphQlSource.schema(),
                    ExecutionInput.newExecutionInput(document).build());
            if (result.isFailure()) {
                invalid.add(where + ": " + result.getErrors().stream().map(GraphQLError::getMessage).toList()
                        + "\n    " + document.strip().replace("\n", "\n    "));
            }
        });

        System.out.println("README documents checked: " + documents.size());
        assertThat(documents).hasSizeGreaterThan(60);
        assertThat(invalid).as("README documents that do not validate").isEmpty();
    }

    @Test
    void everyCurlBodyInTheReadmeIsJson() {
        List<String> broken = new ArrayList<>();
        forEachCurlBody((line, body) -> {
            try {
                JSON.readTree(body);
            } catch (JacksonException e) {
                broken.add("line " + line + ": " + body);
            }
        });
        assertThat(broken).as("curl -d bodies that a server would answer with 400").isEmpty();
    }

    @Test
    void everyMutationHasAnExample() {
        String examples = String.join("\n", documents().values());
        List<String> without = new ArrayList<>();
        for (GraphQLFieldDefinition mutation : graphQlSource.schema().getMutationType().getFieldDefinitions()) {
            if (!Pattern.compile("\\b" + mutation.getName() + "\\s*\\(").matcher(examples).find()) {
                without.add(mutation.getName());
            }
        }
        assertThat(without).as("mutations without an example in the README").isEmpty();
    }

    private static Map<String, String> documents() {
        Map<String, String> documents = new LinkedHashMap<>();
        Matcher block = GRAPHQL_BLOCK.matcher(readme);
        while (block.find()) {
            documents.put("```graphql at line " + lineOf(block.start()), block.group(1));
        }
        forEachCurlBody((line, body) -> {
            try {
                JsonNode query = JSON.readTree(body).path("query");
                if (query.isString()) {
                    documents.put("curl -d at line " + line, query.asString());
                }
            } catch (JacksonException notJson) {
                // reported by everyCurlBodyInTheReadmeIsJson
            }
        });
        Matcher shell = SHELL_BLOCK.matcher(readme);
        while (shell.find()) {
            for (Pattern pattern : List.of(URLENCODED_QUERY, GQL_HELPER)) {
                Matcher found = pattern.matcher(shell.group(1));
                while (found.find()) {
                    documents.put(pattern.pattern().substring(0, 6) + " at line "
                            + lineOf(shell.start(1) + found.start()), found.group(1));
                }
            }
        }
        return documents;
    }

    /** The body of each {@code curl -d '…'}: single-quoted pieces, joined across {@code \}-newlines. */
    private static void forEachCurlBody(java.util.function.BiConsumer<Integer, String> body) {
        Matcher shell = SHELL_BLOCK.matcher(readme);
        while (shell.find()) {
            String text = shell.group(1);
            Matcher data = CURL_DATA.matcher(text);
            int from = 0;
            while (data.find(from)) {
                int at = data.end() - 1;
                StringBuilder joined = new StringBuilder();
                while (at < text.length() && text.charAt(at) == '\'') {
                    int end = text.indexOf('\'', at + 1);
                    joined.append(text, at + 1, end);
                    at = end + 1;
                    if (text.startsWith("\\\n", at)) {
                        at += 2;
                    }
                }
                body.accept(lineOf(shell.start(1) + data.start()), joined.toString());
                from = at;
            }
        }
    }

    private static int lineOf(int offset) {
        return (int) readme.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
