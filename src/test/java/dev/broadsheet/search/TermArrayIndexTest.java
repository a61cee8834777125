package dev.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.article.Block;
import dev.broadsheet.article.CommentMode;
import dev.broadsheet.article.TextSpan;
import dev.broadsheet.search.SearchIndex.Filters;
import dev.broadsheet.search.SearchIndex.Hit;
import dev.broadsheet.store.EmbeddedMongoServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The stored index: format 2 keeps terms and weights as parallel arrays; a format 1 store is taken over. */
class TermArrayIndexTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aFormatOneStoreIsMarkedStaleItsIndexDroppedAndReIndexingStoresFlatArrays() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("broadsheet");
            MongoCollection<Document> stored = database.getCollection(TermArrayIndex.COLLECTION);
            stored.createIndex(new Document("terms.t", 1));
            stored.insertOne(new Document("_id", "harbour-strike").append("format", 1)
                    .append("terms", List.of(new Document("t", "strike").append("w", 10))));

            TermArrayIndex index = new TermArrayIndex(database);

            assertThat(index.size()).isZero();
            assertThat(index.staleCount()).isEqualTo(1);
            assertThat(indexNames(stored)).contains("terms_1").doesNotContain("terms.t_1");

            index.put(article("harbour-strike", "Dock workers strike", "The harbour is quiet."), List.of("Ana Reyes"));

            assertThat(index.staleCount()).isZero();
            Document entry = stored.find(new Document("_id", "harbour-strike")).first();
            List<String> terms = entry.getList("terms", String.class);
            List<Integer> weights = entry.getList("weights", Integer.class);
            assertThat(terms).hasSameSizeAs(weights).startsWith("dock", "strike", "worker").contains("harbour", "rey");
            assertThat(weights.get(terms.indexOf("strike"))).isEqualTo(ArticleTerms.TITLE);
            assertThat(weights.get(terms.indexOf("harbour"))).isEqualTo(ArticleTerms.BODY);
            List<Hit> hits = new TermArrayIndex(database).search(Set.of("harbour"), new Filters(null, null, null, null, null), 10);
            assertThat(hits).extracting(Hit::articleId).containsExactly("harbour-strike");
        }
    }

    private static List<String> indexNames(MongoCollection<Document> collection) {
        return collection.listIndexes().into(new ArrayList<>()).stream().map(i -> i.getString("name")).toList();
    }

    private static Article article(String slug, String title, String body) {
        List<Block> blocks = List.of(new Block.ParagraphBlock(List.of(TextSpan.plain(body))));
        return new Article(slug, slug, title, null, "news", List.of(), List.of(new Article.Author("Ana Reyes", null)),
                ArticleStatus.PUBLISHED, AT, AT, 1, null, blocks, CommentMode.OPEN, false, 0);
    }
}
