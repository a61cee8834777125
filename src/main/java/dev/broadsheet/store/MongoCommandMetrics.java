package dev.broadsheet.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exports the request commands count as {@code broadsheet.mongo.commands} (the benchmark reads it). */
@Configuration(proxyBeanMethods = false)
class MongoCommandMetrics {

    @Bean
    MeterBinder mongoCommandMeter(MongoCommandCounter counter) {
        return registry -> FunctionCounter.builder("broadsheet.mongo.commands", counter, MongoCommandCounter::total)
                .description("MongoDB commands sent for requests (background following excluded)")
                .register(registry);
    }
}
