package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

/** A brushed span's on/off pattern on hand-written values: which units take part, their directions and thresholds. */
class OnOffPatternTest {

    /**
     * Hidden states of 3 units over 6 steps, the span [2, 4): unit 0 on over it (0.8, 0.6 against
     * 0.1 and 0.2 either side), unit 1 down over it (−0.7, −0.9 against 0.3 and −0.1), unit 2 barely
     * different (0.50, 0.52 against 0.45 and 0.46: a gap of 0.04).
     */
    private static final float[] HIDDEN = {    // [steps, units]
            0.9f, 0.9f, 0.0f,
            0.1f, 0.3f, 0.45f,
            0.8f, -0.7f, 0.50f,
            0.6f, -0.9f, 0.52f,
            0.2f, -0.1f, 0.46f,
            0.9f, 0.9f, 0.0f};

    private static PassageActivations passage(Signal quantity, float[] values) {
        return PassageActivations.of(List.of(Map.of(quantity, new NeuronMatrix(6, 3, values))));
    }

    @Test
    void unitsOnOverTheSpanAndOffJustOutsideItTakePartEachWithItsThreshold() {
        OnOffPattern pattern = OnOffPattern.brushed(passage(Signal.HIDDEN, HIDDEN), Signal.HIDDEN, 2, 4);

        assertEquals(2, pattern.size(), "unit 2's gap is under " + OnOffPattern.MIN_GAP);
        PatternUnit down = pattern.units().get(0);    // gap 0.6: −0.1 outside less −0.7, the highest inside
        assertEquals(new Neuron(0, Signal.HIDDEN, 1), down.neuron());
        assertEquals(Direction.BELOW, down.direction());
        assertEquals(-0.4f, down.threshold(), 1e-6);
        assertEquals(0.6, down.gap(), 1e-6);
        PatternUnit up = pattern.units().get(1);      // gap 0.4: 0.6 less 0.2
        assertEquals(new Neuron(0, Signal.HIDDEN, 0), up.neuron());
        assertEquals(Direction.ABOVE, up.direction());
        assertEquals(0.4f, up.threshold(), 1e-6);
        assertEquals(0.4, up.gap(), 1e-6);
        assertEquals(2, pattern.spanLength());
        assertEquals(1, pattern.offBefore());
        assertEquals(1, pattern.offAfter());
        // the steps further out (0.9) play no part: only the one step each side must be off
        for (int t = 2; t < 4; t++) {
            assertTrue(up.isOn(HIDDEN[t * 3]) && down.isOn(HIDDEN[t * 3 + 1]), "on over the span at " + t);
        }
        assertTrue(!up.isOn(HIDDEN[3]) && !up.isOn(HIDDEN[12]) && !down.isOn(HIDDEN[4]) && !down.isOn(HIDDEN[13]));
    }

    @Test
    void theCellsGapIsMeasuredOnTheTanhScaleAndItsThresholdGivenInCells() {
        float[] cells = HIDDEN.clone();
        cells[6] = 8f;     // unit 0: 8 and 6 over the span, 0.1 and 0.2 outside
        cells[9] = 6f;
        OnOffPattern pattern = OnOffPattern.brushed(passage(Signal.CELL, cells), Signal.CELL, 2, 4, 1, 1, 1);
        PatternUnit up = pattern.units().get(0);
        assertEquals(new Neuron(0, Signal.CELL, 0), up.neuron(), "tanh(6) − tanh(0.2) = 0.80 beats unit 1's 0.62");
        assertEquals(Math.tanh(6) - Math.tanh(0.2), up.gap(), 1e-6);
        assertEquals(3.1f, up.threshold(), 1e-6);
        assertEquals(1, pattern.size(), "at most one unit asked for");
    }

    @Test
    void aSpanWithNothingOutsideOrNoUnitOnOverItIsRefusedInWords() {
        PassageActivations values = passage(Signal.HIDDEN, HIDDEN);
        IllegalArgumentException whole = assertThrows(IllegalArgumentException.class,
                () -> OnOffPattern.brushed(values, Signal.HIDDEN, 0, 6));
        assertEquals("the span leaves no character just outside it to be off: brush a shorter span", whole.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> OnOffPattern.brushed(values, Signal.HIDDEN, 1, 3));   // 0.1 and 0.8 for unit 0: not on throughout
        assertTrue(none.getMessage().startsWith("no hidden unit is on over the whole span"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OnOffPattern.brushed(values, Signal.HIDDEN, 4, 7));
        assertThrows(IllegalArgumentException.class, () -> OnOffPattern.brushed(values, Signal.CELL, 2, 4),
                "no cell was recorded: no unit");
    }
}
