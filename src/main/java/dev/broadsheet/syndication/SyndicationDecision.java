package dev.broadsheet.syndication;

/** What a partner receives of an image. */
public enum SyndicationDecision {
    /** The asset, with its attribution and obligations. */
    DELIVER,
    /** Nothing: not the asset, not its URL. */
    OMIT,
    /** The configured placeholder asset instead. */
    REPLACE
}
