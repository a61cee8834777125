package dev.broadsheet.security;

/** What a caller may do. Admins may do everything editors may; partners only read syndicated content. */
public enum Role {
    PARTNER,
    EDITOR,
    ADMIN;

    public boolean grants(Role needed) {
        return this == needed || (this == ADMIN && needed == EDITOR);
    }
}
