package dev.broadsheet.syndication;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.store.ById;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

@Repository
class PartnerStore {

    private final MongoCollection<Partner> partners;

    PartnerStore(MongoDatabase database) {
        this.partners = database.getCollection("partners", Partner.class);
    }

    void insert(Partner partner) {
        partners.insertOne(partner);
    }

    Optional<Partner> find(String id) {
        return ById.find(partners, id);
    }

    List<Partner> findAll() {
        return partners.find().sort(new Document("createdAt", 1)).into(new ArrayList<>());
    }

    /** Replaces the partner if it is still at {@code expectedVersion}; else VERSION_CONFLICT or NOT_FOUND. */
    Partner replace(Partner updated, long expectedVersion) {
        long matched = partners.replaceOne(and(eq("_id", updated.id()), eq("version", expectedVersion)), updated)
                .getMatchedCount();
        if (matched == 1) {
            return updated;
        }
        Partner current = find(updated.id()).orElseThrow(() -> ApiException.notFound("No partner " + updated.id()));
        throw new ApiException(ErrorCode.VERSION_CONFLICT, "Someone else saved version " + current.version()
                + " first; reload and reapply your change",
                Map.of("currentVersion", current.version(), "expectedVersion", expectedVersion));
    }
}
