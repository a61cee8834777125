package dev.broadsheet.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long anything may wait for MongoDB before it fails (and the API answers {@code UNAVAILABLE}),
 * instead of the driver's 30 s defaults: finding a server, connecting, a reply, a pooled connection.
 * On the embedded store every wait is at least 10 s: it runs in this process, so it is never "down", but a
 * write there returns only once its group commit is fsynced (slow on a busy disk), and on a starved CPU its
 * first connection can take seconds.
 */
@ConfigurationProperties("broadsheet.store.timeouts")
public record StoreTimeouts(
        @DefaultValue("2s") Duration serverSelection,
        @DefaultValue("2s") Duration connect,
        @DefaultValue("2s") Duration read,
        @DefaultValue("2s") Duration heartbeat) {

    @Configuration(proxyBeanMethods = false)
    static class Customizer {

        /** A durable write on the embedded store waits for a group commit and its fsync, slow on a busy disk. */
        private static final long EMBEDDED_MIN_MILLIS = 10_000;

        @Bean
        MongoClientSettingsBuilderCustomizer storeTimeoutsCustomizer(StoreTimeouts timeouts,
                ObjectProvider<EmbeddedMongoServer> embedded) {
            long floor = embedded.getIfAvailable() == null ? 0 : EMBEDDED_MIN_MILLIS;
            long selection = Math.max(floor, timeouts.serverSelection().toMillis());
            long connect = Math.max(floor, timeouts.connect().toMillis());
            long read = Math.max(floor, timeouts.read().toMillis());
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
