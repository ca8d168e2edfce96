package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Units held at a value (clamping, ablation): the forward pass against {@link NaiveLstm} holding
 * the same units, what a reading shows of a held unit, the means ablation takes, and the refusals.
 */
class HeldUnitsTest {

    private static final LstmConfig CONFIG = new LstmConfig(11, 2, 16, 0, 0.0, Precision.DOUBLE);

    private static HeldUnits.Held held(int layer, Signal quantity, int unit, double value) {
        return new HeldUnits.Held(new UnitSite(layer, quantity, unit), value);
    }

    @Test
    void heldUnitsReadAsTheNaiveLstmHoldingThemDoes() {
        CharLstm model = new CharLstm(CONFIG, 5);
        HeldUnits held = new HeldUnits(List.of(held(0, Signal.CELL, 3, 2.5), held(0, Signal.HIDDEN, 7, -0.6),
                held(1, Signal.HIDDEN, 0, 0.9), held(1, Signal.CELL, 0, -4)));   // 1:0 in both: its hidden value wins
        NaiveLstm naive = new NaiveLstm(CONFIG, model.parameters().toDoubleVector(), 3);
        naive.held = held;
        model.hold(held);
        LstmState state = model.newState(3);
        SplittableRandom random = new SplittableRandom(4);
        double free = 0;
        for (int round = 0; round < 2; round++) {   // the second batch starts from the carried (held) state
            Batch data = GradientCheckTest.randomBatch(random, CONFIG.vocabSize(), 6, 3);
            double loss = model.loss(data, state);
            assertEquals(naive.loss(data), loss, 1e-12);
            free = loss;
        }
        for (int b = 0; b < 3; b++) {
            assertEquals(2.5, naive.c[0][b][3], 0);
            assertEquals(0.9, naive.h[1][b][0], 0);
        }
        model.hold(HeldUnits.NONE);
        LstmState again = model.newState(3);
        SplittableRandom same = new SplittableRandom(4);
        GradientCheckTest.randomBatch(same, CONFIG.vocabSize(), 6, 3);
        double released = model.loss(GradientCheckTest.randomBatch(same, CONFIG.vocabSize(), 6, 3), again);
        assertTrue(Math.abs(released - free) > 1e-6, "holding changed the loss: " + released + " vs " + free);
    }

    @Test
    void meansAreTheAverageOverEveryStepRead() {
        CharLstm model = new CharLstm(CONFIG, 5);
        NaiveLstm naive = new NaiveLstm(CONFIG, model.parameters().toDoubleVector(), 2);
        Batch data = GradientCheckTest.randomBatch(new SplittableRandom(6), CONFIG.vocabSize(), 5, 2);
        UnitSite cell = new UnitSite(1, Signal.CELL, 4);
        UnitSite hidden = new UnitSite(0, Signal.HIDDEN, 9);
        UnitMeans means = new UnitMeans(List.of(cell, hidden));
        model.measure(means);
        model.loss(data, model.newState(2));
        model.measure(null);
        // the naive model, one step at a time, summing the same values
        double cellSum = 0;
        double hiddenSum = 0;
        for (int t = 0; t < 5; t++) {
            int[] in = new int[2];
            int[] out = new int[2];
            System.arraycopy(data.inputs(), t * 2, in, 0, 2);
            System.arraycopy(data.targets(), t * 2, out, 0, 2);
            naive.loss(new Batch(in, out, 1, 2));
            for (int b = 0; b < 2; b++) {
                cellSum += naive.c[1][b][4];
                hiddenSum += naive.h[0][b][9];
            }
        }
        assertEquals(cellSum / 10, means.means()[0], 1e-12);
        assertEquals(hiddenSum / 10, means.means()[1], 1e-12);
    }

    @Test
    void refusesWhatCannotBeHeld() {
        CharLstm model = new CharLstm(CONFIG, 5);
        assertThrows(IllegalArgumentException.class, () -> new UnitSite(0, Signal.FORGET_GATE, 1));
        assertThrows(IllegalArgumentException.class, () -> held(0, Signal.HIDDEN, 1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> held(0, Signal.CELL, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new HeldUnits(List.of(held(0, Signal.CELL, 1, 0),
                held(0, Signal.CELL, 1, 1))));
        assertThrows(IllegalArgumentException.class, () -> model.hold(new HeldUnits(List.of(held(2, Signal.CELL, 1, 0)))));
        assertThrows(IllegalArgumentException.class, () -> model.hold(new HeldUnits(List.of(held(0, Signal.CELL, 16, 0)))));
        CharLstm gru = new CharLstm(new LstmConfig(11, 1, 16, 0, 0.0, Precision.DOUBLE, Cell.GRU, false), 5);
        assertThrows(IllegalArgumentException.class, () -> gru.hold(new HeldUnits(List.of(held(0, Signal.CELL, 1, 0)))));
        model.hold(new HeldUnits(List.of(held(0, Signal.CELL, 1, 3))));
        Batch data = GradientCheckTest.randomBatch(new SplittableRandom(1), CONFIG.vocabSize(), 4, 1);
        assertThrows(IllegalStateException.class, () -> model.forwardBackward(data, model.newState(1), 0, 0),
                "a held model does not train");
    }
}
