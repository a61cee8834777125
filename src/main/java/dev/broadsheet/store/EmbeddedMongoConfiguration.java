package dev.broadsheet.store;

import com.mongodb.ConnectionString;
import java.nio.file.Path;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Starts the embedded server when no MongoDB is configured, and points Boot's MongoClient at it. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.NoMongoConfigured.class)
class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(StoreProperties properties) {
        return properties.inMemory()
                ? EmbeddedMongoServer.inMemory()
                : EmbeddedMongoServer.persistentIn(Path.of(properties.dataDir()), properties.embeddedPort());
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server, StoreProperties properties) {
        ConnectionString connectionString = new ConnectionString(server.connectionString() + "/" + properties.database());
        return () -> connectionString;
    }

    static final class NoMongoConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return !environment.containsProperty("spring.mongodb.uri")
                    && !environment.containsProperty("spring.mongodb.host");
        }
    }
}
