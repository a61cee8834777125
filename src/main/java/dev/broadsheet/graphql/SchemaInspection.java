package dev.broadsheet.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.SchemaReport;

/**
 * The SDL is the contract: a schema field that no controller or record property serves would answer
 * null forever, so the application refuses to start with one.
 */
@Configuration(proxyBeanMethods = false)
class SchemaInspection {

    private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

    @Bean
    GraphQlSourceBuilderCustomizer failOnUnmappedFields() {
        return builder -> builder.inspectSchemaMappings(SchemaInspection::check);
    }

    static void check(SchemaReport report) {
        log.info("{}", report);
        if (!report.unmappedFields().isEmpty() || !report.unmappedArguments().isEmpty()) {
            throw new IllegalStateException("GraphQL schema fields or arguments without a mapping: "
                    + report.unmappedFields() + " " + report.unmappedArguments());
        }
    }
}
