package dev.broadsheet.security;

/**
 * What a caller may do. Admins may do everything editors may; partners only read syndicated content;
 * a metrics scraper reads the actuator's metrics and Prometheus endpoints and, through GraphQL, no more
 * than an anonymous reader.
 */
public enum Role {
    PARTNER,
    EDITOR,
    ADMIN,
    METRICS;

    public boolean grants(Role needed) {
        return this == needed || (this == ADMIN && needed == EDITOR);
    }
}
