package dev.broadsheet.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Broadsheet keeps its data.
 *
 * @param dataDir  folder of the embedded server's H2 file (used only when no {@code spring.mongodb.uri} is set)
 * @param inMemory run the embedded server without files (tests and throwaway demos)
 * @param database database name when the connection string names none
 * @param embeddedPort loopback port of the embedded server; 0 picks a free one. Fix it to back up the
 *                 running embedded store with {@code export --uri mongodb://127.0.0.1:PORT/broadsheet}
 */
@ConfigurationProperties("broadsheet.store")
public record StoreProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("false") boolean inMemory,
        @DefaultValue("broadsheet") String database,
        @DefaultValue("0") int embeddedPort) {
}
