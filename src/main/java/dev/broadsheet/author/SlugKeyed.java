package dev.broadsheet.author;

/** Sections and tags: keyed by the slug articles carry, which therefore never changes. */
interface SlugKeyed {

    String slug();

    long version();
}
