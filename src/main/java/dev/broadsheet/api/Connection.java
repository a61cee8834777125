package dev.broadsheet.api;

import java.util.List;
import java.util.function.Function;

/** A Relay connection: one page of nodes, each with the opaque cursor that resumes after it. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * Builds a page from up to {@code size + 1} rows fetched in order: the extra row only tells that
     * another page exists.
     */
    public static <T> Connection<T> of(List<T> rows, int size, boolean afterCursor, Function<T, String> cursorOf) {
        List<T> page = rows.size() > size ? rows.subList(0, size) : rows;
        List<Edge<T>> edges = page.stream().map(node -> new Edge<>(cursorOf.apply(node), node)).toList();
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(rows.size() > size, afterCursor, start, end));
    }

    public static <T> Connection<T> empty() {
        return new Connection<>(List.of(), new PageInfo(false, false, null, null));
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }
}
