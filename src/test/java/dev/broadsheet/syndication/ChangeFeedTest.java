package dev.broadsheet.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.broadsheet.ApiTest;
import dev.broadsheet.store.Sequence;
import dev.broadsheet.syndication.Syndication.Draft;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Partners following syndicationChanges ({@link ChangeFollowerClient}, Spring's HttpGraphQlTester) while editors
 * write. The feed shows a write once it has settled (0.5 s under {@code @ApiTest}, on the application's real clock),
 * so the follower polls until it holds what it should, with a generous ceiling.
 */
@ApiTest
class ChangeFeedTest {

    /** How long the test waits at most for the feed to settle; under @ApiTest it trusts numbers 0.5 s old. */
    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    Sequence sequence;

    @Autowired
    MongoDatabase database;

    @Autowired
    Clock clock;

    Syndication syndication;

    @BeforeEach
    void setUp() {
        syndication = new Syndication(port);
    }

    /** The article state a writer left, as the partner should end up seeing it. */
    record Final(String section, boolean published, long version) {
    }

    @Test
    void aFollowerReadingWhileWritersRaceEndsWithExactlyThePublishedSet() throws Exception {
        String section = Syndication.unique("feed").replace("-", "x");
        String partner = syndication.partner(true, List.of(section), 0);
        ChangeFollowerClient follower = new ChangeFollowerClient(syndication.client(partner), 7);
        Map<String, Final> finals = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Future<?> reader = pool.submit(() -> {
            while (writing.get()) {
                follower.catchUp();
            }
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            long seed = w;
            writers.add(pool.submit(() -> write(new Random(seed), section, finals)));
        }
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        reader.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        Map<String, Long> expected = new HashMap<>();
        finals.forEach((id, state) -> {
            if (state.published() && state.section().equals(section)) {
                expected.put(id, state.version());
            }
        });
        assertThat(expected).isNotEmpty();
        assertThat(finals.size()).isGreaterThan(expected.size());
        awaitHeld(follower, expected);
        assertThat(follower.held).isEqualTo(expected);
        assertThat(follower.withdrawals).isNotEmpty();
    }

    @Test
    void aWriteThatCommitsAfterALaterOneIsNotSkipped() {
        String section = Syndication.unique("race").replace("-", "x");
        String partner = syndication.partner(true, List.of(section), 0);
        ChangeFollowerClient follower = new ChangeFollowerClient(syndication.client(partner), 10);
        Draft slow = syndication.draft(section, null, List.of());
        long slowVersion = slow.version();
        Draft fast = syndication.draft(section, null, List.of());
        follower.catchUp();
        // The slow write takes its number now and commits only after the fast one was read.
        long taken = sequence.next();
        long fastVersion = syndication.transition("publish", fast.id(), fast.version());
        follower.catchUp();
        database.getCollection("articles").updateOne(Filters.eq("_id", slow.id()), Updates.combine(
                Updates.set("status", "PUBLISHED"), Updates.set("publishedAt", Date.from(clock.instant())),
                Updates.set("version", slowVersion + 1), Updates.set("seq", taken)));

        awaitHeld(follower, Map.of(fast.id(), fastVersion, slow.id(), slowVersion + 1));
    }

    @Test
    void anArticleMovedOutOfThePartnersSectionsIsWithdrawn() {
        String section = Syndication.unique("move").replace("-", "x");
        String partner = syndication.partner(true, List.of(section), 0);
        ChangeFollowerClient follower = new ChangeFollowerClient(syndication.client(partner), 10);
        Draft draft = syndication.draft(section, null, List.of());
        String id = draft.id();
        long version = syndication.transition("publish", id, draft.version());
        awaitHeld(follower, Map.of(id, version));

        syndication.update(id, version, Map.of("section", "elsewhere"));

        awaitHeld(follower, Map.of());
        assertThat(follower.withdrawals).containsEntry(id, 1);
    }

    @Test
    void aPartnerUnderEmbargoIsToldNothingOfAFreshArticle() {
        String section = Syndication.unique("embargo").replace("-", "x");
        String embargoed = syndication.partner(true, List.of(section), 60);
        String immediate = syndication.partner(true, List.of(section), 0);
        Draft draft = syndication.draft(section, null, List.of());
        String id = draft.id();
        long version = syndication.transition("publish", id, draft.version());
        ChangeFollowerClient waiting = new ChangeFollowerClient(syndication.client(embargoed), 10);
        ChangeFollowerClient now = new ChangeFollowerClient(syndication.client(immediate), 10);

        awaitHeld(now, Map.of(id, version));
        waiting.catchUp();

        assertThat(waiting.held).isEmpty();
        assertThat(waiting.withdrawals).doesNotContainKey(id);
    }

    /** Follows the feed until the partner holds exactly {@code expected}, failing (with what it holds) after the ceiling. */
    private static void awaitHeld(ChangeFollowerClient follower, Map<String, Long> expected) {
        await().atMost(CATCH_UP).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            follower.catchUp();
            assertThat(follower.held).isEqualTo(expected);
        });
    }

    /** Six articles per writer, each taken through a random run of workflow steps. */
    private Void write(Random random, String section, Map<String, Final> finals) {
        for (int a = 0; a < 6; a++) {
            Draft draft = syndication.draft(section, null, List.of());
            String id = draft.id();
            long version = draft.version();
            String current = section;
            boolean published = false;
            for (int step = 0; step < 5; step++) {
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        version = syndication.transition("publish", id, version);
                        published = true;
                    }
                    case 2 -> {
                        if (published) {
                            version = syndication.transition("unpublish", id, version);
                            published = false;
                        }
                    }
                    case 3 -> {
                        version = syndication.transition("archive", id, version);
                        published = false;
                    }
                    default -> {
                        current = current.equals(section) ? "elsewhere" : section;
                        version = syndication.update(id, version, Map.of("section", current, "title", "Step " + step));
                    }
                }
            }
            finals.put(id, new Final(current, published, version));
        }
        return null;
    }
}
