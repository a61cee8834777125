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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/** The audit trail: every mutation records an entry; admins read it newest first. */
@Service
public class AuditLog {

    private static final Document NEWEST_FIRST = new Document("at", -1).append("_id", -1);

    private final MongoCollection<Document> entries;
    private final Callers callers;
    private final Clock clock;

    AuditLog(MongoDatabase database, Callers callers, Clock clock) {
        this.entries = database.getCollection("audit");
        this.callers = callers;
        this.clock = clock;
        entries.createIndex(new Document("at", -1).append("_id", -1));
        entries.createIndex(new Document("entityId", 1).append("at", -1).append("_id", -1));
    }

    public void record(Caller actor, String action, String entityType, String entityId, long version) {
        entries.insertOne(new Document("_id", new ObjectId().toHexString())
                .append("at", Date.from(clock.instant()))
                .append("actorId", actor.id())
                .append("actorName", actor.name())
                .append("actorRole", actor.role() == null ? null : actor.role().name())
                .append("action", action)
                .append("entityType", entityType)
                .append("entityId", entityId)
                .append("version", version));
    }

    public Connection<AuditEntry> page(Integer first, String after, String entityId) {
        callers.require(Role.ADMIN);
        PageRequest page = PageRequest.of(first, after, 50);
        List<Bson> filters = new ArrayList<>();
        if (entityId != null) {
            filters.add(eq("entityId", entityId));
        }
        if (page.after() != null) {
            Date at = Date.from(page.after().time());
            filters.add(or(lt("at", at), and(eq("at", at), lt("_id", page.after().id()))));
        }
        List<AuditEntry> rows = new ArrayList<>();
        entries.find(filters.isEmpty() ? new Document() : and(filters)).sort(NEWEST_FIRST).limit(page.fetchSize())
                .forEach(doc -> rows.add(fromDocument(doc)));
        return Connection.of(rows, page.size(), page.after() != null, e -> Cursor.of(e.at(), e.id()).encode());
    }

    private static AuditEntry fromDocument(Document doc) {
        String role = doc.getString("actorRole");
        return new AuditEntry(doc.getString("_id"), doc.getDate("at").toInstant(), doc.getString("actorId"),
                doc.getString("actorName"), role == null ? null : Role.valueOf(role), doc.getString("action"),
                doc.getString("entityType"), doc.getString("entityId"), ((Number) doc.get("version", 0L)).longValue());
    }
}
