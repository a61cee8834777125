package dev.broadsheet.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.media.Licence;
import dev.broadsheet.media.Licences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every licence in the catalogue × commercial or not × cropped or not × cleared for the partner or not. */
class LicenceDecisionsTest {

    /** How each catalogue licence is expected to travel, written out by hand (not read from its flags). */
    private enum Rule { FREE, OPEN, NON_COMMERCIAL, NO_DERIVATIVES, NON_COMMERCIAL_NO_DERIVATIVES, GRANT_ONLY }

    private static final Map<String, Rule> EXPECTED = Map.ofEntries(
            Map.entry("CC-BY-4.0", Rule.OPEN), Map.entry("CC-BY-SA-4.0", Rule.OPEN),
            Map.entry("CC-BY-NC-4.0", Rule.NON_COMMERCIAL), Map.entry("CC-BY-ND-4.0", Rule.NO_DERIVATIVES),
            Map.entry("CC-BY-NC-SA-4.0", Rule.NON_COMMERCIAL),
            Map.entry("CC-BY-NC-ND-4.0", Rule.NON_COMMERCIAL_NO_DERIVATIVES),
            Map.entry("CC-BY-3.0", Rule.OPEN), Map.entry("CC-BY-SA-3.0", Rule.OPEN),
            Map.entry("CC-BY-2.0", Rule.OPEN), Map.entry("CC-BY-SA-2.0", Rule.OPEN),
            Map.entry("CC0-1.0", Rule.FREE), Map.entry("PDM-1.0", Rule.FREE), Map.entry("OWNED", Rule.FREE),
            Map.entry("ALL-RIGHTS-RESERVED", Rule.GRANT_ONLY), Map.entry("AGENCY", Rule.GRANT_ONLY));

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (Licence licence : Licences.all()) {
            for (boolean commercial : new boolean[] {true, false}) {
                for (boolean cropped : new boolean[] {true, false}) {
                    for (boolean granted : new boolean[] {true, false}) {
                        cases.add(Arguments.of(licence.id(), commercial, cropped, granted));
                    }
                }
            }
        }
        return cases.stream();
    }

    @Test
    void everyLicenceInTheCatalogueHasAnExpectedRule() {
        assertThat(Licences.all()).extracting(Licence::id).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0} commercial={1} cropped={2} granted={3}")
    @MethodSource("everyCase")
    void decisionFollowsTheLicenceTerms(String licenceId, boolean commercial, boolean cropped, boolean granted) {
        List<String> grants = granted ? List.of("p1", "other") : List.of("other");
        LicenceDecisions.Verdict verdict = LicenceDecisions.decide(
                new LicenceDecisions.Question(licenceId, grants, "p1", commercial, cropped));

        boolean deliverable = switch (EXPECTED.get(licenceId)) {
            case FREE, OPEN -> true;
            case NON_COMMERCIAL -> !commercial;
            case NO_DERIVATIVES -> !cropped;
            case NON_COMMERCIAL_NO_DERIVATIVES -> !commercial && !cropped;
            case GRANT_ONLY -> granted;
        };
        assertThat(verdict.decision()).isEqualTo(deliverable ? SyndicationDecision.DELIVER : SyndicationDecision.OMIT);
        assertThat(verdict.reason()).isNotBlank();
        if (!deliverable) {
            assertThat(verdict.obligations()).isEmpty();
        }
    }

    @Test
    void attributionAndShareAlikeAreStatedAsObligations() {
        LicenceDecisions.Verdict verdict = LicenceDecisions.decide(
                new LicenceDecisions.Question("CC-BY-SA-4.0", List.of(), "p1", true, true));
        assertThat(verdict.obligations()).anySatisfy(o -> assertThat(o).contains("attribution"))
                .anySatisfy(o -> assertThat(o).contains("share-alike"));
        assertThat(LicenceDecisions.decide(new LicenceDecisions.Question("CC0-1.0", List.of(), "p1", true, true))
                .obligations()).isEmpty();
    }

    @Test
    void anUnknownLicenceIsNeverDelivered() {
        for (String unknown : new String[] {"CC-BY-5.0", "", null}) {
            LicenceDecisions.Verdict verdict = LicenceDecisions.decide(
                    new LicenceDecisions.Question(unknown, List.of("p1"), "p1", false, false));
            assertThat(verdict.decision()).isEqualTo(SyndicationDecision.OMIT);
        }
    }

    @Test
    void aRefusalBecomesReplaceOnlyWhenAPlaceholderIsConfigured() {
        LicenceDecisions.Question agency = new LicenceDecisions.Question("AGENCY", List.of(), "p1", false, false);
        assertThat(LicenceDecisions.decide(agency, true).decision()).isEqualTo(SyndicationDecision.REPLACE);
        assertThat(LicenceDecisions.decide(agency, false).decision()).isEqualTo(SyndicationDecision.OMIT);
        LicenceDecisions.Question open = new LicenceDecisions.Question("CC-BY-4.0", List.of(), "p1", true, true);
        assertThat(LicenceDecisions.decide(open, true).decision()).isEqualTo(SyndicationDecision.DELIVER);
    }
}
