package dev.broadsheet.store;

import java.util.HashMap;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonWriter;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * One codec for a sealed family of records: each is stored by the driver's record codec, with a
 * discriminator field naming its kind ({@code {"type": "paragraph", ...}}).
 */
public final class SealedCodec<T> implements Codec<T> {

    private static final BsonDocumentCodec DOCUMENTS = new BsonDocumentCodec();

    private final Class<T> family;
    private final String discriminator;
    private final Map<String, Class<? extends T>> byName;
    private final Map<Class<?>, String> byType = new HashMap<>();
    private final CodecRegistry registry;

    private SealedCodec(Class<T> family, String discriminator, Map<String, Class<? extends T>> byName,
            CodecRegistry registry) {
        this.family = family;
        this.discriminator = discriminator;
        this.byName = Map.copyOf(byName);
        this.registry = registry;
        byName.forEach((name, type) -> byType.put(type, name));
    }

    /** A provider of the codec for {@code family}, whose members are named in {@code byName}. */
    public static <T> CodecProvider provider(Class<T> family, String discriminator,
            Map<String, Class<? extends T>> byName) {
        return new CodecProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <C> Codec<C> get(Class<C> clazz, CodecRegistry registry) {
                return clazz == family ? (Codec<C>) new SealedCodec<>(family, discriminator, byName, registry) : null;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void encode(BsonWriter writer, T value, EncoderContext context) {
        String name = byType.get(value.getClass());
        if (name == null) {
            throw new CodecConfigurationException("No " + discriminator + " name for " + value.getClass().getName());
        }
        BsonDocument fields = new BsonDocument();
        Codec<T> codec = (Codec<T>) registry.get(value.getClass());
        codec.encode(new org.bson.BsonDocumentWriter(fields), value, context);
        BsonDocument document = new BsonDocument(discriminator, new BsonString(name));
        document.putAll(fields);
        DOCUMENTS.encode(writer, document, context);
    }

    @Override
    public T decode(BsonReader reader, DecoderContext context) {
        BsonDocument document = DOCUMENTS.decode(reader, context);
        String name = document.getString(discriminator, new BsonString("")).getValue();
        Class<? extends T> type = byName.get(name);
        if (type == null) {
            throw new CodecConfigurationException("Unknown " + family.getSimpleName() + " " + discriminator + " '" + name + "'");
        }
        return registry.get(type).decode(new BsonDocumentReader(document), context);
    }

    @Override
    public Class<T> getEncoderClass() {
        return family;
    }
}
