package dev.broadsheet.author;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** A by-line as author entities, batched per request: in by-line order, without ids that name no author. */
public final class Byline {

    private Byline() {
    }

    public static CompletableFuture<List<Author>> load(DataLoader<String, Author> authors, List<String> authorIds) {
        return authors.loadMany(authorIds).thenApply(found -> found.stream().filter(Objects::nonNull).toList());
    }
}
