package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

class GateSaturationTest {

    /** 4 steps × 3 units: unit 0 nearly shut, unit 1 nearly open half the time, unit 2 at the limits exactly. */
    private static final NeuronMatrix GATE = new NeuronMatrix(4, 3, new float[] {
        0.01f, 0.95f, 0.1f,
        0.05f, 0.5f, 0.9f,
        0.02f, 0.99f, 0.1f,
        0.5f, 0.3f, 0.9f,
    });

    @Test
    void fractionsOfStepsBelowPointOneAndAbovePointNine() {
        GateSaturation saturation = GateSaturation.of(1, Signal.FORGET_GATE, GATE);

        assertEquals(3, saturation.units());
        assertArrayEquals(new float[] {0.75f, 0, 0}, saturation.left());
        assertArrayEquals(new float[] {0, 0.5f, 0}, saturation.right(), "the limits themselves are not saturated");
    }

    @Test
    void everyRecordedGateOfEveryLayerInThePapersOrder() {
        Map<Signal, NeuronMatrix> first = new EnumMap<>(Signal.class);
        first.put(Signal.INPUT_GATE, GATE);
        first.put(Signal.OUTPUT_GATE, GATE);
        first.put(Signal.FORGET_GATE, GATE);
        first.put(Signal.HIDDEN, GATE);
        PassageActivations activations = PassageActivations.of(List.of(first, Map.of(Signal.OUTPUT_GATE, GATE)));

        List<GateSaturation> all = GateSaturation.of(activations);

        assertEquals(List.of("0 FORGET_GATE", "0 INPUT_GATE", "0 OUTPUT_GATE", "1 OUTPUT_GATE"),
                all.stream().map(s -> s.layer() + " " + s.gate()).toList());
    }

    @Test
    void onlyGatesHaveThisKindOfSaturation() {
        assertThrows(IllegalArgumentException.class, () -> GateSaturation.of(0, Signal.CELL, GATE));
    }

    @Test
    void theArraysCannotBeChangedFromOutside() {
        GateSaturation saturation = GateSaturation.of(0, Signal.INPUT_GATE, GATE);
        saturation.left()[0] = 42;

        assertEquals(0.75f, saturation.left()[0]);
    }
}
