package dev.broadsheet.graphql;

import dev.broadsheet.api.CallerKind;
import dev.broadsheet.api.CallerKind.Kind;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.graphql.QueryLimitsProperties.RoleLimits;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeUtil;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The depth and cost limits of the caller's kind (anonymous, partner, editor, admin), checked before the
 * operation runs. Checked per execution, not at validation: validated documents are shared by all callers.
 * A refusal names the limit, the caller's kind and by how much the query exceeds it.
 */
final class OperationLimits extends SimplePerformantInstrumentation {

    /** The page size a list field counts with when the query names none. */
    static final int DEFAULT_PAGE = 20;

    private final QueryLimitsProperties limits;
    private final CallerKind callers;
    /**
     * Depth and cost of an operation, which depend on the parsed document (one shared instance per query
     * text, from {@link DocumentCache}), the operation and the variables only: a front end sends the same
     * few queries on every page view, and walking them twice per request was a measurable share of a read.
     */
    private final Cache<Operation, Measure> measured = Caffeine.newBuilder().maximumSize(2_000).build();

    private record Operation(Document document, String operationName, Map<String, Object> variables) {
    }

    private record Measure(int depth, int cost) {
    }

    OperationLimits(QueryLimitsProperties limits, CallerKind callers) {
        this.limits = limits;
        this.callers = callers;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        Kind kind = callers.kind();
        RoleLimits allowed = limits.of(kind);
        ExecutionContext context = parameters.getExecutionContext();
        Measure measure = measured.get(new Operation(context.getDocument(), context.getExecutionInput().getOperationName(),
                context.getCoercedVariables().toMap()), operation -> measure(context));
        if (measure.depth() > allowed.maxDepth()) {
            throw refused("depth", kind, measure.depth(), allowed.maxDepth());
        }
        if (measure.cost() > allowed.maxComplexity()) {
            throw refused("cost", kind, measure.cost(), allowed.maxComplexity());
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static Measure measure(ExecutionContext context) {
        QueryTraverser traverser = traverser(context);
        return new Measure(depth(traverser), cost(traverser));
    }

    private static QueryTraverser traverser(ExecutionContext context) {
        return QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build();
    }

    static int depth(QueryTraverser traverser) {
        return traverser.reducePreOrder((field, deepest) -> Math.max(levels(field), deepest), 0);
    }

    private static int levels(QueryVisitorFieldEnvironment field) {
        int levels = 0;
        for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
            levels += isIntrospection(at) ? 0 : 1;
        }
        return levels;
    }

    /**
     * Schema introspection ({@code __schema}, {@code __type} and the fields of {@code __Type} & co.) is bounded by
     * the schema, and graphql-java's good-faith introspection check refuses its abusive shapes; GraphiQL's own
     * introspection query nests {@code ofType} nine deep. So it counts for neither depth nor cost.
     */
    private static boolean isIntrospection(QueryVisitorFieldEnvironment field) {
        return field.getField().getName().startsWith("__") || field.getFieldsContainer().getName().startsWith("__");
    }

    /**
     * The items a query can return, as a list or a page: a paged field (one with {@code first}) counts 1 plus,
     * for each item asked for, 1 and what the item selects; a list of objects counts 1, 1 for its items and
     * what they select. Single objects ({@code node}, {@code parent}, an image's asset), connection plumbing
     * ({@code edges}, {@code pageInfo}) and scalar fields add nothing of their own: they are loaded with their
     * item, in batches.
     */
    static int cost(QueryTraverser traverser) {
        Map<QueryVisitorFieldEnvironment, Long> costOfChildren = new HashMap<>();
        traverser.visitPostOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment field) {
                long cost = cost(field, costOfChildren.getOrDefault(field, 0L));
                costOfChildren.merge(field.getParentEnvironment(), Math.min(cost, Integer.MAX_VALUE),
                        (a, b) -> Math.min(a + b, Integer.MAX_VALUE));
            }
        });
        return (int) Math.min(costOfChildren.getOrDefault(null, 0L), Integer.MAX_VALUE);
    }

    private static long cost(QueryVisitorFieldEnvironment field, long children) {
        GraphQLOutputType type = field.getFieldDefinition().getType();
        if (GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type)) || isIntrospection(field)) {
            return 0;
        }
        String name = field.getField().getName();
        boolean paged = field.getFieldDefinition().getArgument("first") != null;
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type)) && !name.equals("edges");
        if (!paged && !list) {
            return children;
        }
        return 1 + (long) pageSize(field) * (1 + children);
    }

    private static int pageSize(QueryVisitorFieldEnvironment field) {
        Object first = field.getArguments().get("first");
        if (first instanceof Integer size) {
            return Math.max(size, 1);
        }
        return field.getFieldDefinition().getArgument("first") != null ? DEFAULT_PAGE : 1;
    }

    private static AbortExecutionException refused(String limit, Kind kind, int actual, int max) {
        String who = kind.name().toLowerCase(Locale.ROOT);
        String message = "Query " + limit + " " + actual + " exceeds the " + who + " limit of " + max
                + " (by " + (actual - max) + ")" + (kind == Kind.ANONYMOUS ? "; signed-in callers have higher limits" : "");
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCode.VALIDATION.name());
        extensions.put("limit", limit);
        extensions.put("callerKind", kind.name());
        extensions.put("actual", actual);
        extensions.put("max", max);
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message)
                .extensions(extensions).build()));
    }
}
