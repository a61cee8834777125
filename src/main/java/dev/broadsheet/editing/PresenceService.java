package dev.broadsheet.editing;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.article.ArticleService;
import dev.broadsheet.cache.ChangeFollower;
import dev.broadsheet.live.LiveUpdates;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who has an article open: editors call startEditing every 30 s while they do; anyone not heard from
 * for the window is gone. Every instance reads the same documents, and each start, stop or lapse is
 * announced through {@code articleChanged} (kind EDITING).
 */
@Service
class PresenceService {

    private final PresenceStore store;
    private final ArticleService articles;
    private final Callers callers;
    private final Clock clock;
    private final EditingProperties properties;

    PresenceService(PresenceStore store, ArticleService articles, Callers callers, Clock clock,
            EditingProperties properties, ChangeFollower follower, LiveUpdates live) {
        this.store = store;
        this.articles = articles;
        this.callers = callers;
        this.clock = clock;
        this.properties = properties;
        follower.follow(PresenceStore.COLLECTION);
        live.relayAsEditing(PresenceStore.COLLECTION, EditorPresence::articleIdOf);
    }

    List<EditorPresence> start(String articleId) {
        Caller editor = callers.require(Role.EDITOR);
        if (!articles.exists(articleId)) {
            throw ApiException.notFound("No article " + articleId);
        }
        Instant now = clock.instant();
        String id = EditorPresence.idOf(articleId, editor.id());
        Optional<EditorPresence> current = store.find(id).filter(p -> p.active() && isFresh(p, now));
        if (current.isEmpty() || !store.heartbeat(id, now)) {
            store.started(new EditorPresence(id, articleId, editor.id(), editor.name(), now, now, true, 0));
        }
        return editingNow(List.of(articleId)).get(articleId);
    }

    List<EditorPresence> stop(String articleId) {
        Caller editor = callers.require(Role.EDITOR);
        store.gone(EditorPresence.idOf(articleId, editor.id()), null);
        return editingNow(List.of(articleId)).get(articleId);
    }

    /** Who is editing each article (editors only: others see nobody), one query for all. */
    Map<String, List<EditorPresence>> editingNowFor(Collection<String> articleIds) {
        if (!callers.current().isStaff()) {
            Map<String, List<EditorPresence>> nobody = new HashMap<>();
            articleIds.forEach(id -> nobody.put(id, List.of()));
            return nobody;
        }
        return editingNow(articleIds);
    }

    /** Marks lapsed presences gone (announcing each) and deletes old tombstones; safe on every instance. */
    int sweep() {
        Instant now = clock.instant();
        int lapsed = 0;
        for (EditorPresence presence : store.lapsed(now.minus(properties.window()), 500)) {
            if (store.gone(presence.id(), presence.lastSeen())) {
                lapsed++;
            }
        }
        store.deleteGone(now.minus(properties.keepGone()));
        return lapsed;
    }

    /** Who is editing each article, without a caller check (for callers already checked, e.g. subscribers). */
    Map<String, List<EditorPresence>> editingNow(Collection<String> articleIds) {
        Map<String, List<EditorPresence>> byArticle = new HashMap<>();
        articleIds.forEach(id -> byArticle.put(id, new java.util.ArrayList<>()));
        for (EditorPresence presence : store.activeOn(articleIds, clock.instant().minus(properties.window()))) {
            byArticle.get(presence.articleId()).add(presence);
        }
        return byArticle;
    }

    private boolean isFresh(EditorPresence presence, Instant now) {
        return presence.lastSeen().isAfter(now.minus(properties.window()));
    }
}
