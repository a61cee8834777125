package dev.broadsheet.search;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import dev.broadsheet.article.Article;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The search index on MongoDB: one {@link SearchEntry} per published article in {@code search_articles},
 * with a multikey index on {@code terms.t}. A query fetches the entries holding any query term and ranks
 * them in Java ({@link Ranking}). No {@code $text}: the same path runs on the embedded server and on a
 * replica set. The collection belongs to search, so the article feature knows nothing of it.
 */
@Repository
class TermArrayIndex implements SearchIndex {

    static final String COLLECTION = "search_articles";

    private final MongoCollection<SearchEntry> entries;

    TermArrayIndex(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION, SearchEntry.class);
        entries.createIndex(new Document("terms.t", 1));
        entries.createIndex(new Document("publishedAt", -1));
    }

    @Override
    public void put(Article article, List<String> authorNames) {
        SearchEntry entry = ArticleTerms.entry(article, authorNames);
        entries.replaceOne(eq("_id", entry.id()), entry, new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean remove(String articleId) {
        return entries.deleteOne(eq("_id", articleId)).getDeletedCount() > 0;
    }

    @Override
    public boolean isCurrent(String articleId, long fingerprint) {
        return entries.find(and(eq("_id", articleId), eq("fingerprint", fingerprint), eq("format", ArticleTerms.FORMAT)))
                .projection(Projections.include("_id")).first() != null;
    }

    @Override
    public List<Hit> search(Set<String> terms, Filters filters, int limit) {
        List<Bson> query = new ArrayList<>(List.of(in("terms.t", terms)));
        if (filters.section() != null) {
            query.add(eq("section", filters.section()));
        }
        if (filters.tag() != null) {
            query.add(eq("tags", filters.tag()));
        }
        if (filters.authorId() != null) {
            query.add(eq("authorIds", filters.authorId()));
        }
        if (filters.from() != null) {
            query.add(gte("publishedAt", Date.from(filters.from())));
        }
        if (filters.to() != null) {
            query.add(lt("publishedAt", Date.from(filters.to())));
        }
        List<SearchEntry> candidates = entries.find(and(query))
                .projection(Projections.include("terms", "publishedAt")).into(new ArrayList<>());
        return Ranking.rank(candidates, terms, size(), limit);
    }

    @Override
    public long staleCount() {
        return entries.countDocuments(ne("format", ArticleTerms.FORMAT));
    }

    @Override
    public long size() {
        return entries.estimatedDocumentCount();
    }
}
