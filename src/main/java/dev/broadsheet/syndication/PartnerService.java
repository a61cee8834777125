package dev.broadsheet.syndication;

import dev.broadsheet.api.ApiException;
import dev.broadsheet.api.ErrorCode;
import dev.broadsheet.api.Inputs;
import dev.broadsheet.security.AuditLog;
import dev.broadsheet.security.Caller;
import dev.broadsheet.security.Callers;
import dev.broadsheet.security.PartnerDirectory;
import dev.broadsheet.security.Role;
import java.time.Clock;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/** Partners (admins manage them) and who the current request acts for. */
@Service
class PartnerService implements PartnerDirectory {

    private final PartnerStore store;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    PartnerService(PartnerStore store, Callers callers, AuditLog audit, Clock clock) {
        this.store = store;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    Partner create(PartnerInput input) {
        Caller admin = callers.require(Role.ADMIN);
        Partner partner = required(input).toPartner(new ObjectId().toHexString(), clock.instant(), 1);
        store.insert(partner);
        audit.record(admin, "createPartner", "partner", partner.id(), partner.version());
        return partner;
    }

    Partner update(String id, long expectedVersion, PartnerInput input) {
        Caller admin = callers.require(Role.ADMIN);
        Inputs.requireText("id", id, 64);
        Partner current = store.find(id).orElseThrow(() -> ApiException.notFound("No partner " + id));
        Partner updated = store.replace(required(input).toPartner(id, current.createdAt(), expectedVersion + 1),
                expectedVersion);
        audit.record(admin, "updatePartner", "partner", id, updated.version());
        return updated;
    }

    List<Partner> list() {
        callers.require(Role.ADMIN);
        return store.findAll();
    }

    Partner get(String id) {
        callers.require(Role.ADMIN);
        return store.find(id).orElseThrow(() -> ApiException.notFound("No partner " + id));
    }

    @Override
    public boolean exists(String partnerId) {
        return store.find(partnerId).isPresent();
    }

    /**
     * The partner this request acts for: a PARTNER token's own partner (naming another one is
     * FORBIDDEN), or for admins the partner they name to see what it sees. Anyone else: FORBIDDEN.
     */
    Partner acting(String requestedPartnerId) {
        Caller caller = callers.current();
        if (caller.role() == Role.PARTNER) {
            if (caller.partnerId() == null) {
                throw forbidden("This partner token names no partner");
            }
            if (requestedPartnerId != null && !requestedPartnerId.equals(caller.partnerId())) {
                throw forbidden("A partner token sees only its own partner's data");
            }
            return store.find(caller.partnerId()).orElseThrow(() -> forbidden("This token's partner no longer exists"));
        }
        if (caller.has(Role.ADMIN)) {
            if (requestedPartnerId == null) {
                throw ApiException.validation("partnerId", "Admins name the partner whose view they want");
            }
            return store.find(requestedPartnerId).orElseThrow(() -> ApiException.notFound("No partner " + requestedPartnerId));
        }
        throw forbidden("Syndication is for partner tokens");
    }

    /** Admins, or the partner itself for its own data. */
    void requireAdminOrSelf(String partnerId) {
        Caller caller = callers.current();
        if (caller.has(Role.ADMIN)) {
            return;
        }
        if (caller.role() == Role.PARTNER && caller.partnerId() != null && caller.partnerId().equals(partnerId)) {
            return;
        }
        throw forbidden("Only admins or the partner itself may see this");
    }

    private static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    private static PartnerInput required(PartnerInput input) {
        if (input == null) {
            throw ApiException.validation("input", "input is required");
        }
        return input;
    }
}
