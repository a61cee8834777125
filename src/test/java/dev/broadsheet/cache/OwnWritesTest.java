package dev.broadsheet.cache;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import dev.broadsheet.ApiTest;
import dev.broadsheet.store.EntityChanged;
import dev.broadsheet.store.Sequence;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

/**
 * A write of this instance is never handed to the caches as another instance's, even when a follower
 * round reads it before its writer has published it: republished that way it reached the article cache
 * after the local copy had been dropped, with no "before" to compare, and purged every response of the
 * article (a comment then dropped the cached article page now and then).
 */
@ApiTest
class OwnWritesTest {

    private static final String SCRATCH = "own_writes_scratch";

    @Autowired
    ChangeFollower follower;

    @Autowired
    Sequence sequence;

    @Autowired
    MongoDatabase database;

    @Autowired
    ConfigurableApplicationContext context;

    private final List<EntityChanged> republished = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof EntityChanged change
                && SCRATCH.equals(change.collection()) && !change.local()) {
            republished.add(change);
        }
    };

    @AfterEach
    void removeListener() {
        context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
        database.getCollection(SCRATCH).deleteMany(new Document());
    }

    @Test
    void aWriteReadByARoundBeforeItsWriterPublishedItIsNotRepublished() {
        context.addApplicationListener(listener);
        follower.follow(SCRATCH);
        follower.poll();

        long seq = sequence.next();
        database.getCollection(SCRATCH).insertOne(new Document("_id", "own-" + seq).append("seq", seq));
        follower.poll();

        assertThat(republished).as("this instance's own write, republished as another's").isEmpty();
        long takenElsewhere = database.getCollection("counters").findOneAndUpdate(eq("_id", "changes"),
                inc("value", 1L), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)).getLong("value");
        database.getCollection(SCRATCH).insertOne(new Document("_id", "other").append("seq", takenElsewhere));
        follower.poll();
        assertThat(republished).as("a write numbered elsewhere is still followed").extracting(EntityChanged::id)
                .containsExactly("other");
    }
}
