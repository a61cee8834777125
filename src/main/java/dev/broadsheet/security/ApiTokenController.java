package dev.broadsheet.security;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @MutationMapping
    ApiTokenService.IssuedToken createApiToken(@Argument String name, @Argument Role role,
            @Argument String partnerId) {
        return tokens.create(name, role, partnerId);
    }

    @MutationMapping
    ApiToken revokeApiToken(@Argument String id) {
        return tokens.revoke(id);
    }

    @QueryMapping
    List<ApiToken> apiTokens() {
        return tokens.list();
    }
}
