package org.charscope.explore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.charscope.model.Signal;

/**
 * The detectors: the Pearson correlation of every neuron (layer, quantity, unit) with every
 * {@link TextFeature} over a passage,
 * <pre>
 *   r = Σ (x_t − x̄)(f_t − f̄) / √( Σ (x_t − x̄)² · Σ (f_t − f̄)² )
 * </pre>
 * and, per feature, the neurons with the largest |r|.
 *
 * <p>r is undefined when either signal is constant (a dead unit, or a passage without a digit).
 * It is stored as 0 then, and such neurons are never listed as findings: an r of exactly 0 says
 * nothing. No NaN ever leaves this class.
 *
 * <p>Speed: all sums come from one pass over each matrix, in the matrix's own order (step by
 * step, units innermost, so the loops vectorise): with the features centred first,
 * {@code Σ (x − x̄)(f − f̄) = Σ (x − x₀)(f − f̄)} for any shift {@code x₀}, so no second pass is
 * needed for the neuron's mean. The shift is the unit's first value, which keeps a cell sitting
 * near 20 from losing its small movements to rounding. Sums run in float over blocks of
 * {@value #BLOCK_STEPS} steps (twice as many values per vector instruction as double) and are
 * carried in double between blocks, so rounding does not grow with the passage.
 */
public final class FeatureCorrelations {

    private static final int BLOCK_STEPS = 64;

    // Only the results are kept, not the activations: those may be hundreds of megabytes.
    private final float[][][][] correlations; // [layer][quantity][feature] -> [units], null where not recorded

    private FeatureCorrelations(float[][][][] correlations) {
        this.correlations = correlations;
    }

    /**
     * Matrices are processed in parallel (the common fork-join pool), one task per layer and
     * quantity: each is independent and large enough to be worth a thread.
     *
     * @throws IllegalArgumentException if the features and the activations cover different numbers of steps
     */
    public static FeatureCorrelations compute(PassageActivations activations, TextFeatures features) {
        if (features.steps() != activations.steps()) {
            throw new IllegalArgumentException("features cover " + features.steps() + " steps, activations "
                    + activations.steps() + ": compute both from the same passage");
        }
        TextFeature[] all = TextFeature.values();
        float[][] centred = new float[all.length][];   // [feature][steps], null for a constant feature
        double[] sumsOfSquares = new double[all.length]; // [feature] Σ (f − f̄)²
        for (TextFeature feature : all) {
            double[] signal = features.signalView(feature);
            centred[feature.ordinal()] = centre(signal);
            sumsOfSquares[feature.ordinal()] = sumOfSquaredDeviations(signal);
        }
        int layers = activations.layerCount();
        int quantities = Signal.values().length;
        float[][][][] correlations = new float[layers][quantities][][];
        IntStream.range(0, layers * quantities).parallel().forEach(task -> {
            int layer = task / quantities;
            Signal quantity = Signal.values()[task % quantities];
            if (activations.has(layer, quantity)) {
                correlations[layer][quantity.ordinal()] =
                        correlate(activations.matrix(layer, quantity), centred, sumsOfSquares);
            }
        });
        return new FeatureCorrelations(correlations);
    }

    /**
     * Correlations computed earlier and kept (a snapshot's detectors), to rank and look up as if
     * just computed.
     *
     * @param correlations  [layer][quantity ordinal][feature ordinal][units] r, a quantity null where
     *                      not recorded; taken as it is, not copied
     * @throws IllegalArgumentException if a recorded quantity lacks a feature or holds an r outside [−1, 1]
     */
    public static FeatureCorrelations of(float[][][][] correlations) {
        for (float[][][] byQuantity : correlations) {
            if (byQuantity.length != Signal.values().length) {
                throw new IllegalArgumentException("one entry per quantity, " + Signal.values().length + ", not " + byQuantity.length);
            }
            for (float[][] byFeature : byQuantity) {
                if (byFeature != null && byFeature.length != TextFeature.values().length) {
                    throw new IllegalArgumentException("one row per feature, " + TextFeature.values().length + ", not " + byFeature.length);
                }
                for (float[] rs : byFeature == null ? new float[0][] : byFeature) {
                    for (float r : rs) {
                        if (!(r >= -1 && r <= 1)) {
                            throw new IllegalArgumentException("r must lie in [-1, 1], got " + r);
                        }
                    }
                }
            }
        }
        return new FeatureCorrelations(correlations);
    }

