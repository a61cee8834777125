package dev.broadsheet.syndication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A partner following syndicationChanges ({@code syndication/changes}) from the start, holding what it was told
 * to hold.
 */
final class ChangeFollowerClient {

    /** One change as the feed sends it; {@code article} is the syndicated article as received (UPSERT only). */
    record Change(String type, String articleId, long version, Map<String, Object> article) {
    }

    record Edge(String cursor, Change node) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    private final HttpGraphQlTester client;
    private final int pageSize;
    final Map<String, Long> held = new HashMap<>();
    final Map<String, Map<String, Object>> articles = new HashMap<>();
    String cursor;
    /** Withdrawals per article (the feed may also withdraw articles this partner never held: no-ops). */
    final Map<String, Integer> withdrawals = new HashMap<>();

    ChangeFollowerClient(HttpGraphQlTester client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /** Reads pages until the feed says there is nothing more for now; returns how many changes came. */
    int catchUp() {
        int seen = 0;
        while (true) {
            GraphQlTester.Response page = client.documentName("syndication/changes").variable("after", cursor)
                    .variable("first", pageSize).execute();
            List<Edge> edges = page.errors().verify().path("syndicationChanges.edges").entityList(Edge.class).get();
            for (Edge edge : edges) {
                Change change = edge.node();
                if (change.type().equals("UPSERT")) {
                    held.put(change.articleId(), change.version());
                    articles.put(change.articleId(), change.article());
                } else {
                    held.remove(change.articleId());
                    articles.remove(change.articleId());
                    withdrawals.merge(change.articleId(), 1, Integer::sum);
                }
                seen++;
            }
            PageInfo pageInfo = page.path("syndicationChanges.pageInfo").entity(PageInfo.class).get();
            if (pageInfo.endCursor() != null) {
                cursor = pageInfo.endCursor();
            }
            if (!pageInfo.hasNextPage()) {
                return seen;
            }
        }
    }
}
