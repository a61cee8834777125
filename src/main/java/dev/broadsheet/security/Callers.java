package dev.broadsheet.security;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.CallerKind;
import dev.broadsheet.api.ErrorCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, and the role checks every mutation and unpublished read makes. */
@Component
public class Callers implements CallerKind {

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication caller ? caller.caller() : Caller.ANONYMOUS;
    }

    @Override
    public boolean anonymous() {
        return current().isAnonymous();
    }

    @Override
    public Kind kind() {
        Role role = current().role();
        return role == null ? Kind.ANONYMOUS : Kind.valueOf(role.name());
    }

    /** The current caller, if it holds {@code role}; otherwise UNAUTHENTICATED (anonymous) or FORBIDDEN. */
    public Caller require(Role role) {
        Caller caller = current();
        if (caller.isAnonymous()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in with a bearer token to do this");
        }
        if (!caller.has(role)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This needs the " + role + " role");
        }
        return caller;
    }
}
