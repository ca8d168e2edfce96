package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

/** The rule, on planted units: stuck beyond a threshold for 95% of the characters, or a standard deviation under 0.02. */
class SaturatedUnitsTest {

    private static final int STEPS = 100;

    /**
     * Six planted tanh(cell) units over 100 steps: 0 constant at 0.3 (dead), 1 at +0.95 for 95 steps
     * and 0 for 5 (saturated), 2 at +0.95 for 94 steps (not), 3 at −0.95 for 50 steps and +0.95 for 45
     * (saturated, both sides count), 4 alternating ±0.019 (standard deviation 0.019: dead), 5
     * alternating ±0.021 (not).
     */
    private static NeuronMatrix planted() {
        int units = 6;
        float[] values = new float[STEPS * units]; // [steps][units]
        for (int t = 0; t < STEPS; t++) {
            int row = t * units;
            values[row] = 0.3f;
            values[row + 1] = t < 95 ? 0.95f : 0f;
            values[row + 2] = t < 94 ? 0.95f : 0f;
            values[row + 3] = t < 50 ? -0.95f : t < 95 ? 0.95f : 0f;
            values[row + 4] = t % 2 == 0 ? 0.019f : -0.019f;
            values[row + 5] = t % 2 == 0 ? 0.021f : -0.021f;
        }
        return new NeuronMatrix(STEPS, units, values);
    }

    @Test
    void countsStuckAndStillUnitsByTheRule() {
        SaturatedUnits saturated = SaturatedUnits.of(planted(), Signal.TANH_CELL);

        assertArrayEquals(new boolean[] {true, true, false, true, true, false}, saturated.saturated());
        assertEquals(4, saturated.count());
        assertEquals("4 of 6 tanh(cell) units in layer 2 stay saturated over this passage", saturated.describe(1));
        assertArrayEquals(new int[] {5, 2}, saturated.without(new int[] {5, 4, 3, 2, 1, 0}));
    }

    @Test
    void eachQuantityHasItsOwnThresholds() {
        // 0.95 is beyond a gate's 0.9 but not beyond the cell's 1.47: as a cell, units 1 to 3 move freely
        SaturatedUnits asCell = SaturatedUnits.of(planted(), Signal.CELL);
        assertArrayEquals(new boolean[] {true, false, false, false, true, false}, asCell.saturated());
        // on a gate's 0..1 scale every value but 0.3 lies below 0.1 or above 0.9: all six count
        assertEquals(6, SaturatedUnits.of(planted(), Signal.FORGET_GATE).count());
    }

    @Test
    void oneUnitAloneIsJudgedAsInItsMatrix() {
        NeuronMatrix values = planted();
        for (Signal quantity : new Signal[] {Signal.TANH_CELL, Signal.CELL, Signal.INPUT_GATE}) {
            SaturatedUnits all = SaturatedUnits.of(values, quantity);
            for (int unit = 0; unit < values.units(); unit++) {
                assertEquals(all.isSaturated(unit), SaturatedUnits.isSaturated(values, quantity, unit),
                        quantity + " unit " + unit);
            }
        }
    }

    @Test
    void anEmptyPassageCountsNothing() {
        assertEquals(0, SaturatedUnits.of(new NeuronMatrix(0, 3, new float[0]), Signal.HIDDEN).count());
    }
}
