package dev.broadsheet.store;

/** An update named a document that does not exist. Nothing was written. */
public final class NoSuchDocumentException extends RuntimeException {

    NoSuchDocumentException(String collection, String id) {
        super("No " + collection + " document " + id, null, false, false);
    }
}
