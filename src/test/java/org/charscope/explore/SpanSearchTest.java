package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

class SpanSearchTest {

    private static final int STEPS = 400;
    private static final int UNITS = 64;
    private static final int PLANTED = 37;
    private static final int ALWAYS_ON = 12;
    private static final int FROM = 150;
    private static final int TO = 180;

    /** Hidden values uniform in (−1, 1), unit 37 at 0.9 exactly over the span and −0.2 elsewhere, unit 12 at 0.8 throughout. */
    private static NeuronMatrix planted(long seed) {
        Random random = new Random(seed);
        float[] values = new float[STEPS * UNITS]; // [steps][units]
        for (int t = 0; t < STEPS; t++) {
            for (int unit = 0; unit < UNITS; unit++) {
                values[t * UNITS + unit] = 2 * random.nextFloat() - 1;
            }
            values[t * UNITS + PLANTED] = t >= FROM && t < TO ? 0.9f : -0.2f;
            values[t * UNITS + ALWAYS_ON] = 0.8f;
        }
        return new NeuronMatrix(STEPS, UNITS, values);
    }

    private static int rankOf(List<SpanMatch> matches, int unit) {
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).unit() == unit) {
                return i;
            }
        }
        throw new AssertionError("unit " + unit + " not ranked");
    }

    @Test
    void aNeuronOnExactlyInTheSpanRanksFirstAndOneAlwaysOnRanksLow() {
        for (long seed = 1; seed <= 5; seed++) {
            for (SpanQuery query : List.of(SpanQuery.of(FROM, TO, Signal.HIDDEN),
                    SpanQuery.of(FROM, TO, Signal.HIDDEN).withPaddingSteps(SpanQuery.WHOLE_PASSAGE))) {
                List<SpanMatch> matches = SpanSearch.rank(planted(seed), 1, Signal.HIDDEN, query);

                assertEquals(UNITS, matches.size());
                SpanMatch best = matches.get(0);
                assertEquals(PLANTED, best.unit(), best.describe());
                assertEquals(1.0, best.score());
                assertEquals(1.0, best.onInside());
                assertEquals(0.0, best.onOutside());
                int alwaysOn = rankOf(matches, ALWAYS_ON);
                assertEquals(0.0, matches.get(alwaysOn).score());
                assertTrue(alwaysOn > 10, "always on ranked " + (alwaysOn + 1) + " of " + UNITS);
            }
        }
    }

    @Test
    void scoresCountStepsAtOrAboveTheThresholdInsideAndInTheWindowAround() {
        // one unit over 10 steps, span [4, 6), padding 2: context is steps 2, 3, 6, 7
        float[] values = {0, 0, 0.5f, 0, 0.5f, 0.2f, 0.7f, 0, 1, 1}; // [10][1]
        NeuronMatrix matrix = new NeuronMatrix(10, 1, values);

        SpanMatch match = SpanSearch.rank(matrix, 0, Signal.HIDDEN, new SpanQuery(4, 6, 0.5, 2)).get(0);

        assertEquals(0.5, match.onInside());
        assertEquals(0.5, match.onOutside());
        assertEquals(0.0, match.score());
        SpanMatch wholePassage = SpanSearch.rank(matrix, 0, Signal.HIDDEN,
                new SpanQuery(4, 6, 0.5, SpanQuery.WHOLE_PASSAGE)).get(0);
        assertEquals(4 / 8.0, wholePassage.onOutside());
    }

    @Test
    void aSpanCoveringThePassageHasNothingOutside() {
        NeuronMatrix matrix = new NeuronMatrix(3, 1, new float[] {1, 0, 1});

        SpanMatch match = SpanSearch.rank(matrix, 0, Signal.CELL, SpanQuery.of(0, 3, Signal.CELL)).get(0);

        assertEquals(0.0, match.onOutside());
        assertEquals(2 / 3.0, match.score(), 1e-12);
    }

    @Test
    void acrossLayersTheBestOfEachAreMergedAndCut() {
        PassageActivations activations = PassageActivations.of(List.of(Map.of(Signal.HIDDEN, planted(8)),
                Map.of(Signal.HIDDEN, planted(9))));

        List<SpanMatch> top = SpanSearch.rank(activations, Signal.HIDDEN, SpanQuery.of(FROM, TO, Signal.HIDDEN), 3);

        assertEquals(3, top.size());
        assertEquals(new Neuron(0, Signal.HIDDEN, PLANTED), top.get(0).neuron());
        assertEquals(new Neuron(1, Signal.HIDDEN, PLANTED), top.get(1).neuron());
        assertTrue(top.get(2).score() < 1);
    }

    @Test
    void defaultsComeFromTheQuantityAndTheSpanLength() {
        SpanQuery gate = SpanQuery.of(100, 140, Signal.FORGET_GATE);
        SpanQuery shortSpan = SpanQuery.of(5, 6, Signal.HIDDEN);

        assertEquals(0.5, gate.threshold());
        assertEquals(40, gate.paddingSteps());
        assertEquals(0.3, shortSpan.threshold());
        assertEquals(10, shortSpan.paddingSteps());
        assertThrows(IllegalArgumentException.class, () -> SpanQuery.of(5, 5, Signal.HIDDEN));
        assertThrows(IllegalArgumentException.class,
                () -> SpanSearch.rank(planted(1), 0, Signal.HIDDEN, SpanQuery.of(390, 401, Signal.HIDDEN)));
    }

    @Test
    void aMatchDescribesItself() {
        SpanMatch match = new SpanMatch(0, Signal.HIDDEN, 12, 0.92, 1.0, 0.08);

        assertEquals("layer 1 · hidden 12 · score 0.92 (on 100% inside, 8% outside)", match.describe());
    }
}
