package dev.broadsheet.search;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.search.SearchIndex.Hit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a search page ended: the last hit's score, time and id (opaque base64url to clients). */
final class SearchCursor {

    private static final String PREFIX = "s1:";

    private SearchCursor() {
    }

    static String encode(Hit hit) {
        String raw = PREFIX + hit.score() + ":" + (hit.publishedAt() == null ? -1 : hit.publishedAt().toEpochMilli())
                + ":" + hit.articleId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Hit decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw malformed();
            }
            String[] parts = raw.substring(PREFIX.length()).split(":", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw malformed();
            }
            long millis = Long.parseLong(parts[1]);
            return new Hit(parts[2], Double.parseDouble(parts[0]), millis < 0 ? null : Instant.ofEpochMilli(millis));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static ApiException malformed() {
        return ApiException.validation("after", "after is not a cursor returned by this search");
    }
}
