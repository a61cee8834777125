package dev.broadsheet.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Database health by {@code ping}, which both MongoDB and the embedded server answer (Boot's own
 * indicator sends {@code hello}, which the embedded server does not know). The embedded store is DOWN
 * while it refuses writes because it cannot commit; it is part of readiness, so a load balancer stops
 * sending traffic that would be refused.
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final ObjectProvider<EmbeddedMongoServer> embedded;

    StoreHealthIndicator(MongoDatabase database, ObjectProvider<EmbeddedMongoServer> embedded) {
        super("MongoDB is unreachable");
        this.database = database;
        this.embedded = embedded;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        EmbeddedMongoServer server = embedded.getIfAvailable();
        String refusal = server == null ? null : server.writeRefusal();
        if (refusal != null) {
            builder.down().withDetail("database", database.getName()).withDetail("writes", "refused")
                    .withDetail("reason", refusal);
            return;
        }
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