    /** Layers the activations had. */
    public int layerCount() {
        return correlations.length;
    }

    /** Whether {@code quantity} was recorded for {@code layer} (a GRU has no forget gate, an RNN only h). */
    public boolean has(int layer, Signal quantity) {
        return layer >= 0 && layer < correlations.length && correlations[layer][quantity.ordinal()] != null;
    }

    /** r per unit for one layer, quantity and feature: [units], a copy; 0 where undefined. */
    public float[] correlations(int layer, Signal quantity, TextFeature feature) {
        return recorded(layer, quantity)[feature.ordinal()].clone();
    }

    public double r(int layer, Signal quantity, int unit, TextFeature feature) {
        return recorded(layer, quantity)[feature.ordinal()][unit];
    }

    /** [feature][units] for a layer and quantity the activations had. */
    private float[][] recorded(int layer, Signal quantity) {
        if (layer < 0 || layer >= correlations.length || correlations[layer][quantity.ordinal()] == null) {
            throw new IllegalArgumentException("no " + quantity.displayName() + " was recorded for layer " + (layer + 1)
                    + " of " + correlations.length);
        }
        return correlations[layer][quantity.ordinal()];
    }

    /** The {@code k} neurons of any layer and quantity with the largest |r| for a feature, largest first. */
    public List<NeuronFinding> top(TextFeature feature, int k) {
        return top(feature, null, k);
    }

    /** The same among one quantity only, e.g. cells, where the gates would crowd the list. */
    public List<NeuronFinding> top(TextFeature feature, Signal quantity, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        List<NeuronFinding> best = new ArrayList<>(k + 1); // kept sorted, best first
        for (int layer = 0; layer < correlations.length; layer++) {
            for (Signal q : Signal.values()) {
                float[][] byFeature = correlations[layer][q.ordinal()];
                if (byFeature == null || quantity != null && q != quantity) {
                    continue;
                }
                float[] rs = byFeature[feature.ordinal()];
                for (int unit = 0; unit < rs.length; unit++) {
                    float r = rs[unit];
                    boolean beatsWorst = best.size() < k || Math.abs(r) > Math.abs(best.get(best.size() - 1).r());
                    if (r != 0 && beatsWorst) {
                        insert(best, new NeuronFinding(layer, q, unit, feature, r), k);
                    }
                }
            }
        }
        return List.copyOf(best);
    }

    /** {@link #top(TextFeature, int)} for every feature, in {@link TextFeature} order. */
    public Map<TextFeature, List<NeuronFinding>> top(int k) {
        Map<TextFeature, List<NeuronFinding>> byFeature = new EnumMap<>(TextFeature.class);
        for (TextFeature feature : TextFeature.values()) {
            byFeature.put(feature, top(feature, k));
        }
        return byFeature;
    }

    /**
     * Neurons are visited in (layer, quantity, unit) order and only a strictly larger |r| moves
     * ahead, so ties keep that order and the list is the same on every run.
     */
    private static void insert(List<NeuronFinding> best, NeuronFinding finding, int k) {
        int at = best.size();
        while (at > 0 && Math.abs(finding.r()) > Math.abs(best.get(at - 1).r())) {
            at--;
        }
        best.add(at, finding);
        if (best.size() > k) {
            best.remove(best.size() - 1);
        }
    }

