package dev.broadsheet.comment;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.article.CommentMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The cached thread of an article takes in new replies at once; read through Spring's HttpGraphQlTester. */
@ApiTest
class ThreadCacheTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    CommentService comments;

    @Test
    void aNewReplyShowsInTheCachedThreadAtOnce() {
        Instant at = Instant.parse("2027-02-01T00:00:00Z");
        articles.save(new Article("cached-thread", "cached-thread", "Thread", null, "news", List.of(), List.of(),
                ArticleStatus.PUBLISHED, at, at, 1, null, List.of(), CommentMode.OPEN, false, 0));
        comments.create(new Comment("ct-1", "cached-thread", null, List.of(), 0, "reader", "<p>one</p>",
                CommentStatus.PUBLISHED, at, 0));
        thread().path("article.comments.edges[0].node.replies.edges").entityList(Object.class).hasSize(0);

        comments.create(new Comment("ct-1-1", "cached-thread", "ct-1", List.of("ct-1"), 1, "reader", "<p>reply</p>",
                CommentStatus.PUBLISHED, at.plusSeconds(1), 0));
        comments.create(new Comment("ct-1-1-1", "cached-thread", "ct-1-1", List.of("ct-1", "ct-1-1"), 2, "reader",
                "<p>reply to reply</p>", CommentStatus.PUBLISHED, at.plusSeconds(2), 0));

        GraphQlTester.Response after = thread();
        after.path("article.comments.edges[0].node.replyCount").entity(Integer.class).isEqualTo(1);
        after.path("article.comments.edges[0].node.replies.edges[0].node.id").entity(String.class).isEqualTo("ct-1-1");
        after.path("article.comments.edges[0].node.replies.edges[0].node.replies.edges[0].node.id").entity(String.class)
                .isEqualTo("ct-1-1-1");
    }

    private GraphQlTester.Response thread() {
        return Testers.anonymous(port).documentName("comment/thread")
                .variables(Map.of("slug", "cached-thread", "first", 50, "replies", 10)).execute();
    }
}
