package dev.broadsheet.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Front-end developers read the schema in GraphiQL's docs explorer: every type, field, argument, enum value,
 * input field and directive of the schema the application serves carries a description.
 */
@ApiTest
class SchemaDescriptionsTest {

    private static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");
    private static final Set<String> BUILT_IN_DIRECTIVES = Set.of("include", "skip", "deprecated", "specifiedBy",
            "oneOf", "defer", "experimental_disableErrorPropagation");

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void everyElementOfTheSchemaIsDescribed() {
        SchemaWalk walk = new SchemaWalk();
        walk.schema(graphQlSource.schema());

        System.out.println("Schema descriptions: " + walk.described + " elements described, "
                + walk.missing.size() + " without a description");
        assertThat(walk.missing).as("schema elements without a description").isEmpty();
        assertThat(walk.described).as("described elements").isGreaterThan(500);
    }

    @Test
    void deprecatedElementsSayWhyAndWhatToUseInstead() {
        List<String> withoutReason = new ArrayList<>();
        for (GraphQLNamedType type : graphQlSource.schema().getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    if (field.isDeprecated() && !ownReason(field.getDeprecationReason())) {
                        withoutReason.add(type.getName() + "." + field.getName());
                    }
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    if (field.isDeprecated() && !ownReason(field.getDeprecationReason())) {
                        withoutReason.add(type.getName() + "." + field.getName());
                    }
                }
            }
            if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    if (value.isDeprecated() && !ownReason(value.getDeprecationReason())) {
                        withoutReason.add(type.getName() + "." + value.getName());
                    }
                }
            }
        }
        assertThat(withoutReason).as("deprecated without a reason of their own").isEmpty();
    }

    /** A reason written for this element, not graphql-java's default "No longer supported". */
    private static boolean ownReason(String reason) {
        return reason != null && !reason.isBlank() && !reason.equals("No longer supported");
    }

    private static final class SchemaWalk {

        final List<String> missing = new ArrayList<>();
        int described;

        void schema(GraphQLSchema schema) {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                if (type.getName().startsWith("__")
                        || type instanceof GraphQLScalarType && BUILT_IN_SCALARS.contains(type.getName())) {
                    continue;
                }
                check(type.getName(), type.getDescription());
                if (type instanceof GraphQLFieldsContainer container) {
                    for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                        String path = type.getName() + "." + field.getName();
                        check(path, field.getDescription());
                        arguments(path, field.getArguments());
                    }
                }
                if (type instanceof GraphQLInputObjectType input) {
                    for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                        check(type.getName() + "." + field.getName(), field.getDescription());
                    }
                }
                if (type instanceof GraphQLEnumType enumType) {
                    for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                        check(type.getName() + "." + value.getName(), value.getDescription());
                    }
                }
            }
            for (GraphQLDirective directive : schema.getDirectives()) {
                if (!BUILT_IN_DIRECTIVES.contains(directive.getName())) {
                    check("@" + directive.getName(), directive.getDescription());
                    arguments("@" + directive.getName(), directive.getArguments());
                }
            }
        }

        private void arguments(String owner, List<GraphQLArgument> arguments) {
            for (GraphQLArgument argument : arguments) {
                check(owner + "(" + argument.getName() + ":)", argument.getDescription());
            }
        }

        private void check(String element, String description) {
            if (description == null || description.isBlank()) {
                missing.add(element);
            } else {
                described++;
            }
        }
    }
}
