package dev.broadsheet.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long anything may wait for MongoDB before it fails (and the API answers {@code UNAVAILABLE}),
 * instead of the driver's 30 s defaults: finding a server, connecting, a reply, a pooled connection.
 */
@ConfigurationProperties("broadsheet.store.timeouts")
public record StoreTimeouts(
        @DefaultValue("2s") Duration serverSelection,
        @DefaultValue("2s") Duration connect,
        @DefaultValue("2s") Duration read,
        @DefaultValue("2s") Duration heartbeat) {

    @Configuration(proxyBeanMethods = false)
    static class Customizer {

        @Bean
        MongoClientSettingsBuilderCustomizer storeTimeoutsCustomizer(StoreTimeouts timeouts) {
            long selection = timeouts.serverSelection().toMillis();
            long connect = timeouts.connect().toMillis();
            long read = timeouts.read().toMillis();
            long heartbeat = timeouts.heartbeat().toMillis();
            return settings -> settings
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(selection, TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket.connectTimeout((int) connect, TimeUnit.MILLISECONDS)
                            .readTimeout((int) read, TimeUnit.MILLISECONDS))
                    .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(selection, TimeUnit.MILLISECONDS))
                    .applyToServerSettings(server -> server.heartbeatFrequency(heartbeat, TimeUnit.MILLISECONDS));
        }
    }
}
