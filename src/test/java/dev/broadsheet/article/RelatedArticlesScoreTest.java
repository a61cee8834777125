package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring and the bounded candidate lists behind Article.related (authors have no HTTP test input). */
class RelatedArticlesScoreTest {

    @Test
    void aSharedAuthorOutweighsTheSectionAndAsksOneListPerTagAuthorAndSection() {
        Article article = article("a", "news", List.of("ferries"), List.of("au1"), 10);
        Article sameSection = article("s", "news", List.of(), List.of(), 30);
        Article sameAuthor = article("w", "sport", List.of(), List.of("au1"), 20);
        Article sharedTag = article("t", "sport", List.of("ferries"), List.of(), 5);
        List<String> asked = new ArrayList<>();

        List<Article> related = RelatedArticles.of(article, 5, (section, tag, authorId) -> {
            asked.add(section + "/" + tag + "/" + authorId);
            return List.of(article, sameSection, sameAuthor, sharedTag);
        });

        assertThat(related).extracting(Article::id).containsExactly("t", "w", "s");
        assertThat(asked).containsExactly("news/null/null", "null/ferries/null", "null/null/au1");
    }

    private static Article article(String id, String section, List<String> tags, List<String> authorIds, long at) {
        return new Article(id, id, id, null, section, tags, List.of(), ArticleStatus.PUBLISHED, Instant.ofEpochSecond(at),
                null, 1, null, List.of(), CommentMode.OPEN, false, 0).withAuthorIds(authorIds);
    }
}
