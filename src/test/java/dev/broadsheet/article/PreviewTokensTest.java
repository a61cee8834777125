package dev.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreviewTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");
    private final PreviewTokens tokens = new PreviewTokens(key("first secret, at least thirty-two chars"));

    @Test
    void aTokenGrantsItsArticleAndRevisionUntilItExpires() {
        String token = tokens.sign(new PreviewTokens.Grant("a1", 3, NOW.plusSeconds(3600)));

        assertThat(tokens.verify(token, NOW.plusSeconds(3599)))
                .isEqualTo(new PreviewTokens.Grant("a1", 3, NOW.plusSeconds(3600)));
        assertForbidden(() -> tokens.verify(token, NOW.plusSeconds(3600)));
    }

    @Test
    void rotatingTheSecretRevokesEveryToken() {
        String token = tokens.sign(new PreviewTokens.Grant("a1", 0, NOW.plusSeconds(3600)));
        PreviewTokens rotated = new PreviewTokens(key("second secret, at least thirty-two chars"));

        assertForbidden(() -> rotated.verify(token, NOW));
    }

    @Test
    void malformedTokensAreForbiddenNotErrors() {
        for (String token : new String[] {"", ".", "abc", "abc.def", "a.b.c", "%%%.%%%", null}) {
            assertForbidden(() -> tokens.verify(token, NOW));
        }
    }

    private static void assertForbidden(Runnable check) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
