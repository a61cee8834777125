package dev.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.cache.SequenceTracker.Change;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    private final AtomicLong now = new AtomicLong();
    private final SequenceTracker tracker = new SequenceTracker(0, TimeUnit.SECONDS.toNanos(5), now::get);

    @Test
    void aWriteThatCommitsAfterALaterOneWasReadIsStillDelivered() {
        assertThat(tracker.accept(List.of(change(9), change(11)))).extracting(Change::seq).containsExactly(9L, 11L);
        assertThat(tracker.gaps()).containsOnly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 10L);

        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        // number 10 commits late: the next poll still reads from below it
        assertThat(tracker.floor()).isLessThan(10);
        assertThat(tracker.accept(List.of(change(9), change(10), change(11)))).extracting(Change::seq)
                .containsExactly(10L);
        assertThat(tracker.gaps()).doesNotContain(10L);
    }

    @Test
    void aNumberThatNeverShowsUpIsGivenUpAfterTheGracePeriod() {
        tracker.accept(List.of(change(1), change(3)));
        assertThat(tracker.floor()).isEqualTo(1);

        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        tracker.accept(List.of(change(3)));

        assertThat(tracker.floor()).isEqualTo(3);
        assertThat(tracker.gaps()).isEmpty();
    }

    @Test
    void aChangeIsDeliveredOnceAndOwnWritesNotAtAll() {
        tracker.seen(2);
        assertThat(tracker.accept(List.of(change(1), change(2)))).extracting(Change::seq).containsExactly(1L);
        assertThat(tracker.accept(List.of(change(1), change(2)))).isEmpty();
        assertThat(tracker.floor()).isEqualTo(2);
    }

    private static Change change(long seq) {
        return new Change("articles", "a" + seq, seq);
    }
}
