package dev.broadsheet.comment;

import static dev.broadsheet.comment.Readers.code;
import static dev.broadsheet.comment.Readers.string;
import static dev.broadsheet.comment.Readers.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The sample feature's comment thread as an anonymous reader pages it, through Spring's HttpGraphQlTester. */
@ApiTest
class CommentThreadTest {

    static final String FEATURE = "dock-workers-walk-out-over-pay-freeze";

    @LocalServerPort
    int port;

    HttpGraphQlTester graphql;

    @BeforeEach
    void connect() {
        graphql = Testers.anonymous(port);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theThreadNestsThreeLevelsOldestFirst() {
        GraphQlTester.Response response = thread(Map.of("slug", FEATURE, "first", 50, "replies", 10));

        List<Map<String, Object>> tops = response.path("article.comments.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> comment : tops) {
            all.add(comment);
            assertThat(comment.get("depth")).isEqualTo(0);
            assertThat(comment).containsEntry("parent", null);
            List<Map<String, Object>> replies = edges(comment);
            assertThat(replies).hasSize((Integer) comment.get("replyCount"));
            for (Map<String, Object> reply : replies) {
                all.add(reply);
                assertThat(reply.get("depth")).isEqualTo(1);
                assertThat(((Map<String, Object>) reply.get("parent")).get("id")).isEqualTo(comment.get("id"));
                for (Map<String, Object> deep : edges(reply)) {
                    all.add(deep);
                    assertThat(deep.get("depth")).isEqualTo(2);
                }
            }
        }
        assertThat(all).hasSize(34);
        response.path("article.commentCount").entity(Integer.class).isEqualTo(34);
        assertThat(strings(response, "article.comments.edges[*].node.createdAt")).isSorted();
    }

    @Test
    void pendingAndRejectedCommentsAreInvisible() {
        GraphQlTester.Response response = thread(Map.of("slug", FEATURE, "first", 50, "replies", 10));

        assertThat(response.returnResponse().toMap().toString()).doesNotContain("must not see this");
        replies(Map.of("id", "sample-comment-pending-1")).path("comment").valueIsNull();
    }

    @Test
    void topLevelCommentsPageWithCursorsWithoutGapsOrRepeats() {
        List<String> paged = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>(Map.of("slug", FEATURE, "first", 5, "replies", 0));
        List<Boolean> hadPrevious = new ArrayList<>();
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = thread(variables);
            paged.addAll(strings(page, "article.comments.edges[*].node.id"));
            hadPrevious.add(page.path("article.comments.pageInfo.hasPreviousPage").entity(Boolean.class).get());
            more = page.path("article.comments.pageInfo.hasNextPage").entity(Boolean.class).get();
            variables.put("after", string(page, "article.comments.pageInfo.endCursor"));
        }
        assertThat(paged).hasSize(12).doesNotHaveDuplicates();
        assertThat(paged.get(0)).isEqualTo("sample-comment-c0");
        assertThat(hadPrevious).containsExactly(false, true, true);
    }

    @Test
    void repliesPageWithCursorsToo() {
        GraphQlTester.Response first = replies(Map.of("id", "sample-comment-c0", "first", 1));
        String after = string(first, "comment.replies.pageInfo.endCursor");
        GraphQlTester.Response second = replies(Map.of("id", "sample-comment-c0", "first", 1, "after", after));

        first.path("comment.article.slug").entity(String.class).isEqualTo(FEATURE);
        first.path("comment.replies.edges[0].node.id").entity(String.class).isEqualTo("sample-comment-c0-0");
        first.path("comment.replies.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        second.path("comment.replies.edges[0].node.id").entity(String.class).isEqualTo("sample-comment-c0-1");
        second.path("comment.replies.edges[0].node.parent.id").entity(String.class).isEqualTo("sample-comment-c0");
        second.path("comment.replies.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void oversizedOrMalformedCommentPagesAreValidationErrors() {
        GraphQlTester.Response tooMany = thread(Map.of("slug", FEATURE, "first", 1000));
        GraphQlTester.Response badCursor = replies(Map.of("id", "sample-comment-c0", "after", "xyz"));
        GraphQlTester.Response tooManyReplies = thread(Map.of("slug", FEATURE, "first", 1, "replies", 101));

        assertThat(code(tooMany)).isEqualTo("VALIDATION");
        assertThat(code(badCursor)).isEqualTo("VALIDATION");
        assertThat(code(tooManyReplies)).isEqualTo("VALIDATION");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> edges(Map<String, Object> comment) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) comment.get("replies")).get("edges");
        return edges.stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    private GraphQlTester.Response thread(Map<String, Object> variables) {
        return graphql.documentName("comment/thread").variables(variables).execute();
    }

    private GraphQlTester.Response replies(Map<String, Object> variables) {
        return graphql.documentName("comment/replies").variables(variables).execute();
    }
}
