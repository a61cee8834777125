package dev.broadsheet.security;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.Hashes;
import dev.broadsheet.api.Inputs;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Issues, checks and revokes API tokens. Secrets are random, shown once, and stored only as SHA-256. */
@Service
public class ApiTokenService {

    static final String SECRET_PREFIX = "bs_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenStore store;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<PartnerDirectory> partners;

    ApiTokenService(ApiTokenStore store, Callers callers, AuditLog audit, Clock clock,
            ObjectProvider<PartnerDirectory> partners) {
        this.partners = partners;
        this.store = store;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token and its secret; the secret exists only in this value. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    /** Issues a token; a PARTNER token must name an existing partner, other roles none. */
    public IssuedToken create(String name, Role role, String partnerId) {
        Caller admin = callers.require(Role.ADMIN);
        Inputs.requireText("name", name, 100);
        if (role == null) {
            throw ApiException.validation("role", "role is required");
        }
        checkPartner(role, partnerId);
        IssuedToken issued = issue(name.strip(), role, partnerId, admin.id(), newSecret());
        audit.record(admin, "createApiToken", "apiToken", issued.token().id(), 1);
        return issued;
    }

    private void checkPartner(Role role, String partnerId) {
        if (role != Role.PARTNER) {
            if (partnerId != null) {
                throw ApiException.validation("partnerId", "Only a PARTNER token names a partner");
            }
            return;
        }
        if (partnerId == null || partnerId.isBlank()) {
            throw ApiException.validation("partnerId", "A PARTNER token must name the partner it acts as");
        }
        if (partners.getIfAvailable() == null || !partners.getIfAvailable().exists(partnerId)) {
            throw ApiException.validation("partnerId", "No partner " + partnerId);
        }
    }

    public ApiToken revoke(String id) {
        Caller admin = callers.require(Role.ADMIN);
        ApiToken revoked = store.revoke(id, clock.instant()).orElseThrow(
                () -> ApiException.notFound("No active token " + id));
        audit.record(admin, "revokeApiToken", "apiToken", id, 1);
        return revoked;
    }

    public List<ApiToken> list() {
        callers.require(Role.ADMIN);
        return store.findAll();
    }

    Optional<Caller> authenticate(String secret) {
        return store.findActiveByHash(hash(secret)).map(token -> new Caller(token.id(), token.name(), token.role(), token.partnerId()));
    }

    /** Makes sure {@code secret} is an active admin token (the configured bootstrap token). */
    void ensureBootstrapAdmin(String secret) {
        if (store.findActiveByHash(hash(secret)).isEmpty()) {
            issue("bootstrap admin", Role.ADMIN, null, "configuration", secret);
        }
    }

    /** Generates a bootstrap admin token and returns its secret, to be shown once. */
    String generateBootstrapAdmin() {
        return issue("bootstrap admin (generated)", Role.ADMIN, null, "first start", newSecret()).secret();
    }

    private IssuedToken issue(String name, Role role, String partnerId, String createdBy, String secret) {
        ApiToken token = new ApiToken(new ObjectId().toHexString(), name, role,
                secret.substring(0, Math.min(8, secret.length())), clock.instant(), createdBy, null, partnerId);
        store.save(token, hash(secret));
        return new IssuedToken(token, secret);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return Hashes.sha256Hex(secret);
    }
}
