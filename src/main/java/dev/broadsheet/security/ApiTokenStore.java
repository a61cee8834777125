package dev.broadsheet.security;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenStore {

    private final MongoCollection<Document> tokens;

    ApiTokenStore(MongoDatabase database) {
        this.tokens = database.getCollection("api_tokens");
        tokens.createIndex(new Document("hash", 1), new IndexOptions().unique(true));
    }

    void save(ApiToken token, String hash) {
        tokens.replaceOne(eq("_id", token.id()), toDocument(token).append("hash", hash), new ReplaceOptions().upsert(true));
    }

    Optional<ApiToken> findActiveByHash(String hash) {
        return Optional.ofNullable(tokens.find(and(eq("hash", hash), eq("revokedAt", null))).first())
                .map(ApiTokenStore::fromDocument);
    }

    Optional<ApiToken> findById(String id) {
        return Optional.ofNullable(tokens.find(eq("_id", id)).first()).map(ApiTokenStore::fromDocument);
    }

    Optional<ApiToken> revoke(String id, Instant at) {
        Document revoked = tokens.findOneAndUpdate(and(eq("_id", id), eq("revokedAt", null)),
                Updates.set("revokedAt", Date.from(at)), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(revoked).map(ApiTokenStore::fromDocument);
    }

    List<ApiToken> findAll() {
        List<ApiToken> all = new ArrayList<>();
        tokens.find().sort(new Document("createdAt", 1)).forEach(doc -> all.add(fromDocument(doc)));
        return all;
    }

    private static Document toDocument(ApiToken token) {
        return new Document("_id", token.id())
                .append("name", token.name())
                .append("role", token.role().name())
                .append("prefix", token.prefix())
                .append("createdAt", Date.from(token.createdAt()))
                .append("createdBy", token.createdBy())
                .append("revokedAt", token.revokedAt() == null ? null : Date.from(token.revokedAt()))
                .append("partnerId", token.partnerId());
    }

    private static ApiToken fromDocument(Document doc) {
        Date revoked = doc.getDate("revokedAt");
        return new ApiToken(doc.getString("_id"), doc.getString("name"), Role.valueOf(doc.getString("role")),
                doc.getString("prefix"), doc.getDate("createdAt").toInstant(), doc.getString("createdBy"),
                revoked == null ? null : revoked.toInstant(), doc.getString("partnerId"));
    }
}
