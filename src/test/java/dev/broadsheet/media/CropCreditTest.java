package dev.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.broadsheet.api.ApiException;
import org.junit.jupiter.api.Test;

/** "Cropped to W × H px" names the published size; the checks keep that size honest. */
class CropCreditTest {

    private static final MediaAsset PHOTO = new MediaAsset("a", "Harbour at dusk", "https://media.example/a.jpg",
            4000, 2667, new Credit("Ana Ruiz", null), new Credit("Wikimedia Commons", null), null, "CC-BY-SA-4.0", 1);

    @Test
    void aCropFromTheFullImagePublishedSmallerIsCreditedWithThePublishedSize() {
        Crop crop = new Crop(0, 287, 4000, 2094, 770, 403);

        assertThat(Attribution.text(PHOTO, crop)).contains("cropped to 770 × 403 px").doesNotContain("4000");
        MediaService.checkCrop(crop, PHOTO);
    }

    @Test
    void aCropPublishedAtItsOwnSizeIsCreditedWithThatSize() {
        assertThat(Attribution.text(PHOTO, new Crop(10, 10, 800, 600))).contains("cropped to 800 × 600 px");
    }

    @Test
    void theWholeImageScaledDownIsNotCalledCropped() {
        assertThat(Attribution.text(PHOTO, new Crop(0, 0, 4000, 2667, 1200, 800))).doesNotContain("cropped");
    }

    @Test
    void aPublishedSizeLargerThanTheCropOrInOtherProportionsIsRefused() {
        assertThatThrownBy(() -> MediaService.checkCrop(new Crop(0, 0, 400, 200, 800, 400), PHOTO))
                .isInstanceOf(ApiException.class).hasMessageContaining("published size");
        assertThatThrownBy(() -> MediaService.checkCrop(new Crop(0, 0, 4000, 2000, 770, 500), PHOTO))
                .isInstanceOf(ApiException.class).hasMessageContaining("proportions");
        assertThatThrownBy(() -> MediaService.checkCrop(new Crop(0, 0, 4000, 2000, 770, null), PHOTO))
                .isInstanceOf(ApiException.class).hasMessageContaining("together");
    }
}
