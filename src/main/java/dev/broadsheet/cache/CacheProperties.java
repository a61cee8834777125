package dev.broadsheet.cache;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The read-path caches, bounded by an estimate of the bytes they hold (not by entries: a page of 200
 * comments and an asset record are not the same size).
 *
 * @param enabled         false serves every read from MongoDB (the benchmark's "cold" runs)
 * @param maxMemory       the memory budget of all caches together; the default fits a 1 GiB heap
 * @param shares          fraction of {@code maxMemory} for named caches, e.g. {@code comment.threadPages: 0.2};
 *                        a record cache not named gets {@code defaultShare}
 * @param defaultShare    fraction of {@code maxMemory} for each record cache not named in {@code shares}
 * @param refreshAfter    safety net: an entry this old is reloaded in the background on its next read;
 *                        if the reload fails the old value keeps being served
 * @param followInterval  how often other instances' writes are looked for
 * @param gapGrace        how long a sequence number that was skipped is looked for again (a write
 *                        that took it may commit late)
 * @param responses       cache of whole serialized responses to anonymous queries (GET and POST)
 */
@ConfigurationProperties("broadsheet.cache")
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("256MB") DataSize maxMemory,
        Map<String, Double> shares,
        @DefaultValue("0.08") double defaultShare,
        @DefaultValue("10m") Duration refreshAfter,
        @DefaultValue("250ms") Duration followInterval,
        @DefaultValue("5s") Duration gapGrace,
        @DefaultValue Responses responses) {

    public CacheProperties {
        shares = shares == null ? Map.of() : Map.copyOf(shares);
    }

    long bytesOf(String cache) {
        return Math.max(1, (long) (maxMemory.toBytes() * shares.getOrDefault(cache, defaultShare)));
    }

    long responsesBytes() {
        return Math.max(1, (long) (maxMemory.toBytes() * responses.share()));
    }

    /**
     * @param enabled  keep serialized anonymous responses, dropped by the surrogate keys a write reaches
     * @param share    fraction of {@code maxMemory} they may take
     */
    public record Responses(@DefaultValue("true") boolean enabled, @DefaultValue("0.4") double share) {
    }
}
