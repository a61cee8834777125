package dev.broadsheet.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A keyset position: the sort value (a time or a count) and the id that breaks ties. Clients see it as
 * an opaque base64url string.
 */
public record Cursor(long sortKey, String id) {

    private static final String PREFIX = "c1:";

    public static Cursor of(Instant time, String id) {
        return new Cursor(time.toEpochMilli(), id);
    }

    public Instant time() {
        return Instant.ofEpochMilli(sortKey);
    }

    public String encode() {
        String raw = PREFIX + sortKey + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw malformed();
            }
            String rest = raw.substring(PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon <= 0 || colon == rest.length() - 1) {
                throw malformed();
            }
            return new Cursor(Long.parseLong(rest.substring(0, colon)), rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static ApiException malformed() {
        return ApiException.validation("after", "after is not a cursor returned by this API");
    }
}
