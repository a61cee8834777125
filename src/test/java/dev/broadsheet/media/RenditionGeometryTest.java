package dev.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

/** Which part of the source a rendition shows, as a plain rule. */
class RenditionGeometryTest {

    private static final Rectangle WHOLE = new Rectangle(0, 0, 4000, 2667);

    @Test
    void oneSideGivenKeepsTheProportions() {
        RenditionGeometry.Plan plan = RenditionGeometry.plan(4000, 2667, WHOLE, 1200, null, RenditionSpec.Fit.CROP, null);

        assertThat(plan.source()).isEqualTo(WHOLE);
        assertThat(plan.width()).isEqualTo(1200);
        assertThat(plan.height()).isEqualTo(800);
    }

    @Test
    void aDerivedCropKeepsTheFocalPointInsideForEveryShape() {
        FocalPoint focus = new FocalPoint(0.9, 0.1);
        int fx = (int) (0.9 * 4000);
        int fy = (int) (0.1 * 2667);
        for (int[] size : new int[][] {{100, 100}, {100, 400}, {1600, 200}, {770, 403}, {50, 1000}}) {
            RenditionGeometry.Plan plan = RenditionGeometry.plan(4000, 2667, WHOLE, size[0], size[1], RenditionSpec.Fit.CROP, focus);

            assertThat(plan.source().contains(fx, fy)).as(size[0] + "x" + size[1] + " " + plan.source()).isTrue();
            assertThat(WHOLE.contains(plan.source())).isTrue();
            assertThat((double) plan.source().width / plan.source().height)
                    .isCloseTo((double) size[0] / size[1], org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    @Test
    void withoutAFocalPointTheCropIsCentredInItsRegion() {
        Rectangle region = new Rectangle(1000, 0, 2000, 1000);

        RenditionGeometry.Plan plan = RenditionGeometry.plan(4000, 2667, region, 100, 100, RenditionSpec.Fit.CROP, null);

        assertThat(plan.source()).isEqualTo(new Rectangle(1500, 0, 1000, 1000));
    }

    @Test
    void aCropNeverLeavesItsRegionEvenWhenTheFocalPointLiesOutside() {
        Rectangle region = new Rectangle(0, 0, 2000, 1000);

        RenditionGeometry.Plan plan = RenditionGeometry.plan(4000, 2667, region, 100, 100, RenditionSpec.Fit.CROP,
                new FocalPoint(0.95, 0.95));

        assertThat(region.contains(plan.source())).isTrue();
        assertThat(plan.source().x).isEqualTo(1000);
    }

    @Test
    void fillFitsTheWholeRegionAndPads() {
        RenditionGeometry.Plan plan = RenditionGeometry.plan(4000, 2000, new Rectangle(0, 0, 4000, 2000), 300, 300,
                RenditionSpec.Fit.FILL, null);

        assertThat(plan.innerWidth()).isEqualTo(300);
        assertThat(plan.innerHeight()).isEqualTo(150);
        assertThat(plan.padded()).isTrue();
    }
}
