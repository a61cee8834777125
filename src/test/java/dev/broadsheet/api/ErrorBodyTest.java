package dev.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ErrorBodyTest {

    @Test
    void anErrorBodyHasTheGraphQlErrorShapeAndEscapesItsMessage() {
        JsonNode body = JsonMapper.builder().build().readTree(ErrorBody.json(ErrorCode.VALIDATION, "a \"quoted\"\nline"));

        assertThat(body.path("errors").path(0).path("message").asString()).isEqualTo("a \"quoted\"\nline");
        assertThat(body.path("errors").path(0).path("extensions").path("code").asString()).isEqualTo("VALIDATION");
    }

    @Test
    void hashesAreLowerCaseHexSha256() {
        assertThat(Hashes.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
