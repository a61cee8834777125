package dev.broadsheet.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, made to acknowledge only what is in the file: a write command answers
 * after the group commit that covers it; while the store cannot be written, write commands are refused
 * before they change anything, with {@link #NOT_WRITABLE} (MongoDB's own code for a full disk).
 */
final class DurableH2Backend extends H2Backend {

    static final int NOT_WRITABLE = 14031;
    static final String NOT_WRITABLE_NAME = "OutOfDiskSpace";

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropdatabase", "dropindexes", "deleteindexes", "renamecollection");

    private final GroupCommit commits;
    private final Supplier<String> refusal;
    private final Consumer<RuntimeException> commitFailed;

    /**
     * @param refusal      why writes are refused now, or null when the store is writable
     * @param commitFailed told about a failed commit (the MVStore has closed itself by then)
     */
    DurableH2Backend(MVStore store, GroupCommit commits, Supplier<String> refusal,
            Consumer<RuntimeException> commitFailed) {
        super(store);
        this.commits = commits;
        this.refusal = refusal;
        this.commitFailed = commitFailed;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query);
        }
        String refused = refusal.get();
        if (refused != null) {
            throw notWritable(refused);
        }
        Document result;
        try {
            result = super.handleCommand(channel, database, command, query);
        } catch (RuntimeException e) {
            // A failed command may still have changed something (a bulk write half done): commit that too.
            awaitDurable();
            throw e;
        }
        awaitDurable();
        return result;
    }

    private void awaitDurable() {
        try {
            commits.awaitDurable();
        } catch (RuntimeException e) {
            commitFailed.accept(e);
            throw notWritable("the write was not stored: the embedded store could not commit it");
        }
    }

    private static MongoServerError notWritable(String why) {
        MongoServerError error = new MongoServerError(NOT_WRITABLE, NOT_WRITABLE_NAME, why);
        error.setLogError(false);
        return error;
    }
}
