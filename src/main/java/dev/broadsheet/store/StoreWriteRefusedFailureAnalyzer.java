package dev.broadsheet.store;

import com.mongodb.MongoCommandException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start-up write (an index, the sample content, a token) refused because the embedded store cannot commit,
 * typically a disk that filled up after the store opened: one line saying so instead of a chain of bean errors.
 */
class StoreWriteRefusedFailureAnalyzer extends AbstractFailureAnalyzer<MongoCommandException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MongoCommandException cause) {
        if (cause.getErrorCode() != DurableH2Backend.NOT_WRITABLE) {
            return null;
        }
        return new FailureAnalysis("A write needed to start was refused: " + cause.getErrorMessage(),
                "Every acknowledged write is in the file. Give the disk room, then start again.", cause);
    }
}
