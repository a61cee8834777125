package dev.broadsheet.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** One-time start-up steps (such as loading sample content), claimed atomically so each runs once per database. */
@Component
public class StartupMarkers {

    private final MongoCollection<Document> counters;

    StartupMarkers(MongoDatabase database) {
        this.counters = database.getCollection("counters");
    }

    /** True for the one caller that claims {@code step}; false if it was claimed before. */
    public boolean claim(String step) {
        try {
            counters.insertOne(new Document("_id", "once:" + step).append("at", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
