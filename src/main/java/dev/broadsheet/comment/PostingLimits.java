package dev.broadsheet.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Per-client posting buckets (Bucket4j), one per client address and one per author name. They live in
 * this instance's memory: behind a load balancer each instance limits on its own.
 */
@Component
class PostingLimits {

    private final CommentProperties.RateLimit limit;
    private final Cache<String, Bucket> buckets;

    PostingLimits(CommentProperties properties) {
        this.limit = properties.rateLimit();
        Duration idle = limit.period().compareTo(Duration.ofMinutes(1)) > 0 ? limit.period() : Duration.ofMinutes(1);
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle).build();
    }

    /** Takes one post from both buckets, or neither; RATE_LIMITED with {@code retryAfterSeconds} otherwise. */
    void take(String clientKey, String authorKey) {
        Bucket byClient = clientKey == null ? null : bucket("client:" + clientKey);
        if (byClient != null) {
            refuseUnless(byClient.tryConsumeAndReturnRemaining(1));
        }
        ConsumptionProbe byName = bucket("name:" + authorKey).tryConsumeAndReturnRemaining(1);
        if (!byName.isConsumed() && byClient != null) {
            byClient.addTokens(1);
        }
        refuseUnless(byName);
    }

    static ApiException rateLimited(String message, long retryAfterSeconds) {
        return new ApiException(ErrorCode.RATE_LIMITED, message, Map.of("retryAfterSeconds", Math.max(1, retryAfterSeconds)));
    }

    private void refuseUnless(ConsumptionProbe probe) {
        if (!probe.isConsumed()) {
            long seconds = (long) Math.ceil(probe.getNanosToWaitForRefill() / (double) TimeUnit.SECONDS.toNanos(1));
            throw rateLimited("Too many comments; wait " + Math.max(1, seconds) + " s before posting again", seconds);
        }
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.posts()).refillGreedy(limit.posts(), limit.period()).build())
                .build());
    }
}
