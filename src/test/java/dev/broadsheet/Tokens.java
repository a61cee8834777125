package dev.broadsheet;

import java.util.EnumMap;
import java.util.Map;

/**
 * Bearer tokens for each role, issued over GraphQL by the bootstrap admin, once per application.
 * {@code GraphQlHttp.at(port).header("Authorization", "Bearer " + tokens.editor())}.
 */
public final class Tokens {

    public enum Role { PARTNER, EDITOR, ADMIN, METRICS }

    private static final Map<Integer, Map<Role, String>> BY_PORT = new java.util.concurrent.ConcurrentHashMap<>();

    private Tokens() {
    }

    public static synchronized String forRole(int port, Role role) {
        Map<Role, String> tokens = BY_PORT.computeIfAbsent(port, p -> new EnumMap<>(Role.class));
        return tokens.computeIfAbsent(role, r -> r == Role.ADMIN ? ApiTest.ADMIN_TOKEN : issue(port, r));
    }

    /** A client for {@code role}, or an anonymous one for null. */
    public static GraphQlHttp client(int port, Role role) {
        GraphQlHttp anonymous = GraphQlHttp.at(port);
        return role == null ? anonymous : anonymous.header("Authorization", "Bearer " + forRole(port, role));
    }

    /** A PARTNER token needs a partner: the shared test partner (commercial, all sections, no embargo). */
    private static String issue(int port, Role role) {
        GraphQlHttp admin = GraphQlHttp.at(port).header("Authorization", "Bearer " + ApiTest.ADMIN_TOKEN);
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("name", "test " + role, "role", role.name()));
        if (role == Role.PARTNER) {
            variables.put("partnerId", admin.query("mutation { createPartner(input: {name: \"test partner\", "
                    + "commercial: true}) { id } }", Map.of()).data("createPartner.id").asString(null));
        }
        GraphQlHttp.Response response = admin.query("mutation($name: String!, $role: Role!, $partnerId: ID) { "
                + "createApiToken(name: $name, role: $role, partnerId: $partnerId) { secret } }", variables);
        String secret = response.data("createApiToken.secret").asString(null);
        if (secret == null) {
            throw new IllegalStateException("Could not issue a " + role + " token: " + response.body());
        }
        return secret;
    }
}
