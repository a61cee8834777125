package dev.broadsheet.api;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of an error answered before GraphQL runs (a bad token, a body too large, the database
 * down), in the same shape as GraphQL errors: {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}.
 */
public record ErrorBody(List<Error> errors) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Error(String message, Extensions extensions) {
    }

    public record Extensions(String code) {
    }

    public static String json(ErrorCode code, String message) {
        return JSON.writeValueAsString(new ErrorBody(List.of(new Error(message, new Extensions(code.name())))));
    }
}
