package dev.broadsheet.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapAdminToken an admin token to accept from the first start (env
 *                            {@code BROADSHEET_SECURITY_BOOTSTRAP_ADMIN_TOKEN}); stored hashed
 * @param jwtRolesClaim       the JWT claim listing Broadsheet roles (EDITOR, ADMIN, PARTNER)
 * @param generateBootstrapToken with no bootstrap token configured, generate one on the first start
 *                            and print it once (off in the {@code production} profile)
 */
@ConfigurationProperties("broadsheet.security")
public record SecurityProperties(
        String bootstrapAdminToken,
        @DefaultValue("roles") String jwtRolesClaim,
        @DefaultValue("true") boolean generateBootstrapToken) {
}
