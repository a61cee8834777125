package dev.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.broadsheet.ApiTest;
import dev.broadsheet.GraphQlHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class AttributionTest {

    @LocalServerPort
    int port;

    @Test
    void ccBySaNamesTitleAuthorSourceAndLicenceWithItsLink() {
        JsonNode asset = asset("sample-asset-picket");

        assertThat(asset.path("attribution").asString()).isEqualTo("“Picket line at the container gate” by Maren Holt "
                + "via Wikimedia Commons, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)");
        assertThat(asset.path("attributionHtml").asString())
                .contains("<a href=\"https://creativecommons.org/licenses/by-sa/4.0/\" rel=\"license\">CC BY-SA 4.0</a>")
                .contains("<a href=\"https://commons.wikimedia.org/\">Wikimedia Commons</a>");
        JsonNode licence = asset.path("licence");
        assertThat(licence.path("shareAlike").asBoolean()).isTrue();
        assertThat(licence.path("attributionRequired").asBoolean()).isTrue();
        assertThat(licence.path("commercialUse").asBoolean()).isTrue();
    }

    @Test
    void ccByHasNoShareAlikeTerm() {
        JsonNode asset = asset("sample-asset-banner");

        assertThat(asset.path("attribution").asString()).isEqualTo("“Union banner on Harbour Road” by Joe Mensah via "
                + "Flickr, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)");
        assertThat(asset.path("licence").path("shareAlike").asBoolean()).isFalse();
    }

    @Test
    void cc0IsCreditedAsAPublicDomainDedication() {
        JsonNode asset = asset("sample-asset-library");

        assertThat(asset.path("attribution").asString()).isEqualTo("“Reading room, Northfield branch library” by "
                + "Ines Carvalho via Wikimedia Commons, dedicated to the public domain "
                + "(CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/))");
        assertThat(asset.path("licence").path("attributionRequired").asBoolean()).isFalse();
    }

    @Test
    void agencyImagesCarryTheAgencyCreditAndNoReuse() {
        JsonNode asset = asset("sample-asset-choir");

        assertThat(asset.path("attribution").asString()).isEqualTo("“Harbour Choir in rehearsal” by Kasia Nowak via "
                + "Tidewater Photo Agency, credit: Kasia Nowak/Tidewater Photo Agency, supplied under agency licence, "
                + "not for reuse");
        assertThat(asset.path("licence").path("url").isNull()).isTrue();
    }

    @Test
    void anUnknownAssetIsNull() {
        assertThat(GraphQlHttp.at(port).document("media/asset", Map.of("id", "nope")).data("mediaAsset").isNull()).isTrue();
    }

    private JsonNode asset(String id) {
        GraphQlHttp.Response response = GraphQlHttp.at(port).document("media/asset", Map.of("id", id));
        assertThat(response.hasErrors()).as(response.body().toString()).isFalse();
        return response.data("mediaAsset");
    }
}
