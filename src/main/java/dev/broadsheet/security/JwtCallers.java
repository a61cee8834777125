package dev.broadsheet.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Callers from the admin UI's identity provider: a valid JWT whose roles claim names a Broadsheet role. */
final class JwtCallers {

    private final JwtDecoder decoder;
    private final String rolesClaim;

    JwtCallers(JwtDecoder decoder, String rolesClaim) {
        this.decoder = decoder;
        this.rolesClaim = rolesClaim;
    }

    Optional<Caller> authenticate(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            return strongestRole(jwt.getClaim(rolesClaim)).map(role -> new Caller("jwt:" + jwt.getSubject(),
                    Optional.ofNullable(jwt.getClaimAsString("name")).orElse(jwt.getSubject()), role));
        } catch (JwtException e) {
            return Optional.empty();
        }
    }

    private static Optional<Role> strongestRole(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
        return values.stream()
                .map(value -> value.toString().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", ""))
                .flatMap(name -> java.util.Arrays.stream(Role.values()).filter(role -> role.name().equals(name)))
                .max(Enum::compareTo);
    }
}
