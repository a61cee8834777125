package dev.broadsheet.article;

import java.time.Instant;

/** A public note that a published article was corrected, updated or clarified, and when. */
public record Correction(Kind kind, String text, Instant at) {

    public enum Kind { CORRECTION, UPDATE, CLARIFICATION }
}
