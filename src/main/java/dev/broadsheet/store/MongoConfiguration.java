package dev.broadsheet.store;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoConnectionDetails connection, MongoProperties mongo,
            StoreProperties store) {
        MongoDatabase database = client.getDatabase(databaseName(connection.getConnectionString(), mongo, store));
        StoreReachability.check(database, connection.getConnectionString());
        return database;
    }

    @Bean
    MongoCommandCounter mongoCommandCounter() {
        return new MongoCommandCounter();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer commandCounterCustomizer(MongoCommandCounter counter) {
        return settings -> settings.addCommandListener(counter);
    }

    private static String databaseName(ConnectionString connection, MongoProperties mongo, StoreProperties store) {
        if (mongo.getDatabase() != null) {
            return mongo.getDatabase();
        }
        return connection.getDatabase() != null ? connection.getDatabase() : store.database();
    }
}
