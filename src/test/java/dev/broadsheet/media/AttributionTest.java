package dev.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The attribution line each licence asks for (title, author, source, licence) and the terms a licence
 * implies, as pure logic. {@link AttributionQueryTest} reads one through GraphQL.
 */
class AttributionTest {

    static final MediaAsset PICKET = new MediaAsset("picket", "Picket line at the container gate",
            "https://media.example/picket.jpg", 4000, 2667,
            new Credit("Maren Holt", "https://commons.wikimedia.org/wiki/User:Example-Maren-Holt"),
            new Credit("Wikimedia Commons", "https://commons.wikimedia.org/"), null, "CC-BY-SA-4.0", 1);

    @Test
    void ccBySaNamesTitleAuthorSourceAndLicenceWithItsLink() {
        assertThat(Attribution.text(PICKET, null)).isEqualTo("“Picket line at the container gate” by Maren Holt "
                + "via Wikimedia Commons, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)");
        assertThat(Attribution.html(PICKET, null))
                .contains("<a href=\"https://creativecommons.org/licenses/by-sa/4.0/\" rel=\"license\">CC BY-SA 4.0</a>")
                .contains("<a href=\"https://commons.wikimedia.org/\">Wikimedia Commons</a>")
                .contains("by <a href=\"https://commons.wikimedia.org/wiki/User:Example-Maren-Holt\">Maren Holt</a>");
        assertThat(PICKET.licence().shareAlike()).isTrue();
        assertThat(PICKET.licence().attributionRequired()).isTrue();
        assertThat(PICKET.licence().commercialUse()).isTrue();
    }

    @Test
    void ccByHasNoShareAlikeTerm() {
        MediaAsset banner = asset("Union banner on Harbour Road", new Credit("Joe Mensah", null), new Credit("Flickr", null),
                null, "CC-BY-4.0");

        assertThat(Attribution.text(banner, null)).isEqualTo("“Union banner on Harbour Road” by Joe Mensah via "
                + "Flickr, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)");
        assertThat(banner.licence().shareAlike()).isFalse();
        assertThat(banner.licence().attributionRequired()).isTrue();
    }

    @Test
    void cc0IsCreditedAsAPublicDomainDedication() {
        MediaAsset library = asset("Reading room, Northfield branch library", new Credit("Ines Carvalho", null),
                new Credit("Wikimedia Commons", null), null, "CC0-1.0");

        assertThat(Attribution.text(library, null)).isEqualTo("“Reading room, Northfield branch library” by "
                + "Ines Carvalho via Wikimedia Commons, dedicated to the public domain "
                + "(CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/))");
        assertThat(library.licence().attributionRequired()).isFalse();
    }

    @Test
    void agencyImagesCarryTheAgencyCreditAndNoReuse() {
        MediaAsset choir = asset("Harbour Choir in rehearsal", new Credit("Kasia Nowak", null),
                new Credit("Tidewater Photo Agency", "https://agency.example/"), "Kasia Nowak/Tidewater Photo Agency", "AGENCY");

        assertThat(Attribution.text(choir, null)).isEqualTo("“Harbour Choir in rehearsal” by Kasia Nowak via "
                + "Tidewater Photo Agency, credit: Kasia Nowak/Tidewater Photo Agency, supplied under agency licence, "
                + "not for reuse");
        assertThat(choir.licence().url()).isNull();
        assertThat(choir.licence().commercialUse()).isFalse();
        assertThat(choir.licence().derivativesAllowed()).isFalse();
    }

    @Test
    void aCropNamesThePublishedSizeAndTheWholeImageNone() {
        assertThat(Attribution.text(PICKET, new Crop(0, 287, 4000, 2094, 770, 403)))
                .isEqualTo("“Picket line at the container gate” by Maren Holt via Wikimedia Commons, cropped to 770 × 403 px, "
                        + "licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)");
        assertThat(Attribution.text(PICKET, new Crop(0, 0, 4000, 2667))).isEqualTo(Attribution.text(PICKET, null));
    }

    @Test
    void theHtmlLineEscapesWhatTheNewsroomTyped() {
        MediaAsset hostile = asset("<script>alert(1)</script>", new Credit("Sam & Co", "https://x.example/?a=1&b=\"2\""),
                null, null, "CC-BY-4.0");

        assertThat(Attribution.html(hostile, null)).doesNotContain("<script>")
                .contains("“&lt;script&gt;alert(1)&lt;/script&gt;”")
                .contains("<a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">Sam &amp; Co</a>");
        assertThat(Attribution.text(hostile, null)).startsWith("“<script>alert(1)</script>” by Sam & Co, licensed under");
    }

    private static MediaAsset asset(String title, Credit creator, Credit source, String creditLine, String licenceId) {
        return new MediaAsset("asset", title, "https://media.example/a.jpg", 1800, 1200, creator, source, creditLine,
                licenceId, 1);
    }
}
