package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

/** The ranking on hand-made detectors: one card per unit, states only, the span's match, hidden units left out. */
class DiscoveriesTest {

    private static final int UNITS = 4;
    private static final int STEPS = 100;

    /** [layer][quantity][feature][units], one layer, with the r's of the planted units. */
    private static FeatureCorrelations planted() {
        float[][][][] r = new float[1][Signal.values().length][][];
        for (Signal quantity : List.of(Signal.CELL, Signal.TANH_CELL, Signal.HIDDEN, Signal.FORGET_GATE)) {
            r[0][quantity.ordinal()] = new float[TextFeature.values().length][UNITS];
        }
        r[0][Signal.CELL.ordinal()][TextFeature.INSIDE_QUOTES.ordinal()][0] = 0.5f;
        r[0][Signal.TANH_CELL.ordinal()][TextFeature.INSIDE_QUOTES.ordinal()][0] = 0.9f;
        r[0][Signal.HIDDEN.ordinal()][TextFeature.VOWEL.ordinal()][0] = 0.8f;
        r[0][Signal.HIDDEN.ordinal()][TextFeature.BRACKET_DEPTH.ordinal()][1] = -0.7f;
        r[0][Signal.FORGET_GATE.ordinal()][TextFeature.WHITESPACE.ordinal()][2] = 0.99f; // a gate: not a card
        return FeatureCorrelations.of(r);
    }

    /** Values for the stretches: unit u is 0 but for a blip at step 10 + 20·u. */
    private static PassageActivations activations() {
        Map<Signal, NeuronMatrix> layer = new EnumMap<>(Signal.class);
        for (Signal quantity : List.of(Signal.CELL, Signal.TANH_CELL, Signal.HIDDEN, Signal.FORGET_GATE)) {
            float[] values = new float[STEPS * UNITS]; // [steps][units]
            for (int unit = 0; unit < UNITS; unit++) {
                values[(10 + 20 * unit) * UNITS + unit] = 0.5f;
            }
            layer.put(quantity, new NeuronMatrix(STEPS, UNITS, values));
        }
        return PassageActivations.of(List.of(layer));
    }

    @Test
    void eachUnitOnceByItsStrongestStateDetector() {
        List<Discovery> cards = Discoveries.rank(planted(), activations(), null, n -> false, Discoveries.CARDS);

        assertEquals(List.of("layer 1 · tanh(cell) 0 · inside quotes · r = 0.90", "layer 1 · hidden 1 · bracket depth · r = -0.70"),
                cards.stream().map(Discovery::describe).toList());
        assertEquals(0.9, cards.get(0).strength(), 1e-6);
    }

    @Test
    void eachFeatureHasItsStrongestUnitDealtBeforeAnyFeatureHasTwo() {
        float[][][][] r = new float[1][Signal.values().length][][];
        r[0][Signal.HIDDEN.ordinal()] = new float[TextFeature.values().length][UNITS];
        float[] vowel = r[0][Signal.HIDDEN.ordinal()][TextFeature.VOWEL.ordinal()];
        vowel[0] = 0.9f;
        vowel[1] = -0.85f;
        vowel[2] = 0.8f;
        r[0][Signal.HIDDEN.ordinal()][TextFeature.INSIDE_QUOTES.ordinal()][3] = 0.4f;
        FeatureCorrelations crowded = FeatureCorrelations.of(r);

        assertEquals(List.of("layer 1 · hidden 0 · vowel · r = 0.90", "layer 1 · hidden 3 · inside quotes · r = 0.40"),
                Discoveries.rank(crowded, activations(), null, n -> false, 2).stream().map(Discovery::describe).toList());
        assertEquals(List.of(0, 3, 1, 2), Discoveries.rank(crowded, activations(), null, n -> false, Discoveries.CARDS)
                .stream().map(card -> card.neuron().unit()).toList());
    }

    @Test
    void theStretchIsWhereTheUnitMoves() {
        Discovery unit1 = Discoveries.rank(planted(), activations(), null, n -> false, Discoveries.CARDS).get(1);
        // the blip at step 30 moves the unit at steps 30 and 31: the earliest 40 steps holding both start at 0
        assertEquals(0, unit1.from());
        assertEquals(Discoveries.STRETCH_STEPS, unit1.to());
        float[] series = {0, 0, 0, 1, -1, 1, 0, 0, 0, 0};
        // movements 1, 2, 2, 1 at steps 3 to 6: the 3 steps [3, 6) hold the two of 2
        assertEquals(3, Discoveries.mostMovingStretch(series, 3));
        assertEquals(0, Discoveries.mostMovingStretch(new float[] {0, 1}, 3), "shorter than a stretch");
        float[] late = new float[200]; // moves at steps 150 and 151, which [s, s + 40) counts for s from 112 to 149
        late[150] = 1;
        assertEquals(112, Discoveries.mostMovingStretch(late, 40), "the earliest stretch holding both moves");
    }

    @Test
    void theSelectedSpanCompetesWithTheDetectors() {
        SpanMatch span = new SpanMatch(0, Signal.HIDDEN, 3, 0.8, 0.9, 0.1);
        List<Discovery> cards = Discoveries.rank(planted(), activations(), span, n -> false, Discoveries.CARDS);

        assertEquals(List.of("layer 1 · tanh(cell) 0 · inside quotes · r = 0.90", "layer 1 · hidden 3 · the selected span · score 0.80",
                "layer 1 · hidden 1 · bracket depth · r = -0.70"), cards.stream().map(Discovery::describe).toList());
        assertEquals(2, Discoveries.rank(planted(), activations(), span, n -> false, 2).size(), "as many as asked");
    }

    @Test
    void aHiddenNeuronGivesWayToTheUnitsNextBest() {
        Neuron quoteUnit = new Neuron(0, Signal.TANH_CELL, 0);
        List<Discovery> cards = Discoveries.rank(planted(), activations(), null, quoteUnit::equals, Discoveries.CARDS);

        assertEquals("layer 1 · hidden 0 · vowel · r = 0.80", cards.get(0).describe());
        Set<Neuron> seen = new HashSet<>();
        cards.forEach(card -> assertTrue(seen.add(new Neuron(0, Signal.HIDDEN, card.neuron().unit())), "one card per unit"));
    }
}
