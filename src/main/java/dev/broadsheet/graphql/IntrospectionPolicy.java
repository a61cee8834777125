package dev.broadsheet.graphql;

import dev.broadsheet.api.CallerKind;
import dev.broadsheet.api.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.Node;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Schema introspection ({@code __schema}, {@code __type}) for anonymous callers: allowed unless
 * {@code broadsheet.graphql.anonymous-introspection} is false (as the {@code production} profile sets it).
 * Signed-in callers may always introspect.
 */
@Component
class IntrospectionPolicy extends SimplePerformantInstrumentation {

    private final boolean anonymousAllowed;
    private final CallerKind callers;

    IntrospectionPolicy(@Value("${broadsheet.graphql.anonymous-introspection:true}") boolean anonymousAllowed,
            CallerKind callers) {
        this.anonymousAllowed = anonymousAllowed;
        this.callers = callers;
    }

    /** Checked per execution, not at validation: validated documents are shared by all callers. */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (!anonymousAllowed && callers.anonymous()
                && introspects(parameters.getExecutionContext().getDocument())) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("Schema introspection needs a bearer token here")
                    .extensions(Map.of("code", ErrorCode.FORBIDDEN.name())).build()));
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static boolean introspects(Node<?> node) {
        if (node instanceof Field field && (field.getName().equals("__schema") || field.getName().equals("__type"))) {
            return true;
        }
        for (Node<?> child : node.getChildren()) {
            if (introspects(child)) {
                return true;
            }
        }
        return false;
    }
}
