package dev.broadsheet.author;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import dev.broadsheet.store.ById;
import dev.broadsheet.store.Codecs;
import dev.broadsheet.store.StampedWrites;
import dev.broadsheet.store.VersionedUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code authors}, {@code sections} and {@code tags} collections, mapped by the driver's record
 * codec. Every write stamps the write sequence so caches on other instances follow it. A slug already
 * taken is the store's {@code DuplicateKeyException}; versioned updates throw its
 * {@code VersionConflictException} or {@code NoSuchDocumentException}.
 */
@Repository
class AuthorStore {

    static final String AUTHORS = "authors";
    static final String SECTIONS = "sections";
    static final String TAGS = "tags";
    private static final Set<String> VERSION = Set.of("version");
    private static final Set<String> VERSION_AND_SLUG = Set.of("version", "slug");

    private final MongoCollection<Author> authors;
    private final MongoCollection<Section> sections;
    private final MongoCollection<Tag> tags;
    private final KeyedWrites<Author> authorWrites;
    private final KeyedWrites<Section> sectionWrites;
    private final KeyedWrites<Tag> tagWrites;

    AuthorStore(MongoDatabase database, StampedWrites writes, VersionedUpdate versioned) {
        this.authors = Codecs.collection(database, AUTHORS, Author.class);
        this.sections = Codecs.collection(database, SECTIONS, Section.class);
        this.tags = Codecs.collection(database, TAGS, Tag.class);
        this.authorWrites = new KeyedWrites<>(authors, Author::id, VERSION, writes, versioned);
        this.sectionWrites = new KeyedWrites<>(sections, Section::slug, VERSION_AND_SLUG, writes, versioned);
        this.tagWrites = new KeyedWrites<>(tags, Tag::slug, VERSION_AND_SLUG, writes, versioned);
        authors.createIndex(new Document("slug", 1), new IndexOptions().unique(true));
        authors.createIndex(new Document("name", 1).append("_id", 1));
    }

    Optional<Author> findAuthor(String id) {
        return ById.find(authors, id);
    }

    Optional<Author> findAuthorBySlug(String slug) {
        return Optional.ofNullable(authors.find(eq("slug", slug)).first());
    }

    List<Author> findAuthors(Collection<String> ids) {
        return authors.find(in("_id", ids)).into(new ArrayList<>());
    }

    /** Authors by id, resuming after {@code afterId}. */
    List<Author> authorPage(String afterId, int limit) {
        Bson filter = afterId == null ? new Document() : gt("_id", afterId);
        return authors.find(filter).sort(new Document("_id", 1)).limit(limit).into(new ArrayList<>());
    }

    List<Section> allSections() {
        return sections.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    Optional<Tag> findTag(String slug) {
        return ById.find(tags, slug);
    }

    KeyedWrites<Author> authors() {
        return authorWrites;
    }

    KeyedWrites<Section> sections() {
        return sectionWrites;
    }

    KeyedWrites<Tag> tags() {
        return tagWrites;
    }
}
