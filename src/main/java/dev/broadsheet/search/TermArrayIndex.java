package dev.broadsheet.search;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import dev.broadsheet.article.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The search index: one {@link SearchEntry} per published article in {@code search_articles} (its
 * analysed terms in an array with a multikey index on {@code terms}, and their weights), the durable record
 * every instance shares; and, loaded from it at start-up and kept in step by the same writes, the
 * postings in memory ({@link TermPostings}) that queries rank against. One path on the embedded server
 * and on a replica set: no {@code $text}, and no per-query scan of the collection. The collection
 * belongs to search, so the article feature knows nothing of it.
 */
@Repository
class TermArrayIndex implements SearchIndex {

    static final String COLLECTION = "search_articles";
    /** Format 1 kept {t, w} documents indexed on {@code terms.t}; its entries are rebuilt at start-up, its index dropped. */
    private static final String FORMAT_1_TERMS_INDEX = "terms.t_1";

    private final MongoCollection<SearchEntry> entries;
    private final TermPostings memory = new TermPostings();

    TermArrayIndex(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION, SearchEntry.class);
        if (entries.listIndexes().into(new ArrayList<>()).stream().anyMatch(i -> FORMAT_1_TERMS_INDEX.equals(i.getString("name")))) {
            entries.dropIndex(FORMAT_1_TERMS_INDEX);
        }
        entries.createIndex(new Document("terms", 1));
        entries.createIndex(new Document("publishedAt", -1));
        for (SearchEntry entry : entries.find(eq("format", ArticleTerms.FORMAT))) {
            memory.put(entry);
        }
    }

    @Override
    public void put(Article article, List<String> authorNames) {
        SearchEntry entry = ArticleTerms.entry(article, authorNames);
        entries.replaceOne(eq("_id", entry.id()), entry, new ReplaceOptions().upsert(true));
        memory.put(entry);
    }

    @Override
    public boolean remove(String articleId) {
        boolean stored = entries.deleteOne(eq("_id", articleId)).getDeletedCount() > 0;
        return memory.remove(articleId) || stored;
    }

    @Override
    public boolean isCurrent(String articleId, long fingerprint) {
        SearchEntry entry = memory.get(articleId);
        return entry != null && entry.fingerprint() != null && entry.fingerprint() == fingerprint;
    }

    @Override
    public List<Hit> search(Set<String> terms, Filters filters, int limit) {
        return memory.search(terms, filters, limit);
    }

    @Override
    public long staleCount() {
        return entries.countDocuments(ne("format", ArticleTerms.FORMAT));
    }

    @Override
    public long size() {
        return memory.size();
    }
}
