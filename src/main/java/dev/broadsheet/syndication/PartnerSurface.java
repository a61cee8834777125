package dev.broadsheet.syndication;

import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A partner token acts as its partner everywhere, so it reads only the partner surface: the reader
 * queries (which show every image's URL) would otherwise hand it images its licence decisions omit.
 * Checked once per operation, on the root fields, and only for partner callers.
 */
@Component
class PartnerSurface extends SimplePerformantInstrumentation {

    static final Set<String> ROOT_FIELDS = Set.of("syndicatedArticle", "syndicationChanges", "syndicationLog",
            "__typename", "__schema", "__type");

    private final Callers callers;

    PartnerSurface(Callers callers) {
        this.callers = callers;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (callers.current().role() == Role.PARTNER) {
            ExecutionContext execution = parameters.getExecutionContext();
            String outside = outside(execution.getOperationDefinition().getSelectionSet(), execution.getFragmentsByName());
            if (outside != null) {
                throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                        .message("A partner token reads syndicatedArticle, syndicationChanges and syndicationLog only, not "
                                + outside)
                        .extensions(Map.of("code", ErrorCode.FORBIDDEN.name())).build()));
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** The first root field outside the partner surface, or null. */
    private static String outside(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
        for (Selection<?> selection : selections.getSelections()) {
            String found = null;
            if (selection instanceof Field field) {
                found = ROOT_FIELDS.contains(field.getName()) ? null : field.getName();
            } else if (selection instanceof InlineFragment inline) {
                found = outside(inline.getSelectionSet(), fragments);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                found = outside(fragments.get(spread.getName()).getSelectionSet(), fragments);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
