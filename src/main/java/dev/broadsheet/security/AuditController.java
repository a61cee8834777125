package dev.broadsheet.security;

import dev.broadsheet.api.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @QueryMapping
    Connection<AuditEntry> auditLog(@Argument Integer first, @Argument String after, @Argument String entityId) {
        return audit.page(first, after, entityId);
    }
}
