package dev.broadsheet.security;

import dev.broadsheet.store.StartupMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first admin: the configured bootstrap token, or, with none configured and outside the
 * {@code production} profile, a generated one printed once so a new user can try mutations at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BootstrapAdminToken implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminToken.class);

    private final SecurityProperties properties;
    private final ApiTokenService tokens;
    private final StartupMarkers markers;

    BootstrapAdminToken(SecurityProperties properties, ApiTokenService tokens, StartupMarkers markers) {
        this.properties = properties;
        this.tokens = tokens;
        this.markers = markers;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.bootstrapAdminToken();
        if (configured != null && !configured.isBlank()) {
            if (!configured.strip().startsWith(ApiTokenService.SECRET_PREFIX) || configured.strip().length() < 20) {
                throw new IllegalStateException("broadsheet.security.bootstrap-admin-token must start with '"
                        + ApiTokenService.SECRET_PREFIX + "' and be at least 20 characters long");
            }
            tokens.ensureBootstrapAdmin(configured.strip());
            return;
        }
        if (properties.generateBootstrapToken() && markers.claim("bootstrap-admin-token")) {
            String secret = tokens.generateBootstrapAdmin();
            log.warn("""

                    ================================================================================
                    Generated an admin API token (shown once, stored hashed):

                        {}

                    Use it as 'Authorization: Bearer <token>'. To choose your own instead, set
                    BROADSHEET_SECURITY_BOOTSTRAP_ADMIN_TOKEN.
                    ================================================================================""", secret);
        }
    }
}
