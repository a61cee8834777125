package dev.broadsheet.author;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Connection;
import dev.broadsheet.api.Cursor;
import dev.broadsheet.api.PageRequest;
import dev.broadsheet.author.AuthorInputs.AuthorInput;
import dev.broadsheet.author.AuthorInputs.SectionInput;
import dev.broadsheet.author.AuthorInputs.TagInput;
import dev.broadsheet.media.MediaService;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.Role;
import dev.broadsheet.store.DuplicateKeyException;
import dev.broadsheet.store.NoSuchDocumentException;
import dev.broadsheet.store.VersionConflictException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/** Authors, sections and tags: reads from memory, editors' versioned changes, by-line resolution. */
@Service
public class AuthorService {

    private final AuthorStore store;
    private final AuthorReadCache reads;
    private final MediaService media;
    private final Callers callers;
    private final AuditLog audit;

    AuthorService(AuthorStore store, AuthorReadCache reads, MediaService media, Callers callers, AuditLog audit) {
        this.store = store;
        this.reads = reads;
        this.media = media;
        this.callers = callers;
        this.audit = audit;
    }

    public Optional<Author> find(String id) {
        return reads.byId(id);
    }

    public Map<String, Author> findAll(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : reads.byIds(ids);
    }

    public Optional<Author> findBySlug(String slug) {
        return slug == null ? Optional.empty() : reads.bySlug(slug);
    }

    public List<Section> sections() {
        return reads.sections();
    }

    public Optional<Section> section(String slug) {
        return reads.sections().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    public Optional<Tag> tag(String slug) {
        return slug == null ? Optional.empty() : reads.tag(slug);
    }

    Connection<Author> authors(Integer first, String after) {
        PageRequest page = PageRequest.of(first, after, 20);
        return Connection.of(store.authorPage(page.after() == null ? null : page.after().id(), page.fetchSize()),
                page.size(), page.after() != null, author -> new Cursor(0, author.id()).encode());
    }

    /**
     * The id of the author a by-line names (matched by the slug of the name), creating the author if
     * there is none yet. Used to migrate articles written when authors were only names.
     */
    public String idForByline(String name, String url) {
        String slug = AuthorInputs.slugOf(name);
        Optional<Author> existing = store.findAuthorBySlug(slug);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        Author created = new Author(new ObjectId().toHexString(), slug, name.strip(), null, null, null, List.of(),
                url, 1);
        try {
            store.authors().insert(created);
            return created.id();
        } catch (DuplicateKeyException raced) {
            // Another instance created it between the read and the insert.
            return store.findAuthorBySlug(slug).map(Author::id).orElseThrow(AuthorService::slugTaken);
        }
    }

    /** Stores trusted values (sample content, imports) as they are. */
    public void save(Author author) {
        store.authors().save(author);
    }

    public void save(Section section) {
        store.sections().save(section);
    }

    public void save(Tag tag) {
        store.tags().save(tag);
    }

    Author createAuthor(AuthorInput input) {
        Caller editor = callers.require(Role.EDITOR);
        Author author = checked(AuthorInputs.author(new ObjectId().toHexString(), 1, input));
        stored(() -> store.authors().insert(author));
        audit.record(editor, "createAuthor", "author", author.id(), author.version());
        return author;
    }

    Author updateAuthor(String id, long expectedVersion, AuthorInput input) {
        Caller editor = callers.require(Role.EDITOR);
        Author updated = stored(() -> store.authors().update(checked(AuthorInputs.author(id, expectedVersion, input)),
                expectedVersion));
        audit.record(editor, "updateAuthor", "author", id, updated.version());
        return updated;
    }

    Section createSection(SectionInput input) {
        return createBySlug("Section", () -> AuthorInputs.section(1, input), section -> {
            checkParent(section);
            store.sections().insert(section);
        });
    }

    Section updateSection(String slug, long expectedVersion, SectionInput input) {
        return updateBySlug("Section", slug, () -> AuthorInputs.section(expectedVersion, input), section -> {
            checkParent(section);
            return store.sections().update(section, expectedVersion);
        });
    }

    Tag createTag(TagInput input) {
        return createBySlug("Tag", () -> AuthorInputs.tag(1, input), store.tags()::insert);
    }

    Tag updateTag(String slug, long expectedVersion, TagInput input) {
        return updateBySlug("Tag", slug, () -> AuthorInputs.tag(expectedVersion, input),
                tag -> store.tags().update(tag, expectedVersion));
    }

    /** An editor creates a section or tag ({@code type}), audited as {@code create<type>}. */
    private <T extends SlugKeyed> T createBySlug(String type, Supplier<T> fromInput, Consumer<T> insert) {
        Caller editor = callers.require(Role.EDITOR);
        T created = fromInput.get();
        stored(() -> insert.accept(created));
        audit.record(editor, "create" + type, type.toLowerCase(Locale.ROOT), created.slug(), created.version());
        return created;
    }

    /** An editor changes a section or tag; its slug must stay the one the articles carry. */
    private <T extends SlugKeyed> T updateBySlug(String type, String slug, Supplier<T> fromInput,
            UnaryOperator<T> update) {
        Caller editor = callers.require(Role.EDITOR);
        T changed = fromInput.get();
        String entity = type.toLowerCase(Locale.ROOT);
        if (!changed.slug().equals(slug)) {
            throw ApiException.validation("input.slug", "a " + entity + "'s slug cannot change (articles carry it)");
        }
        T updated = stored(() -> update.apply(changed));
        audit.record(editor, "update" + type, entity, slug, updated.version());
        return updated;
    }

    private Author checked(Author author) {
        if (author.avatar() != null && media.find(author.avatar().assetId()).isEmpty()) {
            throw ApiException.validation("input.avatar.assetId", "No media asset " + author.avatar().assetId());
        }
        return author;
    }

    /** The parent must exist, and following parents must never come back to the section. */
    private void checkParent(Section section) {
        String parent = section.parentSlug();
        int hops = 0;
        while (parent != null) {
            if (parent.equals(section.slug()) || ++hops > 20) {
                throw ApiException.validation("input.parent", "sections cannot form a loop");
            }
            String current = parent;
            parent = section(current).orElseThrow(() -> ApiException.validation("input.parent", "No section " + current))
                    .parentSlug();
        }
    }

    /** Runs a store write, reporting the store's failures as the API's errors. */
    private static <T> T stored(Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        } catch (VersionConflictException e) {
            throw ApiException.versionConflict(e.expectedVersion(), e.currentVersion());
        } catch (NoSuchDocumentException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private static void stored(Runnable write) {
        stored(() -> {
            write.run();
            return null;
        });
    }

    private static ApiException slugTaken() {
        return ApiException.validation("input.slug", "This slug is already taken");
    }
}
