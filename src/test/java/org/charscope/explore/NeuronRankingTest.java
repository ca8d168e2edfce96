package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Map;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

class NeuronRankingTest {

    @Test
    void byVarianceTheUnitsThatMoveMostComeFirst() {
        NeuronMatrix values = new NeuronMatrix(2, 4, new float[] {
            0, 0, 1, -1,
            0, 3, 2, 1,
        });

        assertArrayEquals(new int[] {1, 3, 2, 0}, NeuronRanking.byVariance(values));
    }

    @Test
    void bySaturationEitherSideCounts() {
        NeuronMatrix gate = new NeuronMatrix(3, 3, new float[] {
            0.5f, 0.95f, 0.05f,
            0.5f, 0.5f, 0.95f,
            0.5f, 0.5f, 0.5f,
        });
        NeuronMatrix hidden = new NeuronMatrix(1, 3, new float[] {0.5f, -0.95f, 0.95f});

        assertArrayEquals(new int[] {2, 1, 0}, NeuronRanking.bySaturation(gate, Signal.INPUT_GATE));
        assertArrayEquals(new int[] {1, 2, 0}, NeuronRanking.bySaturation(hidden, Signal.HIDDEN));
    }

    @Test
    void byScoreHighestFirstTiesInUnitOrderNaNLast() {
        assertArrayEquals(new int[] {3, 0, 2, 4, 1}, NeuronRanking.byScore(new double[] {0.5, Double.NaN, 0.5, 0.9, -1}));
    }

    @Test
    void byCorrelationTheSignDoesNotMatter() {
        String passage = "a(b)c(d)";
        double[] depth = TextFeatures.of(passage).signal(TextFeature.BRACKET_DEPTH);
        float[] values = new float[8 * 3]; // [8][3]: unit 0 noise-free negative, unit 1 constant, unit 2 weak
        for (int t = 0; t < 8; t++) {
            values[t * 3] = (float) -depth[t];
            values[t * 3 + 1] = 1;
            values[t * 3 + 2] = t % 3 == 0 ? 1 : 0;
        }
        PassageActivations activations = PassageActivations.of(List.of(Map.of(Signal.CELL, new NeuronMatrix(8, 3, values))));
        FeatureCorrelations correlations = FeatureCorrelations.compute(activations, TextFeatures.of(passage));

        assertArrayEquals(new int[] {0, 2, 1},
                NeuronRanking.byCorrelation(correlations, 0, Signal.CELL, TextFeature.BRACKET_DEPTH));
    }
}
