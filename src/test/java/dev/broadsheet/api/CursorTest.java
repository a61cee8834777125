package dev.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesItsOpaqueEncodingIdColonsIncluded() {
        Cursor cursor = Cursor.of(Instant.parse("2024-03-01T09:30:00.123Z"), "article:with:colons");

        Cursor decoded = Cursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.time()).isEqualTo(Instant.parse("2024-03-01T09:30:00.123Z"));
        assertThat(cursor.encode()).doesNotContain("article").doesNotContain("=");
    }

    @Test
    void anythingElseIsAValidationErrorOnAfter() {
        for (String bad : new String[] {"%%%", encoded("hello"), encoded("c1:"), encoded("c1:12:"), encoded("c1::id"),
                encoded("c1:notanumber:id")}) {
            assertThatThrownBy(() -> Cursor.decode(bad)).as(bad).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                assertThat(e.details()).containsEntry("field", "after");
            });
        }
    }

    @Test
    void pageSizesAreBoundedAndFetchOneMoreToKnowIfThereIsANextPage() {
        assertThat(PageRequest.of(null, null, 20).size()).isEqualTo(20);
        assertThat(PageRequest.of(100, null, 20).fetchSize()).isEqualTo(101);
        assertThat(PageRequest.of(0, null, 20).size()).isZero();
        assertThatThrownBy(() -> PageRequest.of(101, null, 20)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of(-1, null, 20)).isInstanceOf(ApiException.class);
    }

    private static String encoded(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
