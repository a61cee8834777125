package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import dev.broadsheet.article.Article;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.article.ArticleStatus;
import dev.broadsheet.article.CommentMode;
import dev.broadsheet.cache.ChangeFollower;
import dev.broadsheet.store.MongoCommandCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Reading a three-level thread costs the same number of MongoDB commands for 20 comments as for 200.
 * The count is exact: it is taken while no background work can send a command ({@link QuietBackground}).
 */
@ApiTest
class ThreadCommandCountTest {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    CommentService comments;

    @Autowired
    MongoCommandCounter commands;

    @Autowired
    ThreadPoolTaskScheduler scheduler;

    @Autowired
    ChangeFollower follower;

    @Test
    void theCommandCountDoesNotGrowWithTheNumberOfComments() {
        createThread("count-small", 4);
        createThread("count-large", 40);

        long small = commandsToRead("count-small", 20);
        long large = commandsToRead("count-large", 200);

        assertThat(large).isEqualTo(small);
        assertThat(large).as("the article, and its thread read whole").isLessThanOrEqualTo(2);
    }

    private long commandsToRead(String slug, int expectedComments) {
        record Measured(GraphQlTester.Response response, long commands) {
        }
        Measured measured = QuietBackground.during(scheduler, follower, () -> {
            long before = commands.total();
            GraphQlTester.Response response = Testers.anonymous(port).documentName("comment/thread")
                    .variables(Map.of("slug", slug, "first", 50, "replies", 10)).execute();
            return new Measured(response, commands.total() - before);
        });

        GraphQlTester.Response response = measured.response();
        int seen = response.path("article.comments.edges[*].node.id").entityList(String.class).get().size();
        seen += response.path("article.comments.edges[*].node.replies.edges[*].node.id").entityList(String.class).get().size();
        seen += response.path("article.comments.edges[*].node.replies.edges[*].node.replies.edges[*].node.id")
                .entityList(String.class).get().size();
        assertThat(seen).isEqualTo(expectedComments);
        return measured.commands();
    }

    /** {@code top} comments, two replies each, and one reply to each reply: 5 × top comments in all. */
    private void createThread(String slug, int top) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        articles.save(new Article(slug, slug, "Thread " + slug, null, "news", List.of(), List.of(),
                ArticleStatus.PUBLISHED, start, start, 1, null, List.of(), CommentMode.OPEN, false, 0));
        int minute = 0;
        for (int t = 0; t < top; t++) {
            Comment root = comments.create(comment(slug, slug + "-" + t, null, start.plusSeconds(60L * minute++)));
            for (int r = 0; r < 2; r++) {
                Comment reply = comments.create(comment(slug, root.id() + "-" + r, root, start.plusSeconds(60L * minute++)));
                comments.create(comment(slug, reply.id() + "-0", reply, start.plusSeconds(60L * minute++)));
            }
        }
    }

    private static Comment comment(String articleId, String id, Comment parent, Instant at) {
        List<String> ancestors = new ArrayList<>();
        if (parent != null) {
            ancestors.addAll(parent.ancestorIds());
            ancestors.add(parent.id());
        }
        return new Comment(id, articleId, parent == null ? null : parent.id(), ancestors, ancestors.size(),
                "reader", "<p>text</p>", CommentStatus.PUBLISHED, at, 0);
    }
}
