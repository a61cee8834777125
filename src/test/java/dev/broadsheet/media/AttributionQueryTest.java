package dev.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.Testers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A reader gets an asset's attribution and licence terms through GraphQL (Spring's HttpGraphQlTester, the
 * {@code media/asset} document). How each licence is worded is {@link AttributionTest}'s.
 */
@ApiTest
class AttributionQueryTest {

    @LocalServerPort
    int port;

    @Test
    void aSampleAssetCarriesItsAttributionLineHtmlAndLicenceTerms() {
        GraphQlTester.Response asset = asset("sample-asset-picket");

        asset.path("mediaAsset.attribution").entity(String.class).isEqualTo("“Picket line at the container gate” by "
                + "Maren Holt via Wikimedia Commons, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)");
        assertThat(asset.path("mediaAsset.attributionHtml").entity(String.class).get())
                .contains("<a href=\"https://creativecommons.org/licenses/by-sa/4.0/\" rel=\"license\">CC BY-SA 4.0</a>")
                .contains("<a href=\"https://commons.wikimedia.org/\">Wikimedia Commons</a>");
        asset.path("mediaAsset.licence.shareAlike").entity(Boolean.class).isEqualTo(true);
        asset.path("mediaAsset.licence.attributionRequired").entity(Boolean.class).isEqualTo(true);
        asset.path("mediaAsset.licence.commercialUse").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void theAgencyAssetHasNoLicenceLink() {
        GraphQlTester.Response asset = asset("sample-asset-choir");

        assertThat(asset.path("mediaAsset.attribution").entity(String.class).get())
                .endsWith("credit: Kasia Nowak/Tidewater Photo Agency, supplied under agency licence, not for reuse");
        asset.path("mediaAsset.licence.url").valueIsNull();
    }

    @Test
    void anUnknownAssetIsNull() {
        asset("nope").path("mediaAsset").valueIsNull();
    }

    private GraphQlTester.Response asset(String id) {
        GraphQlTester.Response response = Testers.anonymous(port).documentName("media/asset").variable("id", id).execute();
        response.errors().verify();
        return response;
    }
}
