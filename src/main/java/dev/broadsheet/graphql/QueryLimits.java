package dev.broadsheet.graphql;

import dev.broadsheet.api.CallerKind;
import dev.broadsheet.api.CallerKind.Kind;
import dev.broadsheet.api.ErrorCode;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Depth, cost (complexity), alias and token limits, enforced before a query executes; all but aliases per kind of caller. */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /**
     * The token limit of the caller's kind, given to the parser of each execution through its context
     * (graphql-java reads {@code ParserOptions} from there), so nothing JVM-global changes.
     */
    @Bean
    TokenLimit tokenLimit(QueryLimitsProperties limits, CallerKind callers) {
        Map<Kind, ParserOptions> options = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            options.put(kind, ParserOptions.getDefaultOperationParserOptions()
                    .transform(builder -> builder.maxTokens(limits.of(kind).maxTokens())));
        }
        return new TokenLimit(options, callers);
    }

    /** Depth and cost, per kind of caller. */
    @Bean
    OperationLimits operationLimits(QueryLimitsProperties limits, CallerKind callers) {
        return new OperationLimits(limits, callers);
    }

    @Bean
    AliasLimit aliasLimit(QueryLimitsProperties limits) {
        return new AliasLimit(limits.maxAliases());
    }

    static final class TokenLimit extends SimplePerformantInstrumentation {

        private final Map<Kind, ParserOptions> options;
        private final CallerKind callers;

        TokenLimit(Map<Kind, ParserOptions> options, CallerKind callers) {
            this.options = options;
            this.callers = callers;
        }

        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            input.getGraphQLContext().put(ParserOptions.class, options.get(callers.kind()));
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
