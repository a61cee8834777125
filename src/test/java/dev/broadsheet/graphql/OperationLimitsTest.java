package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.api.CallerKind;
import dev.broadsheet.api.CallerKind.Kind;
import dev.broadsheet.graphql.QueryLimitsProperties.RoleLimits;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Depth, cost, alias and token limits as pure logic: the instrumentations of {@link QueryLimits} and
 * {@link OperationLimits} on graphql-java over the application's SDL, no Spring context. {@link QueryLimitsTest}
 * and {@link RoleLimitsTest} check that a client over HTTP gets these refusals.
 */
class OperationLimitsTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource sdl : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
            try (Reader reader = new InputStreamReader(sdl.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    @Test
    void depthCountsEveryLevelOfFieldsIncludingConnectionPlumbing() {
        assertThat(depth("{ article(slug: \"x\") { id } }")).isEqualTo(2);
        assertThat(depth(LimitQueries.DEEP)).isEqualTo(13);
        assertThat(depth(LimitQueries.NESTED)).isEqualTo(20);
    }

    @Test
    void costCountsEachPageAndEveryItemItMayReturn() {
        assertThat(cost("{ article(slug: \"x\") { id title } }")).as("a single object and scalars").isZero();
        assertThat(cost("{ articles(first: 10) { edges { node { id } } } }")).isEqualTo(1 + 10);
        assertThat(cost("{ articles { edges { node { id } } } }")).as("no first: the default page")
                .isEqualTo(1 + OperationLimits.DEFAULT_PAGE);
        assertThat(cost(LimitQueries.COSTLY)).isEqualTo(22_041);
        assertThat(cost(LimitQueries.partnerPages())).isEqualTo(21_030);
        assertThat(cost(LimitQueries.WIDE)).isEqualTo(1_020_201);
    }

    @Test
    void schemaIntrospectionCountsForNeitherDepthNorCost() {
        String introspection = LimitQueries.graphiqlIntrospection();

        assertThat(depth(introspection)).isZero();
        assertThat(cost(introspection)).isZero();
    }

    @Test
    void aRefusalNamesTheLimitTheCallerKindAndTheExcess() {
        GraphQLError refused = onlyError(execute(Kind.ANONYMOUS, LimitQueries.COSTLY));

        assertThat(refused.getMessage()).isEqualTo(
                "Query cost 22041 exceeds the anonymous limit of 20000 (by 2041); signed-in callers have higher limits");
        assertThat(refused.getExtensions()).containsEntry("code", "VALIDATION").containsEntry("limit", "cost")
                .containsEntry("callerKind", "ANONYMOUS").containsEntry("actual", 22_041).containsEntry("max", 20_000);
        assertThat(onlyError(execute(Kind.PARTNER, LimitQueries.NESTED)).getMessage())
                .isEqualTo("Query depth 20 exceeds the partner limit of 15 (by 5)");
    }

    @Test
    void limitsFollowTheCallerKind() {
        assertThat(execute(Kind.ANONYMOUS, LimitQueries.DEEP).getErrors()).extracting(GraphQLError::getMessage)
                .containsExactly("Query depth 13 exceeds the anonymous limit of 12 (by 1); signed-in callers have higher limits");
        assertThat(refusals(execute(Kind.EDITOR, LimitQueries.DEEP))).isEmpty();
        assertThat(refusals(execute(Kind.EDITOR, LimitQueries.COSTLY))).isEmpty();
        assertThat(refusals(execute(Kind.ADMIN, LimitQueries.COSTLY))).isEmpty();
    }

    @Test
    void moreThanThirtyAliasesAreRefusedForEveryCaller() {
        assertThat(refusals(execute(Kind.ANONYMOUS, LimitQueries.aliases(30)))).isEmpty();

        GraphQLError refused = onlyError(execute(Kind.ADMIN, LimitQueries.aliases(31)));

        assertThat(refused.getMessage()).isEqualTo("The query uses more than 30 aliases");
        assertThat(refused.getExtensions()).containsEntry("code", "VALIDATION");
    }

    @Test
    void theTokenLimitFollowsTheCallerKind() {
        assertThat(onlyError(execute(Kind.ANONYMOUS, LimitQueries.TOKENS_6000)).getMessage()).contains("5,000").contains("tokens");
        assertThat(execute(Kind.EDITOR, LimitQueries.TOKENS_6000).getErrors()).isEmpty();
    }

    @Test
    void unsetLimitsKeepTheirRoleDefaultsAndAdminsFollowEditors() {
        QueryLimitsProperties limits = new QueryLimitsProperties(30, new RoleLimits(10, null, null), null,
                new RoleLimits(null, 300_000, null), null);

        assertThat(limits.anonymous()).isEqualTo(new RoleLimits(10, 20_000, 5_000));
        assertThat(limits.partner()).isEqualTo(new RoleLimits(15, 50_000, 10_000));
        assertThat(limits.editor()).isEqualTo(new RoleLimits(20, 300_000, 20_000));
        assertThat(limits.admin()).isEqualTo(limits.editor());
    }

    private static int depth(String query) {
        return OperationLimits.depth(traverser(query));
    }

    private static int cost(String query) {
        return OperationLimits.cost(traverser(query));
    }

    private static QueryTraverser traverser(String query) {
        return QueryTraverser.newQueryTraverser().schema(schema).document(Parser.parse(query)).variables(Map.of()).build();
    }

    /** Runs {@code query} through the limits as the application configures them by default, for a caller of {@code kind}. */
    private static ExecutionResult execute(Kind kind, String query) {
        QueryLimitsProperties limits = new QueryLimitsProperties(30, null, null, null, null);
        CallerKind caller = new CallerKind() {
            @Override
            public boolean anonymous() {
                return kind == Kind.ANONYMOUS;
            }

            @Override
            public Kind kind() {
                return kind;
            }
        };
        QueryLimits config = new QueryLimits();
        GraphQL graphql = GraphQL.newGraphQL(schema).instrumentation(new ChainedInstrumentation(List.of(
                config.tokenLimit(limits, caller), config.aliasLimit(limits), config.operationLimits(limits, caller))))
                .build();
        return graphql.execute(ExecutionInput.newExecutionInput(query).build());
    }

    private static GraphQLError onlyError(ExecutionResult result) {
        assertThat(result.getErrors()).hasSize(1);
        assertThat(result.isDataPresent()).as("refused before it ran").isFalse();
        return result.getErrors().get(0);
    }

    /** The errors of a query refused before it ran (the un-executable schema's fields may fail as they run: not refusals). */
    private static List<GraphQLError> refusals(ExecutionResult result) {
        return result.getErrors().stream().filter(error -> !result.isDataPresent()).toList();
    }
}
