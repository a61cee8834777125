package dev.broadsheet.editing;

import dev.broadsheet.article.Article;
import dev.broadsheet.live.LiveEvents;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** startEditing/stopEditing, and the editingNow fields this feature adds to Article and ArticleChange. */
@Controller
class PresenceController {

    private final PresenceService presence;

    PresenceController(PresenceService presence) {
        this.presence = presence;
    }

    @MutationMapping
    List<EditorPresence> startEditing(@Argument String articleId) {
        return presence.start(articleId);
    }

    @MutationMapping
    List<EditorPresence> stopEditing(@Argument String articleId) {
        return presence.stop(articleId);
    }

    @BatchMapping(typeName = "Article", field = "editingNow")
    Map<Article, List<EditorPresence>> articleEditingNow(List<Article> articles) {
        Map<String, List<EditorPresence>> byId = presence.editingNowFor(
                articles.stream().map(Article::id).collect(Collectors.toSet()));
        return articles.stream().distinct().collect(Collectors.toMap(a -> a, a -> byId.get(a.id())));
    }

    @BatchMapping(typeName = "ArticleChange", field = "editingNow")
    Map<LiveEvents.ArticleChanged, List<EditorPresence>> changeEditingNow(List<LiveEvents.ArticleChanged> changes) {
        // Only editors' WebSocket connections can subscribe at all, so no per-field check here.
        Map<String, List<EditorPresence>> byId = presence.editingNow(
                changes.stream().map(LiveEvents.ArticleChanged::articleId).collect(Collectors.toSet()));
        return changes.stream().distinct().collect(Collectors.toMap(c -> c, c -> byId.get(c.articleId())));
    }
}
