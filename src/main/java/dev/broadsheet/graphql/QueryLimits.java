package dev.broadsheet.graphql;

import dev.broadsheet.api.ErrorCode;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.parser.ParserOptions;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Depth, complexity, alias and token limits, enforced before a query executes. */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /**
     * The token limit, given to the parser of each execution through its context (graphql-java reads
     * {@code ParserOptions} from there), so nothing JVM-global changes.
     */
    @Bean
    TokenLimit tokenLimit(QueryLimitsProperties limits) {
        return new TokenLimit(ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens())));
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(QueryLimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    /** List fields count as many times as the page they ask for ({@code first}, default 20). */
    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(QueryLimitsProperties limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), (env, childComplexity) -> {
            Object first = env.getArguments().get("first");
            int pageSize = first instanceof Integer size ? Math.max(size, 1)
                    : env.getFieldDefinition().getArgument("first") != null ? 20 : 1;
            return 1 + childComplexity * pageSize;
        });
    }

    @Bean
    AliasLimit aliasLimit(QueryLimitsProperties limits) {
        return new AliasLimit(limits.maxAliases());
    }

    static final class TokenLimit extends SimplePerformantInstrumentation {

        private final ParserOptions options;

        TokenLimit(ParserOptions options) {
            this.options = options;
        }

        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            input.getGraphQLContext().put(ParserOptions.class, options);
            return input;
        }
    }

    static final class AliasLimit extends SimplePerformantInstrumentation {

        private final int max;

        AliasLimit(int max) {
            this.max = max;
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                InstrumentationState state) {
            if (countAliases(parameters.getDocument()) > max) {
                throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                        .message("The query uses more than " + max + " aliases")
                        .extensions(Map.of("code", ErrorCode.VALIDATION.name())).build()));
            }
            return SimpleInstrumentationContext.noOp();
        }

        private static int countAliases(Node<?> node) {
            int count = node instanceof Field field && field.getAlias() != null ? 1 : 0;
            for (Node<?> child : node.getChildren()) {
                count += countAliases(child);
            }
            return count;
        }
    }
}
