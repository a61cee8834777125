package dev.broadsheet.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, made to acknowledge only what is in the file: a write command answers
 * after the group commit that covers it; while the store cannot be written, write commands are refused
 * before they change anything, with {@link #NOT_WRITABLE} (MongoDB's own code for a full disk). Reads
 * never see a write half done ({@link IsolatedH2Backend}).
 */
final class DurableH2Backend extends IsolatedH2Backend {

    static final int NOT_WRITABLE = 14031;
    static final String NOT_WRITABLE_NAME = "OutOfDiskSpace";
    /** MongoDB's "shutdown in progress": the driver treats the server as gone for a moment and retries a read once. */
    static final int REOPENING = 91;

    private static final String NOT_STORED = "the write was not stored: the embedded store could not commit it";

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
        if (!isWrite(command)) {
            try {
                return super.handleCommand(channel, database, command, query);
            } catch (RuntimeException e) {
                // A failed commit closed the MVStore under this read; the file is being reopened for reads.
                if (getMvStore().isClosed()) {
                    return error(REOPENING, "ShutdownInProgress", "the embedded store is being reopened after a failed commit");
                }
                throw e;
            }
        }
        String refused = refusal.get();
        if (refused != null) {
            return notWritable(refused);
        }
        Document result;
        try {
            result = super.handleCommand(channel, database, command, query);
        } catch (MongoServerException e) {
            // A failed command may still have changed something (a bulk write half done): commit that too.
            return durable() ? rethrow(e) : notStored();
        } catch (RuntimeException e) {
            // The store may have closed itself under this command (a commit failed meanwhile).
            return durable() && refusal.get() == null ? rethrow(e) : notStored();
        }
        return durable() ? result : notStored();
    }

    /** Says why, when known: the reply is what a start-up write refused this way reports (one line). */
    private Document notStored() {
        String why = refusal.get();
        return notWritable(why == null ? NOT_STORED : NOT_STORED + ". " + why);
    }

    private boolean durable() {
        try {
            commits.awaitDurable();
            return true;
        } catch (RuntimeException e) {
            commitFailed.accept(e);
            return false;
        }
    }

    private static Document rethrow(RuntimeException e) {
        throw e;
    }

    /**
     * An error reply rather than an exception: the server logs every exception at ERROR with its stack,
     * which under a stream of refused writes would fill the disk that is already full.
     */
    private static Document notWritable(String why) {
        return error(NOT_WRITABLE, NOT_WRITABLE_NAME, why);
    }

    private static Document error(int code, String codeName, String message) {
        Document error = new Document();
        error.put("ok", 0);
        error.put("errmsg", message);
        error.put("code", code);
        error.put("codeName", codeName);
        return error;
    }
}
