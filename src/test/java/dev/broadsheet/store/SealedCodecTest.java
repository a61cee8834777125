package dev.broadsheet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bson.codecs.configuration.CodecRegistries.fromProviders;
import static org.bson.codecs.configuration.CodecRegistries.fromRegistries;

import com.mongodb.MongoClientSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecRegistry;
import org.junit.jupiter.api.Test;

/** The sealed-family codec on its own: no database, no Spring. */
class SealedCodecTest {

    public sealed interface Shape {
    }

    public record Circle(int radius) implements Shape {
    }

    public record Label(String text, Instant at, Kind kind) implements Shape {
    }

    public enum Kind { PLAIN, BOLD }

    public record Drawing(String name, List<Shape> shapes) {
    }

    private final CodecRegistry registry = fromRegistries(
            fromProviders(SealedCodec.provider(Shape.class, "type", Map.of("circle", Circle.class, "label", Label.class))),
            MongoClientSettings.getDefaultCodecRegistry());

    @Test
    void membersOfAFamilyInsideARecordAreStoredWithTheirDiscriminatorAndReadBack() {
        Drawing drawing = new Drawing("d", List.of(new Circle(3), new Label("hi", Instant.parse("2024-01-01T00:00:00Z"),
                Kind.BOLD), new Label(null, null, Kind.PLAIN)));

        BsonDocument stored = encode(drawing);

        assertThat(stored.getArray("shapes").get(0).asDocument().toJson()).isEqualTo("{\"type\": \"circle\", \"radius\": 3}");
        BsonDocument label = stored.getArray("shapes").get(1).asDocument();
        assertThat(label.getString("type").getValue()).isEqualTo("label");
        assertThat(label.getString("kind").getValue()).isEqualTo("BOLD");
        assertThat(label.isDateTime("at")).isTrue();
        assertThat(stored.getArray("shapes").get(2).asDocument().containsKey("text")).as("nulls are left out").isFalse();
        assertThat(decode(stored)).isEqualTo(drawing);
    }

    @Test
    void anUnknownDiscriminatorIsRefusedRatherThanGuessed() {
        BsonDocument stored = BsonDocument.parse("{\"name\": \"d\", \"shapes\": [{\"type\": \"square\", \"side\": 2}]}");

        assertThatThrownBy(() -> decode(stored)).isInstanceOf(CodecConfigurationException.class)
                .hasMessageContaining("square");
    }

    private BsonDocument encode(Drawing drawing) {
        BsonDocument document = new BsonDocument();
        registry.get(Drawing.class).encode(new BsonDocumentWriter(document), drawing, EncoderContext.builder().build());
        return document;
    }

    private Drawing decode(BsonDocument document) {
        Codec<Drawing> codec = registry.get(Drawing.class);
        return codec.decode(new BsonDocumentReader(document), DecoderContext.builder().build());
    }
}
