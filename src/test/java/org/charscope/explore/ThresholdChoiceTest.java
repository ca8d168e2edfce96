package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

/** Each unit's threshold with the best F1, from its histograms, against hand-computed answers. */
class ThresholdChoiceTest {

    /*
     * Four bins, P = 10 positive and 28 negative steps. On at or above edge k:
     *   k = 3: TP 6,  FP 1  → F1 = 2·6 / (6 + 1 + 10)  = 12/17 = 0.706
     *   k = 2: TP 9,  FP 3  → F1 = 18 / (9 + 3 + 10)   = 18/22 = 0.818   best
     *   k = 1: TP 10, FP 8  → F1 = 20 / (10 + 8 + 10)  = 20/28 = 0.714
     * On below: k = 3: TP 4, FP 27 → 8/41; k = 2: TP 1, FP 25 → 2/36; k = 1: TP 0 → 0.
     */
    private static final int[] POSITIVE = {0, 1, 3, 6};
    private static final int[] NEGATIVE = {20, 5, 2, 1};

    @Test
    void aUnitThatRisesWithTheFeatureIsOnAboveTheEdgeWithTheBestF1() {
        assertEquals(new ThresholdChoice(Direction.ABOVE, 2, 18.0 / 22), ThresholdChoice.best(POSITIVE, NEGATIVE, 0, 4));
    }

    @Test
    void aUnitThatFallsWithTheFeatureIsOnBelowAndItsBinsAreFoundAtItsOffset() {
        int[] positive = {9, 9, 9, 9, 6, 3, 1, 0};   // a first unit of noise, then the mirror image
        int[] negative = {1, 1, 1, 1, 1, 2, 5, 20};
        assertEquals(new ThresholdChoice(Direction.BELOW, 2, 18.0 / 22), ThresholdChoice.best(positive, negative, 4, 4));
    }

    @Test
    void aTieKeepsAboveAndTheHigherEdge() {
        // above at k = 2 and k = 1 both give TP 2, FP 0 (F1 1); below at k = 1 gives TP 0
        ThresholdChoice best = ThresholdChoice.best(new int[] {0, 0, 2, 0}, new int[] {3, 0, 0, 0}, 0, 4);
        assertEquals(new ThresholdChoice(Direction.ABOVE, 2, 1.0), best);
    }

    @Test
    void thresholdsAreBinEdgesInTheQuantitysOwnUnitsAndABinIsTheLastEdgeAtOrBelow() {
        assertEquals(0.5f, SignalBins.of(Signal.FORGET_GATE).edge(128));
        assertEquals(-0.5f, SignalBins.of(Signal.HIDDEN).edge(64));
        SignalBins cell = SignalBins.of(Signal.CELL);
        assertEquals(0f, cell.edge(128));
        assertEquals((float) (0.5 * Math.log(3)), cell.edge(192), "atanh(0.5)");
        assertEquals(191, cell.bin(Math.nextDown(cell.edge(192))));
        assertEquals(192, cell.bin(cell.edge(192)));
        assertEquals(255, SignalBins.of(Signal.INPUT_GATE).bin(1.0f), "the top of the range is in the last bin");
        assertEquals(0, cell.bin(-30f));
        assertEquals(255, cell.bin(30f));
        // bin >= k exactly when value >= edge k, over many values near many edges
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 100_000; i++) {
            int k = 1 + random.nextInt(SignalBins.BINS - 1);
            float value = cell.edge(k) + (float) (random.nextDouble() - 0.5) * 1e-5f;
            assertEquals(value >= cell.edge(k), cell.bin(value) >= k, "value " + value + " edge " + k);
        }
    }
}