    /** f − f̄ as floats, [steps]; null when the signal is constant (or empty), as nothing correlates with it. */
    private static float[] centre(double[] signal) {
        if (sumOfSquaredDeviations(signal) == 0) {
            return null;
        }
        double mean = 0;
        for (double value : signal) {
            mean += value;
        }
        mean /= signal.length;
        float[] centred = new float[signal.length]; // [steps]
        for (int step = 0; step < signal.length; step++) {
            centred[step] = (float) (signal[step] - mean);
        }
        return centred;
    }

    private static double sumOfSquaredDeviations(double[] signal) {
        if (signal.length == 0) {
            return 0;
        }
        double mean = 0;
        for (double value : signal) {
            mean += value;
        }
        mean /= signal.length;
        double sum = 0;
        for (double value : signal) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }

    /**
     * One pass over a matrix.
     *
     * @param centred       [feature][steps] f − f̄, null for constant features
     * @param sumsOfSquares [feature] Σ (f − f̄)²
     * @return [feature][units] r
     */
    private static float[][] correlate(NeuronMatrix matrix, float[][] centred, double[] sumsOfSquares) {
        int steps = matrix.steps();
        int units = matrix.units();
        int features = centred.length;
        float[] values = matrix.values(); // [steps][units]

        float[] shift = new float[units];            // [units] x₀, the first step
        float[] deviation = new float[units];        // [units] d = x − x₀ at the current step
        float[] blockSum = new float[units];         // [units] Σ d over the block
        float[] blockSumOfSquares = new float[units]; // [units] Σ d² over the block
        float[][] blockProducts = new float[features][]; // [feature][units] Σ d (f − f̄) over the block
        double[] sum = new double[units];            // [units] Σ d
        double[] sumOfSquares = new double[units];   // [units] Σ d²
        double[][] products = new double[features][]; // [feature][units] Σ d (f − f̄)
        for (int f = 0; f < features; f++) {
            if (centred[f] != null) {
                blockProducts[f] = new float[units];
                products[f] = new double[units];
            }
        }
        if (steps > 0) {
            System.arraycopy(values, 0, shift, 0, units);
        }

        for (int step = 0; step < steps; step++) {
            int base = step * units;
            for (int unit = 0; unit < units; unit++) {
                float d = values[base + unit] - shift[unit];
                deviation[unit] = d;
                blockSum[unit] += d;
                blockSumOfSquares[unit] += d * d;
            }
            for (int f = 0; f < features; f++) {
                if (centred[f] == null) {
                    continue;
                }
                float weight = centred[f][step];
                float[] block = blockProducts[f];
                for (int unit = 0; unit < units; unit++) {
                    block[unit] += weight * deviation[unit];
                }
            }
            if ((step + 1) % BLOCK_STEPS == 0 || step == steps - 1) {
                carry(blockSum, sum);
                carry(blockSumOfSquares, sumOfSquares);
                for (int f = 0; f < features; f++) {
                    if (blockProducts[f] != null) {
                        carry(blockProducts[f], products[f]);
                    }
                }
            }
        }

        float[][] r = new float[features][units]; // [feature][units], 0 where undefined
        for (int unit = 0; unit < units; unit++) {
            double deviations = sumOfSquares[unit] - sum[unit] * sum[unit] / steps; // Σ (x − x̄)²
            if (!(deviations > 0)) {
                continue; // a constant unit: r undefined, left at 0
            }
            for (int f = 0; f < features; f++) {
                if (products[f] != null) {
                    double rho = products[f][unit] / Math.sqrt(deviations * sumsOfSquares[f]);
                    r[f][unit] = (float) Math.max(-1, Math.min(1, rho)); // rounding may step just past ±1
                }
            }
        }
        return r;
    }

    /** Adds a block's float sums into the running double sums and clears the block. */
    private static void carry(float[] block, double[] total) {
        for (int i = 0; i < block.length; i++) {
            total[i] += block[i];
            block[i] = 0;
        }
    }
}
