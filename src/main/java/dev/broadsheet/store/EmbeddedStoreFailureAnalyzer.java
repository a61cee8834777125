package dev.broadsheet.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused by the embedded store: Boot prints its one-line description and the action, no stack trace. */
class EmbeddedStoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
