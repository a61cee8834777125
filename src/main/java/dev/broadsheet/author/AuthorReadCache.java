package dev.broadsheet.author;

import dev.broadsheet.cache.Caches;
import dev.broadsheet.cache.ChangeFollower;
import dev.broadsheet.cache.ReadCache;
import dev.broadsheet.graphql.SurrogateKeys;
import dev.broadsheet.store.EntityChanged;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Authors, sections and tags from memory; a write to any of them drops what it touched. */
@Component
class AuthorReadCache {

    private final ReadCache<String, Optional<Author>> byId;
    private final ReadCache<String, Optional<Author>> bySlug;
    private final ReadCache<String, List<Section>> sections;
    private final ReadCache<String, Optional<Tag>> tags;

    AuthorReadCache(AuthorStore store, Caches caches, ChangeFollower follower, SurrogateKeys keys) {
        byId = caches.create("author.byId", store::findAuthor, ids -> {
            Map<String, Optional<Author>> found = new HashMap<>();
            ids.forEach(id -> found.put(id, Optional.empty()));
            store.findAuthors(ids).forEach(author -> found.put(author.id(), Optional.of(author)));
            return found;
        });
        bySlug = caches.create("author.bySlug", store::findAuthorBySlug);
        sections = caches.create("author.sections", all -> List.copyOf(store.allSections()));
        tags = caches.create("author.tags", store::findTag);
        follower.follow(AuthorStore.AUTHORS);
        follower.follow(AuthorStore.SECTIONS);
        follower.follow(AuthorStore.TAGS);
        keys.register("Author", Author.class, author -> "author:" + author.id());
        keys.register("Section", Section.class, section -> "section:" + section.slug());
        keys.register("Tag", Tag.class, tag -> "tag:" + tag.slug());
    }

    Optional<Author> byId(String id) {
        return byId.get(id);
    }

    Optional<Author> bySlug(String slug) {
        return bySlug.get(slug);
    }

    Map<String, Author> byIds(Collection<String> ids) {
        Map<String, Author> found = new HashMap<>();
        byId.getAll(ids).forEach((id, author) -> author.ifPresent(a -> found.put(id, a)));
        return found;
    }

    List<Section> sections() {
        return sections.get("all");
    }

    Optional<Tag> tag(String slug) {
        return tags.get(slug);
    }

    @EventListener
    void onChange(EntityChanged change) {
        switch (change.collection()) {
            case AuthorStore.AUTHORS -> {
                byId.invalidate(change.id());
                bySlug.invalidateWhere((slug, author) -> author.map(a -> a.id().equals(change.id())).orElse(true),
                        slug -> true);
            }
            case AuthorStore.SECTIONS -> sections.invalidateAll();
            case AuthorStore.TAGS -> tags.invalidate(change.id());
            default -> {
            }
        }
    }
}
