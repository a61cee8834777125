package dev.broadsheet.syndication;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.api.Cursor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/** The syndication audit: which partner received which article version with which image decisions. */
@Repository
class SyndicationLog {

    private static final Document NEWEST_FIRST = new Document("at", -1).append("_id", -1);

    private final MongoCollection<SyndicationLogEntry> entries;
    private final Clock clock;

    SyndicationLog(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection("syndication_log", SyndicationLogEntry.class);
        this.clock = clock;
        entries.createIndex(new Document("partnerId", 1).append("at", -1).append("_id", -1));
        entries.createIndex(new Document("articleId", 1).append("at", -1).append("_id", -1));
    }

    /** Records that {@code partner} received {@code articles} over {@code channel}, in one write. */
    void received(Partner partner, String channel, List<SyndicatedArticle> articles) {
        if (articles.isEmpty()) {
            return;
        }
        List<SyndicationLogEntry> batch = new ArrayList<>();
        for (SyndicatedArticle article : articles) {
            List<SyndicationLogEntry.ImageDecision> images = article.images().stream()
                    .map(image -> new SyndicationLogEntry.ImageDecision(image.assetId(), image.decision(), image.reason()))
                    .toList();
            batch.add(new SyndicationLogEntry(new ObjectId().toHexString(), partner.id(), article.id(),
                    article.version(), channel, clock.instant(), images));
        }
        entries.insertMany(batch);
    }

    List<SyndicationLogEntry> page(String partnerId, String articleId, Cursor after, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (partnerId != null) {
            filters.add(eq("partnerId", partnerId));
        }
        if (articleId != null) {
            filters.add(eq("articleId", articleId));
        }
        if (after != null) {
            filters.add(or(lt("at", after.time()), and(eq("at", after.time()), lt("_id", after.id()))));
        }
        return entries.find(filters.isEmpty() ? new Document() : and(filters)).sort(NEWEST_FIRST).limit(limit)
                .into(new ArrayList<>());
    }
}
