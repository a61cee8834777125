package dev.broadsheet.graphql;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps request-level observations (HTTP and GraphQL request timers) and drops the per-field and
 * per-security-filter ones: on a 200-comment thread they cost more CPU than answering the query.
 */
@Configuration(proxyBeanMethods = false)
class ObservationScope {

    @Bean
    ObservationPredicate requestLevelObservationsOnly() {
        return (name, context) -> !name.startsWith("graphql.datafetcher") && !name.startsWith("graphql.dataloader")
                && !name.startsWith("spring.security.");
    }
}
