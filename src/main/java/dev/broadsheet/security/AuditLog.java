package dev.broadsheet.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.store.Codecs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/** The audit trail: every mutation records an entry; admins read it newest first. */
@Service
public class AuditLog {

    private static final Document NEWEST_FIRST = new Document("at", -1).append("_id", -1);

    static final String COLLECTION = "audit";

    private final MongoCollection<AuditEntry> entries;
    private final Callers callers;
    private final Clock clock;

    AuditLog(MongoDatabase database, Callers callers, Clock clock) {
        this.entries = Codecs.collection(database, COLLECTION, AuditEntry.class);
        this.callers = callers;
        this.clock = clock;
        entries.createIndex(new Document("at", -1).append("_id", -1));
        entries.createIndex(new Document("entityId", 1).append("at", -1).append("_id", -1));
    }

    public void record(Caller actor, String action, String entityType, String entityId, long version) {
        entries.insertOne(new AuditEntry(new ObjectId().toHexString(), clock.instant(), actor.id(), actor.name(),
                actor.role(), action, entityType, entityId, version));
    }

    public Connection<AuditEntry> page(Integer first, String after, String entityId) {
        callers.require(Role.ADMIN);
        PageRequest page = PageRequest.of(first, after, 50);
        List<Bson> filters = new ArrayList<>();
        if (entityId != null) {
            filters.add(eq("entityId", entityId));
        }
        if (page.after() != null) {
            Instant at = page.after().time();
            filters.add(or(lt("at", at), and(eq("at", at), lt("_id", page.after().id()))));
        }
        List<AuditEntry> rows = entries.find(filters.isEmpty() ? new Document() : and(filters)).sort(NEWEST_FIRST)
                .limit(page.fetchSize()).into(new ArrayList<>());
        return Connection.of(rows, page.size(), page.after() != null, e -> Cursor.of(e.at(), e.id()).encode());
    }
}
