package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

class ColorScaleTest {

    private static int red(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    @Test
    void divergingRunsFromBlueThroughWhiteToRed() {
        ColorScale scale = ColorScale.diverging(-1, 1);

        assertEquals(0x053061, scale.rgb(-1));
        assertEquals(0xF7F7F7, scale.rgb(0));
        assertEquals(0x67001F, scale.rgb(1));
        assertTrue(blue(scale.rgb(-0.5)) > red(scale.rgb(-0.5)));
        assertTrue(red(scale.rgb(0.5)) > blue(scale.rgb(0.5)));
    }

    @Test
    void betweenStopsTheChannelsAreInterpolated() {
        ColorScale scale = ColorScale.diverging(-1, 1); // 11 stops: 0.2 apart, 0xF7F7F7 at 0 and 0xFDDBC7 at 0.2

        int halfway = scale.rgb(0.1);

        assertEquals(0xFAE9DF, halfway, ColorScale.hex(halfway)); // (F7+FD)/2, (F7+DB)/2, (F7+C7)/2 rounded
    }

    @Test
    void outOfRangeTakesTheEndColourAndNaNIsGrey() {
        ColorScale gates = ColorScale.sequential(0, 1);

        assertEquals(0xF7FBFF, gates.rgb(-3));
        assertEquals(0x08306B, gates.rgb(7));
        assertEquals(ColorScale.MISSING, gates.rgb(Double.NaN));
        assertArrayEquals(new float[] {8 / 255f, 48 / 255f, 107 / 255f}, gates.rgbFloats(1));
    }

    @Test
    void eachQuantityGetsItsScale() {
        NeuronMatrix cell = new NeuronMatrix(1, 3, new float[] {0.5f, -3.7f, 2});

        ColorScale forCell = ColorScale.forQuantity(Signal.CELL, cell);

        assertEquals(-5, forCell.low());
        assertEquals(5, forCell.high());
        assertEquals(0, ColorScale.forQuantity(Signal.FORGET_GATE, cell).low());
        assertEquals(ColorScale.sequential(0, 1, Palette.DEFAULT).rgb(0), ColorScale.forQuantity(Signal.FORGET_GATE, cell).rgb(0));
        assertEquals(-1, ColorScale.forQuantity(Signal.HIDDEN, cell).low());
        assertEquals(1, ColorScale.forQuantity(Signal.CELL, new NeuronMatrix(1, 1, new float[1])).high(),
                "an all-zero cell still gets a usable range");
    }

    @Test
    void legendTicksAreRoundNumbersInsideTheRange() {
        assertEquals(List.of(-1.0, -0.5, 0.0, 0.5, 1.0), ColorScale.diverging(-1, 1).ticks(5));
        assertEquals(List.of(0.0, 0.5, 1.0), ColorScale.sequential(0, 1).ticks(2));
        assertEquals(List.of(-4.0, -2.0, 0.0, 2.0, 4.0), ColorScale.diverging(-5, 5).ticks(4), "2.5 is nearest 2");
        assertEquals(List.of(-5.0, 0.0, 5.0), ColorScale.diverging(-5, 5).ticks(2));
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0), ColorScale.sequential(0, 1).ticks(10));
        assertEquals(List.of(-20.0, 0.0, 20.0), ColorScale.diverging(-37, 37).ticks(3));
        assertEquals(List.of(), ColorScale.diverging(-1, 1).ticks(0));
    }

    @Test
    void textIsBlackOnLightAndWhiteOnDark() {
        assertEquals(0x000000, ColorScale.textColorOn(0xF7F7F7));
        assertEquals(0xFFFFFF, ColorScale.textColorOn(0x053061));
        assertEquals(0xFFFFFF, ColorScale.textColorOn(0x67001F));
        assertEquals("#0A0B0C", ColorScale.hex(0x0A0B0C));
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ColorScale.diverging(1, 1));
        assertThrows(IllegalArgumentException.class, () -> ColorScale.sequential(0, Double.POSITIVE_INFINITY));
    }

    @Test
    void aCellIsShownOnItsOwnRangeSoOneCountingCellDoesNotWashOutTheRest() {
        // unit 0 counts up to 800; unit 1 stays within ±1.5
        float[] values = new float[4 * 2];
        float[] counter = {100, 300, 500, 800};
        float[] ordinary = {-1.5f, 0.2f, 1.1f, -0.4f};
        for (int t = 0; t < 4; t++) {
            values[t * 2] = counter[t];
            values[t * 2 + 1] = ordinary[t];
        }
        NeuronMatrix cells = new NeuronMatrix(4, 2, values);

        assertEquals(1000, ColorScale.forUnit(Signal.CELL, cells, 0).high(), 1e-9);
        assertEquals(2, ColorScale.forUnit(Signal.CELL, cells, 1).high(), 1e-9);
        assertEquals(-2, ColorScale.forUnit(Signal.CELL, cells, 1).low(), 1e-9);
        assertEquals(ColorScale.forQuantity(Signal.HIDDEN, cells).high(), ColorScale.forUnit(Signal.HIDDEN, cells, 0).high());
    }
}
