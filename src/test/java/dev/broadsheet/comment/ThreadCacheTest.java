package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
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
        assertThat(thread().data("article.comments.edges.0.node.replies.edges").size()).isZero();

        comments.create(new Comment("ct-1-1", "cached-thread", "ct-1", List.of("ct-1"), 1, "reader", "<p>reply</p>",
                CommentStatus.PUBLISHED, at.plusSeconds(1), 0));
        comments.create(new Comment("ct-1-1-1", "cached-thread", "ct-1-1", List.of("ct-1", "ct-1-1"), 2, "reader",
                "<p>reply to reply</p>", CommentStatus.PUBLISHED, at.plusSeconds(2), 0));

        Response after = thread();
        assertThat(after.data("article.comments.edges.0.node.replyCount").asInt()).isEqualTo(1);
        assertThat(after.data("article.comments.edges.0.node.replies.edges.0.node.id").asString()).isEqualTo("ct-1-1");
        assertThat(after.data("article.comments.edges.0.node.replies.edges.0.node.replies.edges.0.node.id").asString())
                .isEqualTo("ct-1-1-1");
    }

    private Response thread() {
        Response response = GraphQlHttp.at(port).document("comment/thread",
                Map.of("slug", "cached-thread", "first", 50, "replies", 10));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response;
    }
}
