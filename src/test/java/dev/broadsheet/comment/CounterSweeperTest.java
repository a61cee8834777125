package dev.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoCommandException;
import java.time.Clock;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The minute's counter sweep while the store refuses writes (a full disk): postponed in one line, not an error with a stack trace. */
class CounterSweeperTest {

    @Test
    void aStoreRefusingWritesPostponesTheSweepInsteadOfFailingTheScheduledTask() {
        CommentStore store = mock(CommentStore.class);
        when(store.findUncounted(anyInt())).thenThrow(new MongoCommandException(new BsonDocument("ok", new BsonInt32(0))
                .append("errmsg", new BsonString("the store is not taking writes")).append("code", new BsonInt32(1)),
                null));
        CommentProperties properties = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("broadsheet.comments", CommentProperties.class);
        CounterSweeper sweeper = new CounterSweeper(store, mock(CommentCounters.class), properties, Clock.systemUTC());

        assertThatCode(sweeper::sweepPeriodically).doesNotThrowAnyException();
    }
}
