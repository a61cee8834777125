package dev.broadsheet.store;

import dev.broadsheet.api.FailureKinds;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class MongoFailureKinds implements FailureKinds {

    @Override
    public boolean isUnavailable(Throwable failure) {
        return StoreFailures.isUnavailable(failure);
    }

    @Override
    public Optional<String> duplicateKeyField(Throwable failure) {
        return StoreFailures.duplicateKeyField(failure);
    }
}
