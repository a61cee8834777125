package dev.broadsheet.store;

import static org.bson.codecs.configuration.CodecRegistries.fromProviders;
import static org.bson.codecs.configuration.CodecRegistries.fromRegistries;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonNull;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.conversions.Bson;

/**
 * Collections of records. The driver's default registry maps records (with {@code @BsonId} on the id),
 * enums by name and {@code java.time} values; a feature adds codecs such as a {@link SealedCodec}.
 */
public final class Codecs {

    private Codecs() {
    }

    public static <T> MongoCollection<T> collection(MongoDatabase database, String name, Class<T> type,
            CodecProvider... extra) {
        MongoCollection<T> collection = database.getCollection(name, type);
        return extra.length == 0 ? collection
                : collection.withCodecRegistry(fromRegistries(fromProviders(extra), database.getCodecRegistry()));
    }

    /** {@code value} as the collection stores it (fields that are null are left out). */
    @SuppressWarnings("unchecked")
    public static <T> BsonDocument encode(MongoCollection<T> collection, T value) {
        BsonDocument document = new BsonDocument();
        Codec<T> codec = (Codec<T>) collection.getCodecRegistry().get(value.getClass());
        codec.encode(new BsonDocumentWriter(document), value, EncoderContext.builder().build());
        return document;
    }

    /** Reads a stored document as the collection's record type. */
    public static <T> T decode(MongoCollection<T> collection, BsonDocument document) {
        Codec<T> codec = collection.getCodecRegistry().get(collection.getDocumentClass());
        return codec.decode(new BsonDocumentReader(document), DecoderContext.builder().build());
    }

    /**
     * {@code $set}s of every field of record {@code value} but its id and those named in {@code except} (a null
     * component is set to null, so clearing a field clears it in the store).
     */
    public static <T extends Record> List<Bson> setAll(MongoCollection<T> collection, T value, Set<String> except) {
        BsonDocument encoded = encode(collection, value);
        List<Bson> sets = new ArrayList<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            String field = component.getName();
            if (!field.equals("id") && !except.contains(field)) {
                sets.add(Updates.set(field, encoded.get(field, BsonNull.VALUE)));
            }
        }
        return sets;
    }
}
