package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorSchemeTest {

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    @Test
    void everyScaleKeepsItsTextReadableAtEveryValueInBothThemes() {
        for (ColorScheme scheme : ColorScheme.values()) {
            for (Shade shade : Shade.values()) {
                Palette palette = new Palette(scheme, shade);
                for (ColorScale scale : new ColorScale[] {ColorScale.diverging(-1, 1, palette),
                        ColorScale.sequential(0, 1, palette)}) {
                    double worst = Double.MAX_VALUE;
                    for (int k = 0; k <= 100; k++) {
                        int background = scale.rgb(scale.low() + (scale.high() - scale.low()) * k / 100.0);
                        worst = Math.min(worst, ColorScale.contrast(scale.textOn(background), background));
                    }
                    assertTrue(worst >= 4.5, palette + " from " + scale.low() + ": worst contrast " + worst);
                }
            }
        }
    }

    @Test
    void builtSchemesUseTheThemesTextColour() {
        Palette dark = new Palette(ColorScheme.BLUE_ORANGE, Shade.DARK);

        assertEquals(0xC9D1D9, ColorScale.diverging(-1, 1, dark).textOn(0x000000));
        assertEquals(0x24292F, ColorScale.sequential(0, 1, Palette.DEFAULT).textOn(0xFFFFFF));
        assertEquals(0xFFFFFF, ColorScale.diverging(-1, 1).textOn(0x053061), "classic: white on dark blue");
        assertTrue(ColorScale.contrast(ColorScale.sequential(0, 1, Palette.DEFAULT).textOn(ColorScale.MISSING),
                ColorScale.MISSING) >= 4.5, "a missing value's grey is readable too");
    }

    @Test
    void builtScalesStepEvenlyToTheEye() {
        for (ColorScheme scheme : ColorScheme.values()) {
            if (scheme == ColorScheme.CLASSIC) {
                continue;
            }
            for (Shade shade : Shade.values()) {
                ColorScale scale = ColorScale.diverging(-1, 1, new Palette(scheme, shade));
                double shortest = Double.MAX_VALUE;
                double longest = 0;
                for (int k = 0; k < 20; k++) {
                    if (k == 9 || k == 10) {
                        continue; // the steps that cross 0 turn from one hue to the other
                    }
                    double step = distance(Oklab.lab(scale.rgb(-1 + k / 10.0)), Oklab.lab(scale.rgb(-1 + (k + 1) / 10.0)));
                    shortest = Math.min(shortest, step);
                    longest = Math.max(longest, step);
                }
                // 8-bit rounding moves a step by up to ~0.002 in Oklab
                assertTrue(longest < 1.25 * shortest, scheme + " " + shade + ": steps " + shortest + " to " + longest);
            }
        }
    }

    @Test
    void theMiddleIsTheQuietestAndTheEndsDifferInHueNotLightness() {
        for (Shade shade : Shade.values()) {
            ColorScale scale = ColorScale.diverging(-1, 1, new Palette(ColorScheme.BLUE_ORANGE, shade));
            double[] low = Oklab.lab(scale.rgb(-1));
            double[] middle = Oklab.lab(scale.rgb(0));
            double[] high = Oklab.lab(scale.rgb(1));

            assertEquals(low[0], high[0], 0.01, "the ends equally light");
            assertTrue(Math.hypot(middle[1], middle[2]) < 0.01, "the middle is grey");
            assertTrue(low[2] < -0.05 && high[2] > 0.05, "blue (b < 0) against orange (b > 0)");
            assertTrue(shade == Shade.LIGHT ? middle[0] > low[0] + 0.2 : middle[0] < low[0] - 0.15);
        }
    }

    @Test
    void theOklabRoundTripIsExact() {
        int rgb = Oklab.rgb(0.7, 0.1, 65);
        double[] lab = Oklab.lab(rgb);

        assertEquals(0.7, lab[0], 0.003);
        assertEquals(0.1, Math.hypot(lab[1], lab[2]), 0.003);
        assertEquals(65, Math.toDegrees(Math.atan2(lab[2], lab[1])), 1);
        assertNotEquals(Oklab.rgb(0.7, 0.1, 65), Oklab.rgb(0.7, 0.1, 245));
    }
}
