package dev.broadsheet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} class against a MongoDB reached over a {@code mongodb://} URI, in a
 * database of its context's own, exactly as {@code -Dbroadsheet.test.mongodb-uri=...} runs the whole suite:
 * against that URI when one is named, otherwise against mongo-java-server started as a separate process
 * ({@link MongoServerProcess}). A few subclasses of data tests carry it, so every {@code mvn test} checks the
 * external-MongoDB path alongside the rest, in the same test JVMs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface ExternalMongo {
}
