package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

class PassageActivationsTest {

    private static NeuronMatrix zeros(int steps, int units) {
        return new NeuronMatrix(steps, units, new float[steps * units]);
    }

    @Test
    void matricesAreFoundByLayerAndQuantity() {
        NeuronMatrix cell = new NeuronMatrix(2, 1, new float[] {0.5f, -2});
        PassageActivations activations = PassageActivations.of(List.of(
                Map.of(Signal.HIDDEN, zeros(2, 3), Signal.CELL, zeros(2, 3)),
                Map.of(Signal.CELL, cell)));

        assertEquals(2, activations.steps());
        assertEquals(2, activations.layerCount());
        assertEquals(3, activations.units(0));
        assertEquals(1, activations.units(1));
        assertEquals(List.of(Signal.CELL, Signal.HIDDEN), List.copyOf(activations.quantities(0)));
        assertTrue(activations.has(1, Signal.CELL));
        assertFalse(activations.has(1, Signal.HIDDEN));
        assertFalse(activations.has(2, Signal.CELL));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> activations.matrix(1, Signal.HIDDEN));
        assertTrue(missing.getMessage().contains("layer 2"), missing.getMessage());
    }

    @Test
    void tanhOfTheCellIsAddedWhereACellWasRecorded() {
        NeuronMatrix cell = new NeuronMatrix(2, 1, new float[] {0.5f, -2});
        PassageActivations activations = PassageActivations.of(List.of(Map.of(Signal.HIDDEN, zeros(2, 1)),
                Map.of(Signal.CELL, cell))).withTanhCell();

        assertEquals(Set.of(Signal.HIDDEN), activations.quantities(0));
        assertEquals((float) Math.tanh(-2), activations.matrix(1, Signal.TANH_CELL).value(1, 0));
    }

    @Test
    void allMatricesMustCoverTheSamePassage() {
        assertThrows(IllegalArgumentException.class, () -> PassageActivations.of(List.of(
                Map.of(Signal.HIDDEN, zeros(3, 2)), Map.of(Signal.HIDDEN, zeros(4, 2)))));
        assertThrows(IllegalArgumentException.class, () -> PassageActivations.of(List.of(
                Map.of(Signal.HIDDEN, zeros(3, 2), Signal.CELL, zeros(3, 5)))));
    }
}
