package org.charscope.explore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.charscope.model.Signal;

/**
 * Not a test: prints how long the detectors take over a passage the size the issue names, so a
 * person can read the figure. Never asserts on time (a busy machine would fail it).
 * After {@code mvn -q test-compile}:
 * {@code java -cp target/classes:target/test-classes org.charscope.explore.FeatureCorrelationsTiming 5000 2 512}
 * (steps, layers, units).
 */
public final class FeatureCorrelationsTiming {

    private FeatureCorrelationsTiming() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int layers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int units = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        Random random = new Random(7);
        StringBuilder passage = new StringBuilder();
        String alphabet = "abcdefghij klmnop\"()[]{}\nABC0123 .,";
        while (passage.length() < steps) {
            passage.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        List<Map<Signal, NeuronMatrix>> byLayer = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            Map<Signal, NeuronMatrix> byQuantity = new EnumMap<>(Signal.class);
            for (Signal quantity : Signal.values()) {
                float[] values = new float[steps * units]; // [steps][units]
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian();
                }
                byQuantity.put(quantity, new NeuronMatrix(steps, units, values));
            }
            byLayer.add(byQuantity);
        }
        PassageActivations activations = PassageActivations.of(byLayer);
        TextFeatures features = TextFeatures.of(passage.toString());
        System.out.printf("%d steps, %d layers × %d units × %d quantities, %d features, %d cores%n", steps, layers,
                units, Signal.values().length, TextFeature.values().length,
                Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= 8; run++) {
            long start = System.nanoTime();
            FeatureCorrelations correlations = FeatureCorrelations.compute(activations, features);
            long computed = System.nanoTime();
            Map<TextFeature, List<NeuronFinding>> top = correlations.top(10);
            long ranked = System.nanoTime();
            System.out.printf("run %d: correlations %.1f ms, top 10 per feature %.1f ms (%s)%n", run,
                    (computed - start) / 1e6, (ranked - computed) / 1e6,
                    top.get(TextFeature.VOWEL).get(0).describe());
        }
    }
}
