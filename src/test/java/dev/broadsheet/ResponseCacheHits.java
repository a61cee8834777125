package dev.broadsheet;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Whether a request was answered from the response cache, read from the hit counter the front filter
 * increments: a claim built on it fails with the response cache switched off.
 */
public final class ResponseCacheHits {

    private ResponseCacheHits() {
    }

    /** Responses answered from the cache so far. */
    public static double count(MeterRegistry metrics) {
        return metrics.get("broadsheet.cache.responses.served").counter().count();
    }

    /** Runs {@code request} and says whether the cache answered it. */
    public static boolean served(MeterRegistry metrics, Runnable request) {
        double before = count(metrics);
        request.run();
        return count(metrics) == before + 1;
    }
}
