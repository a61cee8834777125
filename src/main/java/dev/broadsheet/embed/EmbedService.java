package dev.broadsheet.embed;

import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class EmbedService {

    private final EmbedStore store;

    EmbedService(EmbedStore store) {
        this.store = store;
    }

    /** The current snapshot of a registered embed, for copying into an article body. */
    public Optional<EmbeddedPost> snapshot(String embedId) {
        return store.findSnapshot(embedId);
    }
}
