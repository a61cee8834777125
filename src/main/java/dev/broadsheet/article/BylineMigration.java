package dev.broadsheet.article;

import dev.broadsheet.author.AuthorService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Articles written before authors were entities carry only embedded by-lines ({@code authors: [{name,
 * url}]}) and no {@code authorIds}. At start-up each such article gets the ids of the authors its
 * by-lines name (matched by the slug of the name; created when missing). Idempotent and safe on
 * several instances at once: an article is updated only while it still has no ids, and an author slug
 * is unique.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BylineMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BylineMigration.class);
    private static final int BATCH = 100;

    private final ArticleStore store;
    private final AuthorService authors;

    BylineMigration(ArticleStore store, AuthorService authors) {
        this.store = store;
        this.authors = authors;
    }

    @Override
    public void run(ApplicationArguments args) {
        int migrated = migrate();
        if (migrated > 0) {
            log.info("Linked {} articles to author entities", migrated);
        }
    }

    /** Links every article still without author ids; returns how many it linked. */
    int migrate() {
        int migrated = 0;
        List<Article> batch;
        while (!(batch = store.findWithoutAuthorIds(BATCH)).isEmpty()) {
            for (Article article : batch) {
                store.setAuthorIds(article.id(), authorIdsOf(article, authors));
                migrated++;
            }
        }
        return migrated;
    }

    static List<String> authorIdsOf(Article article, AuthorService authors) {
        return article.authors().stream().map(byline -> authors.idForByline(byline.name(), byline.url()))
                .distinct().toList();
    }
}
