package dev.broadsheet.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Database health by {@code ping}, which both MongoDB and the embedded server answer (Boot's own
 * indicator sends {@code hello}, which the embedded server does not know).
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    StoreHealthIndicator(MongoDatabase database) {
        super("MongoDB is unreachable");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
