package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import dev.broadsheet.GraphQlHttp.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class CommentThreadTest {

    static final String FEATURE = "dock-workers-walk-out-over-pay-freeze";

    @LocalServerPort
    int port;

    GraphQlHttp graphql;

    @BeforeEach
    void connect() {
        graphql = GraphQlHttp.at(port);
    }

    @Test
    void theThreadNestsThreeLevelsOldestFirst() {
        Response response = graphql.document("comment/thread", Map.of("slug", FEATURE, "first", 50, "replies", 10));

        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode top : response.data("article.comments.edges")) {
            JsonNode comment = top.path("node");
            all.add(comment);
            assertThat(comment.path("depth").asInt()).isZero();
            assertThat(comment.path("parent").isNull()).isTrue();
            JsonNode replies = comment.path("replies").path("edges");
            assertThat(replies.size()).isEqualTo(comment.path("replyCount").asInt());
            for (JsonNode reply : replies) {
                all.add(reply.path("node"));
                assertThat(reply.path("node").path("depth").asInt()).isEqualTo(1);
                assertThat(reply.path("node").path("parent").path("id").asString()).isEqualTo(comment.path("id").asString());
                for (JsonNode deep : reply.path("node").path("replies").path("edges")) {
                    all.add(deep.path("node"));
                    assertThat(deep.path("node").path("depth").asInt()).isEqualTo(2);
                }
            }
        }
        assertThat(all).hasSize(34);
        assertThat(response.data("article.commentCount").asInt()).isEqualTo(34);
        List<String> createdAt = new ArrayList<>();
        response.data("article.comments.edges").forEach(e -> createdAt.add(e.path("node").path("createdAt").asString()));
        assertThat(createdAt).isSorted();
    }

    @Test
    void pendingAndRejectedCommentsAreInvisible() {
        Response response = graphql.document("comment/thread", Map.of("slug", FEATURE, "first", 50, "replies", 10));

        assertThat(response.body().toString()).doesNotContain("must not see this");
        Response direct = graphql.document("comment/replies", Map.of("id", "sample-comment-pending-1"));
        assertThat(direct.data("comment").isNull()).isTrue();
    }

    @Test
    void topLevelCommentsPageWithCursorsWithoutGapsOrRepeats() {
        List<String> paged = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>(Map.of("slug", FEATURE, "first", 5, "replies", 0));
        List<Boolean> hadPrevious = new ArrayList<>();
        boolean more = true;
        while (more) {
            Response page = graphql.document("comment/thread", variables);
            page.data("article.comments.edges").forEach(e -> paged.add(e.path("node").path("id").asString()));
            hadPrevious.add(page.data("article.comments.pageInfo.hasPreviousPage").asBoolean());
            more = page.data("article.comments.pageInfo.hasNextPage").asBoolean();
            variables.put("after", page.data("article.comments.pageInfo.endCursor").asString());
        }
        assertThat(paged).hasSize(12).doesNotHaveDuplicates();
        assertThat(paged.get(0)).isEqualTo("sample-comment-c0");
        assertThat(hadPrevious).containsExactly(false, true, true);
    }

    @Test
    void repliesPageWithCursorsToo() {
        Response first = graphql.document("comment/replies", Map.of("id", "sample-comment-c0", "first", 1));
        String after = first.data("comment.replies.pageInfo.endCursor").asString();
        Response second = graphql.document("comment/replies", Map.of("id", "sample-comment-c0", "first", 1, "after", after));

        assertThat(first.data("comment.article.slug").asString()).isEqualTo(FEATURE);
        assertThat(first.data("comment.replies.edges.0.node.id").asString()).isEqualTo("sample-comment-c0-0");
        assertThat(first.data("comment.replies.pageInfo.hasNextPage").asBoolean()).isTrue();
        assertThat(second.data("comment.replies.edges.0.node.id").asString()).isEqualTo("sample-comment-c0-1");
        assertThat(second.data("comment.replies.edges.0.node.parent.id").asString()).isEqualTo("sample-comment-c0");
        assertThat(second.data("comment.replies.pageInfo.hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void oversizedOrMalformedCommentPagesAreValidationErrors() {
        Response tooMany = graphql.document("comment/thread", Map.of("slug", FEATURE, "first", 1000));
        Response badCursor = graphql.document("comment/replies", Map.of("id", "sample-comment-c0", "after", "xyz"));
        Response tooManyReplies = graphql.document("comment/thread", Map.of("slug", FEATURE, "first", 1, "replies", 101));

        assertThat(tooMany.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(badCursor.firstErrorCode()).isEqualTo("VALIDATION");
        assertThat(tooManyReplies.firstErrorCode()).isEqualTo("VALIDATION");
    }
}
