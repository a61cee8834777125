package dev.broadsheet.comment;

import dev.broadsheet.article.ArticleService;
import dev.broadsheet.graphql.Connection;
import dev.broadsheet.graphql.Cursor;
import dev.broadsheet.graphql.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
public class CommentService {

    static final int DEFAULT_PAGE_SIZE = 20;

    private final CommentStore store;
    private final ArticleService articles;

    CommentService(CommentStore store, ArticleService articles) {
        this.store = store;
        this.articles = articles;
    }

    /** A comment readers can see: published, on a published article. */
    public Optional<Comment> findVisible(String id) {
        return store.findById(id)
                .filter(Comment::isVisible)
                .filter(comment -> articles.findPublished(null, comment.articleId()).isPresent());
    }

    Map<String, Comment> findVisible(Collection<String> ids) {
        Map<String, Comment> found = new HashMap<>(store.findByIds(ids));
        found.values().removeIf(comment -> !comment.isVisible());
        return found;
    }

    /**
     * Loads the requested thread pages with one command per distinct (owner kind, page) among the keys
     * that can have children: usually one per thread level, whatever the number of comments.
     */
    Map<ThreadPageKey, Connection<Comment>> loadPages(Set<ThreadPageKey> keys) {
        Map<ThreadPageKey, Connection<Comment>> pages = new HashMap<>();
        Map<List<Object>, List<ThreadPageKey>> groups = keys.stream()
                .filter(key -> key.knownCount() != 0 && key.page().size() > 0)
                .collect(Collectors.groupingBy(key -> List.of(key.owner(), key.page())));
        for (List<ThreadPageKey> group : groups.values()) {
            ThreadPageKey first = group.get(0);
            Map<String, List<Comment>> children = store.findVisibleChildren(first.owner(),
                    group.stream().map(ThreadPageKey::ownerId).collect(Collectors.toSet()),
                    first.page().after(), first.page().fetchSize());
            for (ThreadPageKey key : group) {
                pages.put(key, page(children.getOrDefault(key.ownerId(), List.of()), key.page()));
            }
        }
        keys.forEach(key -> pages.putIfAbsent(key, Connection.empty()));
        return pages;
    }

    /** Stores a comment as given; posting rules and sanitising belong to the caller (sample content). */
    public Comment create(Comment comment) {
        store.insert(comment);
        if (comment.isVisible()) {
            articles.adjustCommentCount(comment.articleId(), 1);
        }
        return comment;
    }

    static PageRequest pageRequest(Integer first, String after) {
        return PageRequest.of(first, after, DEFAULT_PAGE_SIZE);
    }

    private static Connection<Comment> page(List<Comment> rows, PageRequest request) {
        return Connection.of(new ArrayList<>(rows), request.size(), request.after() != null,
                comment -> Cursor.of(comment.createdAt(), comment.id()).encode());
    }
}
