package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    /** 2 layers × 3 steps × 2 units; value = 1000·signal + 100·layer + 10·step + unit. */
    private static Activations numbered() {
        int signals = Cell.LSTM.signals().size();
        float[] values = new float[signals * 2 * 3 * 2];
        for (int s = 0; s < signals; s++) {
            for (int l = 0; l < 2; l++) {
                for (int t = 0; t < 3; t++) {
                    for (int u = 0; u < 2; u++) {
                        values[((s * 2 + l) * 3 + t) * 2 + u] = 1000 * s + 100 * l + 10 * t + u;
                    }
                }
            }
        }
        float[] probabilities = {0.1f, 0.9f, 0.2f, 0.8f, 0.3f, 0.7f}; // [3 steps][2 symbols]
        return new Activations(2, 3, 2, 2, new int[] {0, 1, 0}, values, probabilities);
    }

    @Test
    void stepsOfOneSignalAndLayerAreCopiedIntoPlace() {
        float[] into = new float[8];
        numbered().copySteps(Signal.CELL, 1, 1, 2, into, 2);   // steps 1..2 of layer 2's cell, after 2 values
        float cell = 1000 * Cell.LSTM.signals().indexOf(Signal.CELL) + 100;
        assertArrayEquals(new float[] {0, 0, cell + 10, cell + 11, cell + 20, cell + 21, 0, 0}, into);

        float[] probabilities = new float[4];
        numbered().copyProbabilities(2, 1, probabilities, 2);
        assertArrayEquals(new float[] {0, 0, 0.3f, 0.7f}, probabilities);
    }

    @Test
    void stepsOutsideTheWindowAreRefused() {
        float[] into = new float[100];
        assertThrows(IndexOutOfBoundsException.class, () -> numbered().copySteps(Signal.HIDDEN, 0, 2, 2, into, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> numbered().copySteps(Signal.HIDDEN, 2, 0, 1, into, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> numbered().copyProbabilities(-1, 1, into, 0));
    }

    @Test
    void aGruReadingHasItsOwnGatesAndNoOthers() {
        int signals = Cell.GRU.signals().size();      // r, u, n, h
        float[] values = new float[signals * 1 * 2 * 2];
        for (int k = 0; k < values.length; k++) {
            values[k] = k;
        }
        Activations gru = new Activations(1, 2, 2, 2, new int[] {0, 1}, values, new float[] {0.5f, 0.5f, 0.5f, 0.5f},
                Cell.GRU);
        assertArrayEquals(new float[] {4, 5}, gru.vector(Signal.UPDATE_GATE, 0, 0));
        assertArrayEquals(new float[] {14, 15}, gru.vector(Signal.HIDDEN, 0, 1));
        org.junit.jupiter.api.Assertions.assertFalse(gru.has(Signal.FORGET_GATE));
        assertThrows(IllegalArgumentException.class, () -> gru.vector(Signal.FORGET_GATE, 0, 0));
    }
}
