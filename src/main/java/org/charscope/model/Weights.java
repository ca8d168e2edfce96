package org.charscope.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.charscope.model.ParameterLayout.Block;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's weights and their gradients: one flat parameter array and one flat gradient array of
 * the same layout ({@link ParameterLayout}), each weight a {@link Span} of them. One array each, so
 * that the optimizer, clipping and checkpoints make one pass over everything.
 *
 * <p>The forget-gate bias starts at 1, the rest at 0 (Jozefowicz et al. 2015, Gers et al. 2000):
 * with f = σ(0) = 0.5 the cell would halve every step at the start and gradients through the cell
 * would vanish over a few dozen steps; σ(1) ≈ 0.73 keeps memory long from the first iteration.
 * Weights start uniform in ±1/√hidden, as in PyTorch's LSTM; an embedding starts standard normal.
 */
final class Weights {

    final ParameterLayout layout;
    final INDArray parameters;  // [count]
    final INDArray gradients;   // [count]
    private final Map<Block, Span> parameter = new LinkedHashMap<>();
    private final Map<Block, Span> gradient = new LinkedHashMap<>();

    /** Weights drawn from {@code seed} (same seed, same weights). */
    Weights(LstmConfig config, long seed) {
        this.layout = ParameterLayout.of(config);
        long count = layout.count();
        this.parameters = Nd4j.zeros(config.precision().dataType(), count);
        this.gradients = Nd4j.zeros(config.precision().dataType(), count);
        Span allParameters = Span.of(parameters);
        Span allGradients = Span.of(gradients);
        for (Block block : layout.blocks()) {
            parameter.put(block, allParameters.slice(block.offset(), block.size()));
            gradient.put(block, allGradients.slice(block.offset(), block.size()));
        }
        initialise(config, seed);
    }

    /** The weight {@code block}, e.g. {@code of(layout.recurrentWeights[l])}. */
    Span of(Block block) {
        return parameter.get(block);
    }

    /** The gradient of the weight {@code block}. */
    Span gradientOf(Block block) {
        return gradient.get(block);
    }

    /** Names and offsets of the weight blocks, e.g. {@code "Wh1 @ 1234 [128 x 512]"}. */
    String describe() {
        StringBuilder out = new StringBuilder();
        for (Block b : layout.blocks()) {
            out.append(b.name()).append(" @ ").append(b.offset()).append(" [").append(b.rows()).append(" x ")
                    .append(b.cols()).append("]\n");
        }
        return out.toString();
    }

    private void initialise(LstmConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double scale = 1.0 / Math.sqrt(config.hidden());
        int hidden = config.hidden();
        for (Block block : layout.blocks()) {
            double[] values = new double[Math.toIntExact(block.size())];
            switch (block.kind()) {
                case EMBEDDING -> {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = gaussian(random);
                    }
                }
                case INPUT_WEIGHTS, RECURRENT_WEIGHTS, OUTPUT_WEIGHTS -> {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = scale * (2 * random.nextDouble() - 1);
                    }
                }
                case GATE_BIAS -> {
                    if (config.cell() == Cell.LSTM) {
                        Arrays.fill(values, hidden, 2 * hidden, 1.0); // forget gate: see class doc
                    }
                }
                case OUTPUT_BIAS -> { }
            }
            parameter.get(block).set(values);
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on JDK 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
