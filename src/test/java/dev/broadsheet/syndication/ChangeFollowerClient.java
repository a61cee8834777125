package dev.broadsheet.syndication;

import static dev.broadsheet.syndication.Syndication.ok;

import dev.broadsheet.GraphQlHttp;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A partner following syndicationChanges from the start, holding what it was told to hold. */
final class ChangeFollowerClient {

    private final GraphQlHttp client;
    private final int pageSize;
    final Map<String, Long> held = new HashMap<>();
    final Map<String, JsonNode> articles = new HashMap<>();
    String cursor;
    /** Withdrawals per article (the feed may also withdraw articles this partner never held: no-ops). */
    final Map<String, Integer> withdrawals = new HashMap<>();

    ChangeFollowerClient(GraphQlHttp client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /** Reads pages until the feed says there is nothing more for now; returns how many changes came. */
    int catchUp() {
        int seen = 0;
        while (true) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", cursor);
            variables.put("first", pageSize);
            JsonNode connection = ok(client.document("syndication/changes", variables)).data("syndicationChanges");
            for (JsonNode edge : connection.path("edges")) {
                JsonNode node = edge.path("node");
                String id = node.path("articleId").asString();
                if (node.path("type").asString().equals("UPSERT")) {
                    held.put(id, node.path("version").asLong());
                    articles.put(id, node.path("article"));
                } else {
                    held.remove(id);
                    articles.remove(id);
                    withdrawals.merge(id, 1, Integer::sum);
                }
                seen++;
            }
            String end = connection.path("pageInfo").path("endCursor").asString(null);
            if (end != null) {
                cursor = end;
            }
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                return seen;
            }
        }
    }
}
