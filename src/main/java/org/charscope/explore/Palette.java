package org.charscope.explore;

import java.util.EnumMap;
import java.util.Map;

/**
 * A colour scheme drawn for a theme's shade: the colours of the heatmap, the neuron grid and the
 * HTML export. The stops of every palette are built once, when this class loads.
 */
public record Palette(ColorScheme scheme, Shade shade) {

    /** Blue to orange in the light theme: what a first start shows. */
    public static final Palette DEFAULT = new Palette(ColorScheme.standard(), Shade.LIGHT);

    private static final Map<ColorScheme, Map<Shade, int[][]>> STOPS = new EnumMap<>(ColorScheme.class);

    static {
        for (ColorScheme scheme : ColorScheme.values()) {
            Map<Shade, int[][]> byShade = new EnumMap<>(Shade.class);
            for (Shade shade : Shade.values()) {
                byShade.put(shade, new int[][] {scheme.divergingStops(shade), scheme.sequentialStops(shade)});
            }
            STOPS.put(scheme, byShade);
        }
    }

    public Palette {
        if (scheme == null || shade == null) {
            throw new IllegalArgumentException("a palette needs a scheme and a shade");
        }
    }

    /** [stops] 0xRRGGBB from the low end to the high end. */
    int[] stops(boolean sequential) {
        return STOPS.get(scheme).get(shade)[sequential ? 1 : 0];
    }

    /** The text colour over the tints, or -1 for black or white by the tint. */
    int textColor() {
        return scheme.textColor(shade);
    }
}
