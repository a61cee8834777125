package dev.broadsheet.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.validation.BindException;

/**
 * The mutations every versioned entity {@code T} has in the same form: {@code create<T>(input)},
 * {@code update<T>(<key>, expectedVersion, input)}, and changes of state
 * {@code <verb><T>(id, expectedVersion)}. A feature's controller wires its entities from its
 * {@code RuntimeWiringConfigurer}, one line each, instead of writing an annotated method per mutation;
 * the create and update fields are named after the record.
 *
 * <p>Arguments bind as {@code @Argument} binds them (Spring's {@link GraphQlArgumentBinder} with Boot's
 * conversion service), and the fetchers describe themselves, so the schema inspection checks their
 * arguments and result types as it checks annotated controllers ({@link SchemaInspection}).
 */
public final class VersionedMutations<T> {

    private static final GraphQlArgumentBinder BINDER = new GraphQlArgumentBinder(
            GraphQlArgumentBinder.Options.create().conversionService(ApplicationConversionService.getSharedInstance()));
    private static final ResolvableType KEY = ResolvableType.forClass(String.class);
    private static final ResolvableType VERSION = ResolvableType.forClass(Long.class);

    /** {@code update<T>}: the entity named by its key, if it is still at {@code expectedVersion}. */
    @FunctionalInterface
    public interface Update<I, T> {
        T apply(String key, long expectedVersion, I input);
    }

    /** A change of state of the entity {@code id}, if it is still at {@code expectedVersion}. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(String id, long expectedVersion);
    }

    private final RuntimeWiring.Builder wiring;
    private final Class<T> type;

    private VersionedMutations(RuntimeWiring.Builder wiring, Class<T> type) {
        this.wiring = wiring;
        this.type = type;
    }

    /** The mutations of entity {@code type}, wired into {@code wiring}. */
    public static <T> VersionedMutations<T> of(RuntimeWiring.Builder wiring, Class<T> type) {
        return new VersionedMutations<>(wiring, type);
    }

    /** {@code create<T>(input)} and {@code update<T>(<key>, expectedVersion, input)}. */
    public <I> VersionedMutations<T> editable(Class<I> input, String key, Function<I, T> create,
            Update<I, T> update) {
        ResolvableType inputType = ResolvableType.forClass(input);
        add("create" + type.getSimpleName(), Map.of("input", inputType),
                env -> create.apply(input.cast(bind(env, "input", inputType))));
        Map<String, ResolvableType> updateArguments = versioned(key);
        updateArguments.put("input", inputType);
        add("update" + type.getSimpleName(), updateArguments,
                env -> update.apply(key(env, key), version(env), input.cast(bind(env, "input", inputType))));
        return this;
    }

    /** {@code field(id, expectedVersion)}. */
    public VersionedMutations<T> change(String field, Change<T> change) {
        add(field, versioned("id"), env -> change.apply(key(env, "id"), version(env)));
        return this;
    }

    private void add(String field, Map<String, ResolvableType> arguments, DataFetcher<T> body) {
        Fetcher<T> fetcher = new Fetcher<>(type.getSimpleName() + " " + field, ResolvableType.forClass(type),
                arguments, body);
        wiring.type("Mutation", mutation -> mutation.dataFetcher(field, fetcher));
    }

    private static Map<String, ResolvableType> versioned(String key) {
        Map<String, ResolvableType> arguments = new LinkedHashMap<>();
        arguments.put(key, KEY);
        arguments.put("expectedVersion", VERSION);
        return arguments;
    }

    private static String key(DataFetchingEnvironment env, String key) throws BindException {
        return (String) bind(env, key, KEY);
    }

    private static long version(DataFetchingEnvironment env) throws BindException {
        return (Long) bind(env, "expectedVersion", VERSION);
    }

    private static Object bind(DataFetchingEnvironment env, String argument, ResolvableType type)
            throws BindException {
        return BINDER.bind(env, argument, type);
    }

    private record Fetcher<T>(String description, ResolvableType returnType, Map<String, ResolvableType> arguments,
            DataFetcher<T> body) implements SelfDescribingDataFetcher<T> {

        @Override
        public T get(DataFetchingEnvironment env) throws Exception {
            return body.get(env);
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public ResolvableType getReturnType() {
            return returnType;
        }

        @Override
        public Map<String, ResolvableType> getArguments() {
            return arguments;
        }
    }
}
