package dev.broadsheet.store;

/**
 * A document that readers or partners can see was written: by this instance ({@code local}) or, as
 * learned by following the write sequence, by another one.
 */
public record EntityChanged(String collection, String id, long seq, boolean local) {
}
