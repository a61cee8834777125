package dev.broadsheet.syndication;

import dev.broadsheet.media.Licence;
import dev.broadsheet.media.Licences;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an image may travel to a partner, by its licence terms: one pure function, table-tested.
 * A licence it does not know is never delivered (fail closed).
 */
final class LicenceDecisions {

    /** The decision, why, and what the partner must do when it prints the image. */
    record Verdict(SyndicationDecision decision, String reason, List<String> obligations) {

        boolean delivered() {
            return decision == SyndicationDecision.DELIVER;
        }
    }

    /** The facts the decision depends on. */
    record Question(String licenceId, List<String> grants, String partnerId, boolean commercialPartner,
            boolean cropped) {
    }

    private LicenceDecisions() {
    }

    /** Decides; a refusal becomes REPLACE when a placeholder is configured, else OMIT. */
    static Verdict decide(Question question, boolean placeholderAvailable) {
        Verdict verdict = decide(question);
        if (verdict.delivered() || !placeholderAvailable) {
            return verdict;
        }
        return new Verdict(SyndicationDecision.REPLACE, verdict.reason() + "; the placeholder image is sent instead",
                List.of());
    }

    static Verdict decide(Question question) {
        Licence licence = Licences.byId(question.licenceId()).orElse(null);
        if (licence == null) {
            return omit("Unknown licence " + question.licenceId() + ": not delivered");
        }
        return switch (licence.kind()) {
            case PUBLIC_DOMAIN -> deliver(licence.name() + ": public domain, no conditions", List.of());
            case OWNED -> deliver("The newsroom's own image", List.of("Credit the newsroom as the attribution line says"));
            case OPEN_LICENCE -> openLicence(licence, question);
            case ALL_RIGHTS_RESERVED, AGENCY -> cleared(licence, question);
        };
    }

    private static Verdict openLicence(Licence licence, Question question) {
        if (!licence.commercialUse() && question.commercialPartner()) {
            return omit(licence.name() + " is non-commercial and this partner is commercial");
        }
        if (!licence.derivativesAllowed() && question.cropped()) {
            return omit(licence.name() + " allows no derivatives: only the uncropped image may travel, this usage is cropped");
        }
        List<String> obligations = new ArrayList<>();
        obligations.add("Print the attribution line with the image");
        if (licence.shareAlike()) {
            obligations.add("Share adaptations under " + licence.name() + " (share-alike)");
        }
        if (!licence.commercialUse()) {
            obligations.add("Non-commercial use only");
        }
        if (!licence.derivativesAllowed()) {
            obligations.add("Do not crop or alter the image");
        }
        return deliver(licence.name() + " allows it with attribution", obligations);
    }

    private static Verdict cleared(Licence licence, Question question) {
        if (question.partnerId() != null && question.grants().contains(question.partnerId())) {
            return deliver(licence.name() + ": the rights holder cleared this partner",
                    List.of("Print the credit line with the image", "Use only with this article"));
        }
        return omit(licence.name() + ": the rights holder has not cleared this partner");
    }

    private static Verdict deliver(String reason, List<String> obligations) {
        return new Verdict(SyndicationDecision.DELIVER, reason, List.copyOf(obligations));
    }

    private static Verdict omit(String reason) {
        return new Verdict(SyndicationDecision.OMIT, reason, List.of());
    }
}
