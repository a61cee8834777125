package dev.broadsheet.donation;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.api.Inputs;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import dev.broadsheet.store.NoSuchDocumentException;
import dev.broadsheet.store.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

@Service
public class DonationService {

    private static final String ENTITY = "donationBlock";

    private final DonationStore store;
    private final Clock clock;
    private final Callers callers;
    private final AuditLog audit;
    private final DonationReadCache reads;
    private final DonationProperties properties;

    DonationService(DonationStore store, Clock clock, Callers callers, AuditLog audit, DonationReadCache reads,
            DonationProperties properties) {
        this.reads = reads;
        this.properties = properties;
        this.store = store;
        this.clock = clock;
        this.callers = callers;
        this.audit = audit;
    }

    /** The appeals whose rules place them in an article of this section and these tags, right now. */
    public List<PlacedAppeal> placementsFor(String section, List<String> tags, Integer readerBucket) {
        return placementsFor(section, tags, readerBucket, false);
    }

    /**
     * The appeals for one reader: a supporter sees none, or only MEMBERSHIP appeals when
     * {@code broadsheet.donations.supporter-upsell} is on.
     */
    public List<PlacedAppeal> placementsFor(String section, List<String> tags, Integer readerBucket, boolean supporter) {
        Instant now = clock.instant();
        List<PlacedAppeal> placed = new ArrayList<>();
        for (DonationBlock block : reads.active()) {
            if (block.appliesTo(section, tags, now) && block.shownTo(supporter, properties.supporterUpsell())) {
                DonationAppeal appeal = block.appealFor(readerBucket);
                block.placements().forEach(placement -> placed.add(new PlacedAppeal(placement, appeal, block.priority())));
            }
        }
        return placed;
    }

    /** Stores a block from trusted code (sample content) without a caller. */
    public void save(DonationBlock block) {
        store.save(block);
    }

    Optional<DonationBlock> find(String id) {
        callers.require(Role.EDITOR);
        return store.findById(id);
    }

    Connection<DonationBlock> page(DonationBlock.Status status, Integer first, String after) {
        callers.require(Role.EDITOR);
        PageRequest page = PageRequest.of(first, after, 20);
        List<DonationBlock> rows = store.page(status, page.after() == null ? null : page.after().id(), page.fetchSize());
        return Connection.of(rows, page.size(), page.after() != null, block -> new Cursor(0, block.id()).encode());
    }

    DonationBlock create(DonationBlockInput input) {
        Caller editor = callers.require(Role.EDITOR);
        DonationBlock block = required(input).toBlock("input", new ObjectId().toHexString(), DonationBlock.Status.ACTIVE, 1);
        store.insert(block);
        audit.record(editor, "createDonationBlock", ENTITY, block.id(), block.version());
        return block;
    }

    DonationBlock update(String id, long expectedVersion, DonationBlockInput input) {
        return edit("updateDonationBlock", id, () -> store.update(
                required(input).toBlock("input", id, DonationBlock.Status.ACTIVE, expectedVersion), expectedVersion));
    }

    /** Takes a block out of every article at once; it stays listed (status ARCHIVED) for the record. */
    DonationBlock archive(String id, long expectedVersion) {
        return edit("archiveDonationBlock", id,
                () -> store.setStatus(id, expectedVersion, DonationBlock.Status.ARCHIVED));
    }

    /** Puts an archived block back into articles, with the rules it had. */
    DonationBlock reactivate(String id, long expectedVersion) {
        return edit("reactivateDonationBlock", id,
                () -> store.setStatus(id, expectedVersion, DonationBlock.Status.ACTIVE));
    }

    /** An editor's versioned change to a stored block, audited as {@code action}. */
    private DonationBlock edit(String action, String id, Supplier<DonationBlock> change) {
        Caller editor = callers.require(Role.EDITOR);
        Inputs.requireText("id", id, 64);
        DonationBlock changed = versioned(id, change);
        audit.record(editor, action, ENTITY, id, changed.version());
        return changed;
    }

    private static DonationBlock versioned(String id, Supplier<DonationBlock> update) {
        try {
            return update.get();
        } catch (VersionConflictException e) {
            throw ApiException.versionConflict(e.expectedVersion(), e.currentVersion());
        } catch (NoSuchDocumentException e) {
            throw ApiException.notFound("No donation block " + id);
        }
    }

    private static DonationBlockInput required(DonationBlockInput input) {
        if (input == null) {
            throw ApiException.validation("input", "input is required");
        }
        return input;
    }
}
