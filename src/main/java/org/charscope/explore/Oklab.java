package org.charscope.explore;

/**
 * Björn Ottosson's Oklab colour space, in which equal distances look about equally different:
 * colour scales built along straight lines in it are perceptually uniform, as plain sRGB ramps are
 * not. Colours are given in polar form (OkLCh): lightness {@code L} in [0, 1], chroma
 * {@code C ≥ 0} and hue {@code h} in degrees, with {@code a = C cos h}, {@code b = C sin h}.
 *
 * <p>Oklab → linear sRGB: {@code l' = L + 0.3963377774 a + 0.2158037573 b},
 * {@code m' = L − 0.1055613458 a − 0.0638541728 b}, {@code s' = L − 0.0894841775 a − 1.2914855480 b};
 * {@code (l, m, s) = (l'³, m'³, s'³)}; then a fixed 3×3 matrix; then the sRGB transfer curve.
 */
final class Oklab {

    private Oklab() {
    }

    /** Linear sRGB of an OkLCh colour, each channel possibly outside [0, 1] (out of gamut): [3]. */
    static double[] linearRgb(double lightness, double chroma, double hueDegrees) {
        double a = chroma * Math.cos(Math.toRadians(hueDegrees));
        double b = chroma * Math.sin(Math.toRadians(hueDegrees));
        double l = cube(lightness + 0.3963377774 * a + 0.2158037573 * b);
        double m = cube(lightness - 0.1055613458 * a - 0.0638541728 * b);
        double s = cube(lightness - 0.0894841775 * a - 1.2914855480 * b);
        return new double[] {
            4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
            -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
            -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s,
        };
    }

    /** Whether the colour is displayable in sRGB (a hair of tolerance for rounding). */
    static boolean inGamut(double lightness, double chroma, double hueDegrees) {
        for (double channel : linearRgb(lightness, chroma, hueDegrees)) {
            if (channel < -1e-6 || channel > 1 + 1e-6) {
                return false;
            }
        }
        return true;
    }

    /** The largest chroma at this lightness and hue that sRGB can show, to 1e-4 (bisection). */
    static double maxChroma(double lightness, double hueDegrees) {
        double inside = 0;
        double outside = 0.5; // no sRGB colour has an Oklab chroma above 0.33
        while (outside - inside > 1e-4) {
            double middle = (inside + outside) / 2;
            if (inGamut(lightness, middle, hueDegrees)) {
                inside = middle;
            } else {
                outside = middle;
            }
        }
        return inside;
    }

    /** The colour as 0xRRGGBB; channels outside the gamut are clipped. */
    static int rgb(double lightness, double chroma, double hueDegrees) {
        double[] linear = linearRgb(lightness, chroma, hueDegrees);
        return encode(linear[0]) << 16 | encode(linear[1]) << 8 | encode(linear[2]);
    }

    /** Oklab {L, a, b} of an sRGB colour 0xRRGGBB, for measuring distances: [3]. */
    static double[] lab(int rgb) {
        double r = ColorScale.linear(rgb >> 16 & 0xFF);
        double g = ColorScale.linear(rgb >> 8 & 0xFF);
        double b = ColorScale.linear(rgb & 0xFF);
        double l = Math.cbrt(0.4122214708 * r + 0.5363026452 * g + 0.0514459929 * b);
        double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
        double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
        return new double[] {
            0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s,
        };
    }

    private static int encode(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double encoded = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(encoded * 255);
    }

    private static double cube(double x) {
        return x * x * x;
    }
}
