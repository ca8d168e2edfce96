package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.charscope.model.Signal;
import org.junit.jupiter.api.Test;

class FeatureCorrelationsTest {

    private static final String ALPHABET = "abcde XYZ 019 \"()[]{}\n.,";

    private static String randomPassage(Random random, int length) {
        StringBuilder passage = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            passage.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return passage.toString();
    }

    private static NeuronMatrix randomMatrix(Random random, int steps, int units, float offset) {
        float[] values = new float[steps * units]; // [steps][units]
        for (int i = 0; i < values.length; i++) {
            values[i] = offset + (float) random.nextGaussian();
        }
        return new NeuronMatrix(steps, units, values);
    }

    /** The textbook two-pass formula in double: means first, then the sums of products of deviations. */
    private static double referenceR(float[] x, double[] f) {
        double meanX = 0;
        double meanF = 0;
        for (int t = 0; t < x.length; t++) {
            meanX += x[t];
            meanF += f[t];
        }
        meanX /= x.length;
        meanF /= f.length;
        double products = 0;
        double squaresX = 0;
        double squaresF = 0;
        for (int t = 0; t < x.length; t++) {
            products += (x[t] - meanX) * (f[t] - meanF);
            squaresX += (x[t] - meanX) * (x[t] - meanX);
            squaresF += (f[t] - meanF) * (f[t] - meanF);
        }
        return products / Math.sqrt(squaresX * squaresF);
    }

    @Test
    void everyCorrelationMatchesTheTwoPassReference() {
        Random random = new Random(11);
        int steps = 700; // not a multiple of the block length, so the last block is a partial one
        String passage = randomPassage(random, steps);
        Map<Signal, NeuronMatrix> first = new EnumMap<>(Signal.class);
        first.put(Signal.HIDDEN, randomMatrix(random, steps, 5, 0));
        first.put(Signal.CELL, randomMatrix(random, steps, 5, 30)); // far from 0, as cells drift
        Map<Signal, NeuronMatrix> second = Map.of(Signal.FORGET_GATE, randomMatrix(random, steps, 3, 0.5f));
        PassageActivations activations = PassageActivations.of(List.of(first, second));
        TextFeatures features = TextFeatures.of(passage);

        FeatureCorrelations correlations = FeatureCorrelations.compute(activations, features);

        for (int layer = 0; layer < 2; layer++) {
            for (Signal quantity : activations.quantities(layer)) {
                NeuronMatrix matrix = activations.matrix(layer, quantity);
                for (TextFeature feature : TextFeature.values()) {
                    float[] rs = correlations.correlations(layer, quantity, feature);
                    for (int unit = 0; unit < matrix.units(); unit++) {
                        double expected = referenceR(matrix.series(unit), features.signal(feature));
                        assertEquals(expected, rs[unit], 1e-5, layer + " " + quantity + " " + unit + " " + feature);
                    }
                }
            }
        }
    }

    @Test
    void aSmallMovementOnALargeCellIsStillMeasured() {
        Random random = new Random(5);
        String passage = randomPassage(random, 2000);
        double[] quotes = TextFeatures.of(passage).signal(TextFeature.INSIDE_QUOTES);
        float[] values = new float[2000]; // [steps][1]: 20 plus a 0.01 step inside quotes, plus noise
        for (int t = 0; t < values.length; t++) {
            values[t] = (float) (20 + 0.01 * quotes[t] + 0.005 * random.nextGaussian());
        }
        NeuronMatrix cell = new NeuronMatrix(2000, 1, values);

        FeatureCorrelations correlations = FeatureCorrelations.compute(
                PassageActivations.of(List.of(Map.of(Signal.CELL, cell))), TextFeatures.of(passage));

        double expected = referenceR(values, quotes);
        assertTrue(expected > 0.5, "the planted signal should dominate: " + expected);
        assertEquals(expected, correlations.r(0, Signal.CELL, 0, TextFeature.INSIDE_QUOTES), 1e-4);
    }

