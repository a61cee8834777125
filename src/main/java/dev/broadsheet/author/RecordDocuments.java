package dev.broadsheet.author;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;

/**
 * The driver's record codec for one record type, for the places that need field-by-field updates (the
 * shared versioned update works on documents): encode a record to its fields, decode a document back.
 */
final class RecordDocuments<T> {

    private final Codec<T> codec;
    private final MongoDatabase database;
    private final List<String> fields = new ArrayList<>();

    RecordDocuments(MongoDatabase database, Class<T> type) {
        this.database = database;
        this.codec = database.getCodecRegistry().get(type);
        for (RecordComponent component : type.getRecordComponents()) {
            fields.add(component.isAnnotationPresent(BsonId.class) ? "_id" : component.getName());
        }
    }

    BsonDocument encode(T value) {
        BsonDocument bson = new BsonDocument();
        codec.encode(new BsonDocumentWriter(bson), value, EncoderContext.builder().build());
        return bson;
    }

    T decode(Document doc) {
        BsonDocument bson = doc.toBsonDocument(Document.class, database.getCodecRegistry());
        return codec.decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    /**
     * {@code $set} of every field but {@code _id} and {@code version}, for a versioned update, and
     * {@code $unset} of the null ones (the codec leaves nulls out).
     */
    List<Bson> setsOf(T value) {
        BsonDocument encoded = encode(value);
        List<Bson> sets = new ArrayList<>();
        for (String field : fields) {
            if (field.equals("_id") || field.equals("version")) {
                continue;
            }
            sets.add(encoded.containsKey(field) ? Updates.set(field, encoded.get(field)) : Updates.unset(field));
        }
        return sets;
    }
}
