package dev.broadsheet.api;

/**
 * A validated {@code first/after} pair.
 *
 * @param size  rows wanted on the page (0 to {@link #MAX_SIZE})
 * @param after the decoded position to resume after, or null for the first page
 */
public record PageRequest(int size, Cursor after) {

    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer first, String after, int defaultSize) {
        int size = first == null ? defaultSize : first;
        if (size < 0) {
            throw ApiException.validation("first", "first must not be negative");
        }
        if (size > MAX_SIZE) {
            throw ApiException.validation("first", "first must be at most " + MAX_SIZE);
        }
        return new PageRequest(size, after == null ? null : Cursor.decode(after));
    }

    /** Rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return size + 1;
    }
}