    @Test
    void plantedNeuronsAreFoundWithTheirSign() {
        Random random = new Random(3);
        int steps = 1500;
        String passage = randomPassage(random, steps);
        TextFeatures features = TextFeatures.of(passage);
        double[] depth = features.signal(TextFeature.BRACKET_DEPTH);
        NeuronMatrix hidden = randomMatrix(random, steps, 200, 0);
        NeuronMatrix cell = randomMatrix(random, steps, 200, 0);
        float[] hiddenValues = hidden.values();
        float[] cellValues = cell.values();
        for (int t = 0; t < steps; t++) {
            hiddenValues[t * 200 + 7] = (float) (-0.3 * depth[t] + 0.1 * random.nextGaussian());
            cellValues[t * 200 + 137] = (float) (depth[t] + 0.5 * random.nextGaussian());
        }
        PassageActivations activations = PassageActivations.of(List.of(Map.of(Signal.HIDDEN, randomMatrix(random, steps, 40, 0)),
                Map.of(Signal.HIDDEN, hidden, Signal.CELL, cell)));

        FeatureCorrelations correlations = FeatureCorrelations.compute(activations, features);
        List<NeuronFinding> top = correlations.top(TextFeature.BRACKET_DEPTH, 3);
        List<NeuronFinding> cells = correlations.top(TextFeature.BRACKET_DEPTH, Signal.CELL, 2);

        assertEquals(3, top.size());
        assertEquals(new Neuron(1, Signal.HIDDEN, 7), top.get(0).neuron());
        assertTrue(top.get(0).r() < -0.9, top.get(0).describe());
        assertEquals(new Neuron(1, Signal.CELL, 137), top.get(1).neuron());
        assertTrue(Math.abs(top.get(2).r()) < 0.2, "the third is noise: " + top.get(2).describe());
        assertEquals(new Neuron(1, Signal.CELL, 137), cells.get(0).neuron());
        assertTrue(cells.stream().allMatch(f -> f.quantity() == Signal.CELL));
        assertEquals(TextFeature.values().length, correlations.top(2).size());
    }

    @Test
    void constantSignalsGiveNoFindingsAndNoNaN() {
        Random random = new Random(9);
        int steps = 300;
        String passage = randomPassage(random, steps).replaceAll("[0-9]", "a");
        NeuronMatrix hidden = randomMatrix(random, steps, 4, 0);
        float[] values = hidden.values();
        for (int t = 0; t < steps; t++) {
            values[t * 4 + 2] = 0.25f; // a dead unit
        }
        PassageActivations activations = PassageActivations.of(List.of(Map.of(Signal.HIDDEN, hidden)));

        FeatureCorrelations correlations = FeatureCorrelations.compute(activations, TextFeatures.of(passage));

        assertEquals(List.of(), correlations.top(TextFeature.DIGIT, 5), "no digit in the passage");
        for (TextFeature feature : TextFeature.values()) {
            assertEquals(0, correlations.r(0, Signal.HIDDEN, 2, feature), feature.name());
            for (float r : correlations.correlations(0, Signal.HIDDEN, feature)) {
                assertFalse(Float.isNaN(r));
            }
            assertTrue(correlations.top(feature, 10).stream().noneMatch(f -> f.unit() == 2));
        }
    }

    @Test
    void equalStrengthsKeepLayerQuantityAndUnitOrder() {
        String passage = "ab\"cd\"ef";
        float[] values = new float[8 * 3]; // [8][3]: three identical copies of the quote signal
        double[] quotes = TextFeatures.of(passage).signal(TextFeature.INSIDE_QUOTES);
        for (int t = 0; t < 8; t++) {
            for (int unit = 0; unit < 3; unit++) {
                values[t * 3 + unit] = (float) quotes[t];
            }
        }
        NeuronMatrix copies = new NeuronMatrix(8, 3, values);
        PassageActivations activations = PassageActivations.of(List.of(Map.of(Signal.HIDDEN, copies, Signal.CELL, copies)));

        List<NeuronFinding> top = FeatureCorrelations.compute(activations, TextFeatures.of(passage))
                .top(TextFeature.INSIDE_QUOTES, 4);

        assertEquals(List.of(new Neuron(0, Signal.CELL, 0), new Neuron(0, Signal.CELL, 1),
                new Neuron(0, Signal.CELL, 2), new Neuron(0, Signal.HIDDEN, 0)),
                top.stream().map(NeuronFinding::neuron).toList());
        assertEquals(1, top.get(0).r(), 1e-6);
    }

    @Test
    void aFindingDescribesItselfWithTheLayerCountedFromOne() {
        NeuronFinding finding = new NeuronFinding(1, Signal.CELL, 137, TextFeature.INSIDE_QUOTES, 0.8712);

        assertEquals("layer 2 · cell 137 · inside quotes · r = 0.87", finding.describe());
        assertEquals("layer 1 · forget gate 3 · bracket depth · r = -0.50",
                new NeuronFinding(0, Signal.FORGET_GATE, 3, TextFeature.BRACKET_DEPTH, -0.5).describe());
    }

    @Test
    void featuresAndActivationsMustCoverTheSamePassage() {
        PassageActivations activations = PassageActivations.of(List.of(Map.of(Signal.HIDDEN, randomMatrix(new Random(1), 5, 2, 0))));

        assertThrows(IllegalArgumentException.class,
                () -> FeatureCorrelations.compute(activations, TextFeatures.of("four")));
    }
}
