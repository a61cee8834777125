package dev.broadsheet.api;

import java.util.Set;

/**
 * Whole responses to anonymous queries, tagged with the surrogate keys of what they were built from:
 * what the HTTP adapter needs of the response cache (serve a hit, store a fresh response) without
 * knowing how it is kept or purged.
 */
public interface CachedResponses {

    /** A stored response: the exact bytes served, the validator and the keys it was built from. */
    record Entry(byte[] body, String etag, String contentType, String surrogateKey, Set<String> tags) {
    }

    boolean enabled();

    /** The response stored under {@code key}, or null. */
    Entry get(String key);

    /** Taken before a response is executed and handed to {@link #put}. */
    long begin();

    /** Stores {@code entry} unless a write since {@code begun} reached its tags. */
    void put(String key, Entry entry, long begun);
}
