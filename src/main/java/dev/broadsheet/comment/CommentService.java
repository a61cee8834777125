package dev.broadsheet.comment;

import dev.broadsheet.article.ArticleService;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Reading threads as readers see them; storing comments as given (sample content, imports). */
@Service
public class CommentService {

    static final int DEFAULT_PAGE_SIZE = 20;

    private final CommentStore store;
    private final ArticleService articles;
    private final CommentCounters counters;

    CommentService(CommentStore store, ArticleService articles, CommentCounters counters) {
        this.store = store;
        this.articles = articles;
        this.counters = counters;
    }

    /** A comment readers can see (published, or a removed placeholder), on a published article. */
    public Optional<Comment> findVisible(String id) {
        return store.findById(id)
                .filter(Comment::isShown)
                .filter(comment -> articles.findPublishedById(comment.articleId()).isPresent())
                .map(Comment::asSeenByReaders);
    }

    Map<String, Comment> findVisible(Collection<String> ids) {
        Map<String, Comment> found = new HashMap<>();
        store.findByIds(ids).forEach((id, comment) -> {
            if (comment.isShown()) {
                found.put(id, comment.asSeenByReaders());
            }
        });
        return found;
    }

    Map<ThreadPageKey, Connection<Comment>> loadPages(Set<ThreadPageKey> keys) {
        return loadPages(keys, new ThreadPrefetch());
    }

    /**
     * Loads the requested thread pages. An article's first page reads a small thread whole (one
     * command; its reply pages then come from {@code prefetch}); other pages cost one command per
     * distinct (owner kind, order, page) among the keys that can have children: usually one per thread
     * level, whatever the number of comments.
     */
    Map<ThreadPageKey, Connection<Comment>> loadPages(Set<ThreadPageKey> keys, ThreadPrefetch prefetch) {
        Map<ThreadPageKey, Connection<Comment>> pages = new HashMap<>();
        Set<String> smallThreads = keys.stream()
                .filter(key -> key.owner() == ThreadPageKey.Owner.ARTICLE && key.page().after() == null
                        && key.knownCount() > 0 && key.knownCount() <= ThreadPrefetch.MAX_COMMENTS)
                .map(ThreadPageKey::ownerId).collect(Collectors.toSet());
        if (!smallThreads.isEmpty()) {
            prefetch.add(smallThreads, store.findShownThreads(smallThreads, ThreadPrefetch.DEPTH));
        }
        for (ThreadPageKey key : keys) {
            if (key.page().after() == null) {
                prefetch.children(key).ifPresent(children -> pages.put(key, page(key, children.stream()
                        .sorted(key.order().comparator()).limit(key.page().fetchSize()).toList())));
            }
        }
        Map<List<Object>, List<ThreadPageKey>> groups = keys.stream()
                .filter(key -> !pages.containsKey(key) && key.knownCount() != 0 && key.page().size() > 0)
                .collect(Collectors.groupingBy(key -> List.of(key.owner(), key.order(), key.page())));
        for (List<ThreadPageKey> group : groups.values()) {
            ThreadPageKey first = group.get(0);
            Map<String, List<Comment>> children = store.findShownChildren(first.owner(),
                    group.stream().map(ThreadPageKey::ownerId).collect(Collectors.toSet()), first.order(),
                    first.page().after(), first.page().fetchSize());
            for (ThreadPageKey key : group) {
                pages.put(key, page(key, children.getOrDefault(key.ownerId(), List.of())));
            }
        }
        keys.forEach(key -> pages.putIfAbsent(key, Connection.empty()));
        return pages;
    }

    private static Connection<Comment> page(ThreadPageKey key, List<Comment> rows) {
        List<Comment> seen = rows.stream().map(Comment::asSeenByReaders).collect(Collectors.toCollection(ArrayList::new));
        return Connection.of(seen, key.page().size(), key.page().after() != null, key.order()::cursorOf);
    }

    /** Stores a comment as given; posting rules and sanitising belong to the caller (sample content). */
    public Comment create(Comment comment) {
        CounterMark mark = CounterMark.created(comment);
        store.insert(comment, null, ModerationQueue.of(comment.status(), comment.heldFor()), mark);
        counters.apply(comment, mark);
        return comment;
    }

    /** A page request whose cursor must have been issued for {@code order}. */
    static PageRequest pageRequest(Integer first, String after, CommentOrder order) {
        PageRequest page = PageRequest.of(first, after, DEFAULT_PAGE_SIZE);
        return new PageRequest(page.size(), order.resume(page.after()));
    }
}
