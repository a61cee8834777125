package dev.broadsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.broadsheet.ApiTest;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** API tokens and audit entries as the hand-written mapping before the record codecs stored them read back. */
@ApiTest
class SecurityStoredFormatTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T12:00:00Z");

    @Autowired
    MongoDatabase database;

    @Autowired
    ApiTokenStore tokens;

    @Test
    void aTokenWrittenByTheOldMappingIsFoundByItsHashUntilRevoked() {
        String id = "legacy-token-" + System.nanoTime();
        String hash = "hash-" + id;
        database.getCollection("api_tokens").insertOne(new Document("_id", id)
                .append("name", "Partner feed")
                .append("role", "EDITOR")
                .append("prefix", "bs_abcd")
                .append("createdAt", Date.from(CREATED))
                .append("createdBy", "admin")
                .append("revokedAt", null)
                .append("hash", hash));

        ApiToken expected = new ApiToken(id, "Partner feed", Role.EDITOR, "bs_abcd", CREATED, "admin", null, null);
        assertThat(tokens.findActiveByHash(hash)).contains(expected);
        Instant revokedAt = CREATED.plusSeconds(60);
        assertThat(tokens.revoke(id, revokedAt)).contains(new ApiToken(id, "Partner feed", Role.EDITOR, "bs_abcd",
                CREATED, "admin", revokedAt, null));
        assertThat(tokens.findActiveByHash(hash)).isEmpty();
    }

    @Test
    void anAuditEntryWrittenByTheOldMappingReadsBack() {
        String entity = "legacy-entity-" + System.nanoTime();
        database.getCollection("audit").insertOne(new Document("_id", "legacy-audit-" + entity)
                .append("at", Date.from(CREATED))
                .append("actorId", "ed-1")
                .append("actorName", "Ed Itor")
                .append("actorRole", null)
                .append("action", "updateArticle")
                .append("entityType", "article")
                .append("entityId", entity)
                .append("version", 2L));

        AuditEntry entry = database.getCollection(AuditLog.COLLECTION, AuditEntry.class)
                .find(new Document("entityId", entity)).first();

        assertThat(entry).isEqualTo(new AuditEntry("legacy-audit-" + entity, CREATED, "ed-1", "Ed Itor", null,
                "updateArticle", "article", entity, 2));
    }
}
