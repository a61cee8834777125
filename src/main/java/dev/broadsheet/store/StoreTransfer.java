package dev.broadsheet.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Export and import of a whole database as MongoDB Extended JSON (canonical), one file per collection
 * ({@code <collection>.json}, one document per line): what {@code mongoimport --collection <name>
 * --file <name>.json} reads, and what this writes back. Works on the embedded store and on MongoDB alike.
 */
public final class StoreTransfer {

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int BATCH = 500;

    private StoreTransfer() {
    }

    /** Writes every collection to {@code dir}; returns the number of documents per collection. */
    public static Map<String, Long> export(MongoDatabase database, Path dir) {
        Map<String, Long> counts = new TreeMap<>();
        try {
            Files.createDirectories(dir);
            for (String name : database.listCollectionNames()) {
                if (name.startsWith("system.")) {
                    continue;
                }
                Path partial = dir.resolve(name + ".json.partial");
                long count = 0;
                try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    for (BsonDocument doc : database.getCollection(name, BsonDocument.class).find().sort(Sorts.ascending("_id"))) {
                        out.write(doc.toJson(CANONICAL));
                        out.newLine();
                        count++;
                    }
                }
                Files.move(partial, dir.resolve(name + ".json"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                counts.put(name, count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export to " + dir + ": " + e.getMessage(), e);
        }
        return counts;
    }

    /**
     * Loads every {@code *.json} file of {@code dir} into the collection of the same name. Refuses a
     * database that holds any document unless {@code force}, which replaces documents with the same _id.
     */
    public static Map<String, Long> importInto(MongoDatabase database, Path dir, boolean force) {
        if (!force) {
            List<String> nonEmpty = new ArrayList<>();
            for (String name : database.listCollectionNames()) {
                if (!name.startsWith("system.") && database.getCollection(name).estimatedDocumentCount() > 0) {
                    nonEmpty.add(name);
                }
            }
            if (!nonEmpty.isEmpty()) {
                throw new IllegalStateException("The database " + database.getName() + " is not empty (" + nonEmpty
                        + "); import into an empty database, or add --force to replace documents with the same _id");
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                counts.put(name, load(database.getCollection(name, BsonDocument.class), file, force));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the export in " + dir + ": " + e.getMessage(), e);
        }
        return counts;
    }

    private static long load(MongoCollection<BsonDocument> collection, Path file, boolean replace) throws IOException {
        long count = 0;
        List<BsonDocument> batch = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                batch.add(BsonDocument.parse(line));
                count++;
                if (batch.size() == BATCH) {
                    write(collection, batch, replace);
                }
            }
        }
        write(collection, batch, replace);
        return count;
    }

    private static void write(MongoCollection<BsonDocument> collection, List<BsonDocument> batch, boolean replace) {
        if (batch.isEmpty()) {
            return;
        }
        if (replace) {
            collection.bulkWrite(batch.stream().map(doc -> new ReplaceOneModel<>(new BsonDocument("_id", doc.get("_id")), doc,
                    new ReplaceOptions().upsert(true))).toList());
        } else {
            collection.insertMany(batch);
        }
        batch.clear();
    }
}
