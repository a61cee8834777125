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
import dev.broadsheet.store.Codecs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** The {@code api_tokens} collection: each token with the hash of its secret (never the secret). */
@Repository
class ApiTokenStore {

    static final String COLLECTION = "api_tokens";

    private final MongoCollection<ApiToken> tokens;

    ApiTokenStore(MongoDatabase database) {
        this.tokens = Codecs.collection(database, COLLECTION, ApiToken.class);
        tokens.createIndex(new Document("hash", 1), new IndexOptions().unique(true));
    }

    void save(ApiToken token, String hash) {
        BsonDocument document = Codecs.encode(tokens, token);
        document.put("hash", new BsonString(hash));
        tokens.withDocumentClass(BsonDocument.class).replaceOne(eq("_id", token.id()), document,
                new ReplaceOptions().upsert(true));
    }

    Optional<ApiToken> findActiveByHash(String hash) {
        return Optional.ofNullable(tokens.find(and(eq("hash", hash), eq("revokedAt", null))).first());
    }

    Optional<ApiToken> revoke(String id, Instant at) {
        return Optional.ofNullable(tokens.findOneAndUpdate(and(eq("_id", id), eq("revokedAt", null)),
                Updates.set("revokedAt", at), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    List<ApiToken> findAll() {
        return tokens.find().sort(new Document("createdAt", 1)).into(new ArrayList<>());
    }
}
