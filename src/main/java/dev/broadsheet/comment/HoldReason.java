package dev.broadsheet.comment;

/** Why a new comment waits for a moderator instead of appearing at once. */
public enum HoldReason {
    /** The article is premoderated. */
    PREMODERATED,
    /** The body contains a link. */
    LINKS,
    /** The body contains a word from the configured list. */
    WORDS
}
