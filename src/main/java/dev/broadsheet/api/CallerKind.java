package dev.broadsheet.api;

/**
 * What the adapter needs to know about the caller of the current request (introspection, response
 * caching, per-role query limits) without knowing how they sign in.
 */
public interface CallerKind {

    /** The kinds of caller that query limits are set for. */
    enum Kind {
        ANONYMOUS, PARTNER, EDITOR, ADMIN, METRICS
    }

    boolean anonymous();

    /** The caller's kind: its role, or ANONYMOUS without a token. */
    Kind kind();
}
