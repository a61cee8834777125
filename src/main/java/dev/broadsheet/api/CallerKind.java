package dev.broadsheet.api;

/**
 * Whether the current request comes from an anonymous reader: what the adapter needs to know about
 * callers (introspection, response caching) without knowing how they sign in.
 */
public interface CallerKind {

    boolean anonymous();
}
