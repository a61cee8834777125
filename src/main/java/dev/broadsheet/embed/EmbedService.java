package dev.broadsheet.embed;

import dev.broadsheet.embed.OEmbedClient.OEmbedFailure;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.api.Inputs;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import dev.broadsheet.store.VersionConflictException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

@Service
public class EmbedService {

    private static final String ENTITY = "embeddedPost";

    private final EmbedStore store;
    private final Providers providers;
    private final OEmbedClient oEmbed;
    private final Snapshots snapshots;
    private final EmbedHtml sanitiser;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    EmbedService(EmbedStore store, Providers providers, OEmbedClient oEmbed, Snapshots snapshots, EmbedHtml sanitiser,
            Callers callers, AuditLog audit, Clock clock) {
        this.store = store;
        this.providers = providers;
        this.oEmbed = oEmbed;
        this.snapshots = snapshots;
        this.sanitiser = sanitiser;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The current snapshot of a registered embed, for copying into an article body. */
    public Optional<EmbeddedPost> snapshot(String embedId) {
        return store.findSnapshot(embedId);
    }

    Optional<Embed> find(String id) {
        callers.require(Role.EDITOR);
        return store.findById(id);
    }

    /**
     * Registers a post. With {@code fetch} the provider's oEmbed answer makes the snapshot (a snapshot
     * sent along fills what it lacks, and stands in if the fetch fails); without, the snapshot is required.
     */
    Embed create(String url, EmbeddedPostInput input, Boolean fetch) {
        Caller editor = callers.require(Role.EDITOR);
        String postUrl = Inputs.requireHttpUrl("url", url == null ? null : url.strip());
        EmbeddedPost.Provider provider = providers.detect(postUrl);
        Instant now = clock.instant();
        EmbeddedPost given = input == null ? null : input.toPost("snapshot", provider, postUrl, now, sanitiser);
        EmbeddedPost snapshot = given;
        Embed.Fetch lastFetch = null;
        if (Boolean.TRUE.equals(fetch)) {
            URI request = providers.oEmbedRequest(provider, postUrl).orElseThrow(() -> ApiException.validation("url",
                    "Broadsheet does not know an oEmbed endpoint for this host; send a snapshot instead"));
            try {
                snapshot = snapshots.fromOEmbed(provider, postUrl, oEmbed.fetch(request), given, now);
                lastFetch = Embed.Fetch.ok(now);
            } catch (OEmbedFailure failure) {
                if (given == null) {
                    throw failure.gone() ? ApiException.validation("url", "Could not embed the post: " + failure.getMessage())
                            : new ApiException(ErrorCode.UNAVAILABLE, "Could not fetch the post: " + failure.getMessage());
                }
                snapshot = given.withStatus(statusAfter(failure));
                lastFetch = Embed.Fetch.failed(now, failure.getMessage());
            }
        } else if (given == null) {
            throw ApiException.validation("snapshot", "send a snapshot, or fetch: true to fetch one");
        }
        Embed embed = new Embed(new ObjectId().toHexString(), postUrl, provider, snapshot, lastFetch, now, editor.id(), 1);
        store.insert(embed);
        audit.record(editor, "createEmbeddedPost", ENTITY, embed.id(), embed.version());
        return embed;
    }

    /**
     * Fetches the post again. A failed fetch keeps the previous snapshot, marking the source DELETED
     * (the provider says 404/410) or UNAVAILABLE, and records why.
     */
    Embed refresh(String id, Long expectedVersion) {
        Caller editor = callers.require(Role.EDITOR);
        Inputs.requireText("id", id, 64);
        Embed current = store.findById(id).orElseThrow(() -> ApiException.notFound("No embedded post " + id));
        URI request = providers.oEmbedRequest(current.provider(), current.url()).orElseThrow(() -> ApiException.validation(
                "id", "Broadsheet does not know an oEmbed endpoint for " + current.url()));
        Instant now = clock.instant();
        EmbeddedPost snapshot;
        Embed.Fetch outcome;
        try {
            snapshot = snapshots.fromOEmbed(current.provider(), current.url(), oEmbed.fetch(request), current.snapshot(), now);
            outcome = Embed.Fetch.ok(now);
        } catch (OEmbedFailure failure) {
            snapshot = current.snapshot().withStatus(statusAfter(failure));
            outcome = Embed.Fetch.failed(now, failure.getMessage());
        }
        Embed refreshed;
        try {
            refreshed = store.update(id, expectedVersion == null ? current.version() : expectedVersion, snapshot, outcome);
        } catch (VersionConflictException e) {
            throw ApiException.versionConflict(e.expectedVersion(), e.currentVersion());
        }
        audit.record(editor, "refreshEmbeddedPost", ENTITY, id, refreshed.version());
        return refreshed;
    }

    private static EmbeddedPost.SourceStatus statusAfter(OEmbedFailure failure) {
        return failure.gone() ? EmbeddedPost.SourceStatus.DELETED : EmbeddedPost.SourceStatus.UNAVAILABLE;
    }
}
