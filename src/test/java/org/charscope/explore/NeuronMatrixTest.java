package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NeuronMatrixTest {

    /** 3 steps × 2 units: unit 0 is 1, 2, 3; unit 1 is 0.5, 0.5, −0.95. */
    private static final NeuronMatrix SMALL = new NeuronMatrix(3, 2, new float[] {
        1, 0.5f,
        2, 0.5f,
        3, -0.95f,
    });

    @Test
    void valuesAreReadStepByStepWithUnitsInnermost() {
        assertEquals(2, SMALL.value(1, 0));
        assertEquals(-0.95f, SMALL.value(2, 1));
        assertArrayEquals(new float[] {1, 2, 3}, SMALL.series(0));
        assertArrayEquals(new float[] {3, -0.95f}, SMALL.row(2));
    }

    @Test
    void meansAndPopulationVariancesPerUnit() {
        assertArrayEquals(new double[] {2, (0.5 + 0.5 - 0.95) / 3}, SMALL.unitMeans(), 1e-7);
        double mean = (0.5 + 0.5 - 0.95f) / 3;
        double variance = (2 * (0.5 - mean) * (0.5 - mean) + (-0.95f - mean) * (-0.95f - mean)) / 3;
        assertArrayEquals(new double[] {2.0 / 3, variance}, SMALL.unitVariances(), 1e-7);
    }

    @Test
    void aLargeOffsetDoesNotSwallowASmallVariance() {
        float[] values = new float[1000]; // [1000][1], around 1000 ± 0.01
        for (int step = 0; step < values.length; step++) {
            values[step] = 1000 + (step % 2 == 0 ? 0.015625f : -0.015625f);
        }

        double variance = new NeuronMatrix(1000, 1, values).unitVariances()[0];

        assertEquals(0.015625 * 0.015625, variance, 1e-12);
    }

    @Test
    void fractionsBelowAndAboveAThresholdAreStrict() {
        assertArrayEquals(new float[] {0, 1 / 3f}, SMALL.fractionBelow(0.5));
        assertArrayEquals(new float[] {2 / 3f, 0}, SMALL.fractionAbove(1));
    }

    @Test
    void tanhAndLargestMagnitude() {
        NeuronMatrix squashed = SMALL.tanh();

        assertEquals((float) Math.tanh(3), squashed.value(2, 0));
        assertEquals(3, SMALL.maxAbs());
        assertEquals(2, SMALL.steps(1, 3).steps());
        assertArrayEquals(new float[] {2, 0.5f, 3, -0.95f}, SMALL.steps(1, 3).values());
    }

    @Test
    void anEmptyPassageHasNoStatisticsToSpeakOf() {
        NeuronMatrix empty = new NeuronMatrix(0, 3, new float[0]);

        assertArrayEquals(new double[3], empty.unitMeans());
        assertArrayEquals(new double[3], empty.unitVariances());
        assertArrayEquals(new float[3], empty.fractionAbove(0));
    }

    @Test
    void aShapeThatDoesNotFitTheValuesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NeuronMatrix(2, 3, new float[5]));
        assertThrows(IndexOutOfBoundsException.class, () -> SMALL.value(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> SMALL.series(2));
    }
}
