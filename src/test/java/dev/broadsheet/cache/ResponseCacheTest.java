package dev.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.api.CachedResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The response cache's rules without Spring: purge by key, and the guard against the write/load race. */
class ResponseCacheTest {

    private final ResponseCache cache = new ResponseCache(new CacheProperties(true, DataSize.ofMegabytes(16), Map.of(),
            0.08, Duration.ofMinutes(10), Duration.ofMillis(250), Duration.ofSeconds(5),
            new CacheProperties.Responses(true, 0.4)), new SimpleMeterRegistry());

    @Test
    void aPurgeDropsOnlyTheResponsesHoldingOneOfItsKeys() {
        cache.put("x", entry("article:x", "comment-thread:x"), cache.begin());
        cache.put("y", entry("article:y", "comment-thread:y"), cache.begin());

        cache.purge(Set.of("comment-thread:x"));

        assertThat(cache.get("x")).isNull();
        assertThat(cache.get("y")).isNotNull();
    }

    @Test
    void aResponseBuiltBeforeAPurgeOfItsKeysIsNotStored() {
        long begun = cache.begin();
        cache.purge(Set.of("slug:late"));

        cache.put("late", entry("slug:late"), begun);

        assertThat(cache.get("late")).isNull();
    }

    @Test
    void aPurgeOfOtherKeysDuringTheBuildDoesNotStopTheStore() {
        long begun = cache.begin();
        cache.purge(Set.of("article:other"));

        cache.put("mine", entry("article:mine"), begun);

        assertThat(cache.get("mine")).isNotNull();
    }

    @Test
    void aPurgeOfEverythingDuringTheBuildStopsTheStore() {
        long begun = cache.begin();
        cache.purgeAll();

        cache.put("mine", entry("article:mine"), begun);

        assertThat(cache.get("mine")).isNull();
    }

    private static CachedResponses.Entry entry(String... tags) {
        return new CachedResponses.Entry("{}".getBytes(), "\"e\"", "application/json", String.join(" ", tags), Set.of(tags));
    }
}
