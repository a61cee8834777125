package dev.broadsheet.cache;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read-path caches.
 *
 * @param enabled         false serves every read from MongoDB (the benchmark's "cold" runs)
 * @param maxSize         entries per cache unless {@code sizes} names it
 * @param sizes           entries for named caches, e.g. {@code comment.threadPages: 20000}
 * @param refreshAfter    safety net: an entry this old is reloaded in the background on its next read;
 *                        if the reload fails the old value keeps being served
 * @param followInterval  how often other instances' writes are looked for
 * @param gapGrace        how long a sequence number that was skipped is looked for again (a write
 *                        that took it may commit late)
 * @param responses       cache of whole serialized responses to anonymous GET queries
 */
@ConfigurationProperties("broadsheet.cache")
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000") long maxSize,
        Map<String, Long> sizes,
        @DefaultValue("10m") Duration refreshAfter,
        @DefaultValue("250ms") Duration followInterval,
        @DefaultValue("5s") Duration gapGrace,
        @DefaultValue Responses responses) {

    public CacheProperties {
        sizes = sizes == null ? Map.of() : Map.copyOf(sizes);
    }

    long sizeOf(String cache) {
        return sizes.getOrDefault(cache, maxSize);
    }

    /**
     * @param enabled  keep serialized anonymous GET responses (dropped on any write)
     * @param maxSize  responses kept
     */
    public record Responses(@DefaultValue("true") boolean enabled, @DefaultValue("2000") long maxSize) {
    }
}
