package dev.broadsheet.api;

import java.net.URI;
import java.util.Collection;

/**
 * Checks on client input, made before anything is written. Each failure is a {@code VALIDATION}
 * error naming the field.
 */
public final class Inputs {

    private Inputs() {
    }

    /** Non-blank text of at most {@code maxCodePoints}. */
    public static String requireText(String field, String value, int maxCodePoints) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation(field, field + " is required");
        }
        return optionalText(field, value, maxCodePoints);
    }

    /** Null, or text of at most {@code maxCodePoints}. */
    public static String optionalText(String field, String value, int maxCodePoints) {
        if (value != null && value.codePointCount(0, value.length()) > maxCodePoints) {
            throw ApiException.validation(field, field + " must be at most " + maxCodePoints + " characters");
        }
        return value;
    }

    public static <T extends Collection<?>> T maxSize(String field, T values, int max) {
        if (values != null && values.size() > max) {
            throw ApiException.validation(field, field + " must have at most " + max + " items");
        }
        return values;
    }

    /** Null, or an absolute http(s) URL. */
    public static String optionalHttpUrl(String field, String value) {
        if (value == null) {
            return null;
        }
        optionalText(field, value, 2048);
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw ApiException.validation(field, field + " must be an http(s) URL");
    }

    public static String requireHttpUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation(field, field + " is required");
        }
        return optionalHttpUrl(field, value);
    }
}
