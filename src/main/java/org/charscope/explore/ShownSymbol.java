package org.charscope.explore;

/**
 * A character as a heatmap cell shows it, on screen and in the exported page alike: line ends,
 * spaces and tabs made visible, since a blank cell would hide which one the model read.
 */
public final class ShownSymbol {

    private ShownSymbol() {
    }

    public static String of(int codePoint) {
        return switch (codePoint) {
            case '\n' -> "↵";
            case ' ' -> "␣";
            case '\t' -> "⇥";
            default -> Character.toString(codePoint);
        };
    }
}
