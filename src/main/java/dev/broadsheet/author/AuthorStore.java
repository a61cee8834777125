package dev.broadsheet.author;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.store.ChangeEvents;
import dev.broadsheet.store.Sequence;
import dev.broadsheet.store.VersionedUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code authors}, {@code sections} and {@code tags} collections, mapped by the driver's record
 * codec. Every write stamps the write sequence so caches on other instances follow it.
 */
@Repository
class AuthorStore {

    static final String AUTHORS = "authors";
    static final String SECTIONS = "sections";
    static final String TAGS = "tags";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoDatabase database;
    private final Sequence sequence;
    private final ChangeEvents changes;
    private final VersionedUpdate versioned;
    private final MongoCollection<Author> authors;
    private final MongoCollection<Section> sections;
    private final MongoCollection<Tag> tags;

    AuthorStore(MongoDatabase database, Sequence sequence, ChangeEvents changes, VersionedUpdate versioned) {
        this.database = database;
        this.sequence = sequence;
        this.changes = changes;
        this.versioned = versioned;
        this.authors = database.getCollection(AUTHORS, Author.class);
        this.sections = database.getCollection(SECTIONS, Section.class);
        this.tags = database.getCollection(TAGS, Tag.class);
        authors.createIndex(new Document("slug", 1), new IndexOptions().unique(true));
        authors.createIndex(new Document("name", 1).append("_id", 1));
    }

    Optional<Author> findAuthor(String id) {
        return Optional.ofNullable(authors.find(eq("_id", id)).first());
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
        return Optional.ofNullable(tags.find(eq("_id", slug)).first());
    }

    /** Inserts a new author; a slug already taken is a VALIDATION error on {@code input.slug}. */
    void insertAuthor(Author author) {
        insert(AUTHORS, Author.class, author, author.id());
    }

    void insertSection(Section section) {
        insert(SECTIONS, Section.class, section, section.slug());
    }

    void insertTag(Tag tag) {
        insert(TAGS, Tag.class, tag, tag.slug());
    }

    /** Replaces an author's fields if it is still at {@code expectedVersion} (else VERSION_CONFLICT). */
    Author updateAuthor(Author author, long expectedVersion) {
        return update(AUTHORS, Author.class, author, author.id(), expectedVersion);
    }

    Section updateSection(Section section, long expectedVersion) {
        return update(SECTIONS, Section.class, section, section.slug(), expectedVersion);
    }

    Tag updateTag(Tag tag, long expectedVersion) {
        return update(TAGS, Tag.class, tag, tag.slug(), expectedVersion);
    }

    /** Writes from trusted code (sample content): insert or replace. */
    <T> void save(String collection, Class<T> type, T value, String id) {
        long seq = sequence.next();
        BsonDocument doc = new RecordDocuments<>(database, type).encode(value).append("seq", new BsonInt64(seq));
        database.getCollection(collection, BsonDocument.class).replaceOne(eq("_id", id), doc,
                new ReplaceOptions().upsert(true));
        changes.written(collection, id, seq);
    }

    private <T> void insert(String collection, Class<T> type, T value, String id) {
        long seq = sequence.next();
        BsonDocument doc = new RecordDocuments<>(database, type).encode(value).append("seq", new BsonInt64(seq));
        try {
            database.getCollection(collection, BsonDocument.class).insertOne(doc);
        } catch (MongoException e) {
            if (e.getCode() == DUPLICATE_KEY) {
                throw ApiException.validation("input.slug", "This slug is already taken");
            }
            throw e;
        }
        changes.written(collection, id, seq);
    }

    private <T> T update(String collection, Class<T> type, T value, String id, long expectedVersion) {
        RecordDocuments<T> records = new RecordDocuments<>(database, type);
        try {
            return records.decode(versioned.apply(database.getCollection(collection), id, expectedVersion,
                    records.setsOf(value)));
        } catch (MongoException e) {
            if (e.getCode() == DUPLICATE_KEY) {
                throw ApiException.validation("input.slug", "This slug is already taken");
            }
            throw e;
        }
    }

}
