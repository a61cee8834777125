package dev.broadsheet.security;

/**
 * Who is making a request: an API token, a JWT subject, or an anonymous reader ({@code role} null).
 *
 * @param id   stable id for audit entries (token id or JWT subject)
 * @param name human-readable name (token name or the JWT's name claim)
 * @param partnerId the syndication partner a PARTNER token acts as; null otherwise
 */
public record Caller(String id, String name, Role role, String partnerId) {

    public static final Caller ANONYMOUS = new Caller("anonymous", "anonymous", null);

    /** A caller that acts for no syndication partner. */
    public Caller(String id, String name, Role role) {
        this(id, name, role, null);
    }

    public boolean isAnonymous() {
        return role == null;
    }

    public boolean has(Role needed) {
        return role != null && role.grants(needed);
    }

    /** Editors and admins: the staff who may read unpublished content. */
    public boolean isStaff() {
        return has(Role.EDITOR);
    }
}
