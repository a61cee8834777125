package dev.broadsheet.media;

/** A named person or organisation, with an optional link (a creator or a source). */
public record Credit(String name, String url) {
}
