package dev.broadsheet.security;

/**
 * Who is making a request: an API token, a JWT subject, or an anonymous reader ({@code role} null).
 *
 * @param id   stable id for audit entries (token id or JWT subject)
 * @param name human-readable name (token name or the JWT's name claim)
 */
public record Caller(String id, String name, Role role) {

    public static final Caller ANONYMOUS = new Caller("anonymous", "anonymous", null);

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
