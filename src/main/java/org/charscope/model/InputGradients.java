package org.charscope.model;

import java.util.Arrays;

/**
 * Which earlier symbols made the model expect the next one: the gradient of {@code log p(target)},
 * read after {@code ids} from a zero state, with respect to each one-hot input, by one backward
 * pass from that single output through the unrolled network to the inputs.
 * <pre>
 *   L       = -log softmax(y_{T-1})[target]                       the loss of the last step alone
 *   dz^0_t  = dL / d(x_t Wx_0 + b_0)                  [G·H]       the first layer's input projection
 *   g_t     = d log p / d x_t = -dz^0_t Wx_0^T       [vocab]
 *   score_t = g_t · x_t = g_t[s_t]                                gradient × input: x_t is one-hot
 * </pre>
 * A positive score raises the probability. {@link #occlusion} is the cross-check that needs no
 * gradient: the change of {@code log p(target)} when symbol t is replaced by another (a space).
 *
 * <p>Both overwrite the model's workspaces and {@link #gradients} its gradient array: call them on
 * a model of its own (a reader's), never on the model a trainer owns.
 */
public final class InputGradients {

    /** Windows read side by side per pass by {@link #occlusion}: bounds its memory for a large model. */
    static final int OCCLUSION_BATCH = 32;

    /**
     * The explanation of one guess.
     *
     * @param scores       [steps] gradient × input of each symbol read
     * @param probability  p(target) after the last symbol
     */
    public record Explanation(double[] scores, double probability) {
    }

    private InputGradients() {
    }

    /** Gradient × input of every symbol of {@code ids} for {@code log p(target)} after the last. */
    public static Explanation explain(CharLstm model, int[] ids, int target) {
        refuseEmbedding(model);
        int steps = ids.length;
        int gates = model.config().gateWidth();
        Workspace w = model.backwardFromLast(ids, target);
        double[] dz = w.z[0].toDoubles();                     // [steps, G·H] batch 1
        double[] wx = model.inputWeights(0).toDoubles();      // [vocab, G·H]
        double[] scores = new double[steps];
        for (int t = 0; t < steps; t++) {
            scores[t] = -dot(dz, t * gates, wx, ids[t] * gates, gates);
        }
        return new Explanation(scores, probabilityOfTarget(w, model.config().vocabSize(), steps, target));
    }

    /** The full gradient g_t for every step and every symbol: [steps][vocab]. For the finite-difference check. */
    static double[][] gradients(CharLstm model, int[] ids, int target) {
        refuseEmbedding(model);
        int gates = model.config().gateWidth();
        int vocab = model.config().vocabSize();
        Workspace w = model.backwardFromLast(ids, target);
        double[] dz = w.z[0].toDoubles();
        double[] wx = model.inputWeights(0).toDoubles();
        double[][] g = new double[ids.length][vocab];
        for (int t = 0; t < ids.length; t++) {
            for (int k = 0; k < vocab; k++) {
                g[t][k] = -dot(dz, t * gates, wx, k * gates, gates);
            }
        }
        return g;
    }

    /**
     * Occlusion: for each step t, {@code log p(target)} after {@code ids} minus the same with
     * symbol t replaced by {@code replacement}; positive when symbol t raised the probability.
     * One batched pass per {@value #OCCLUSION_BATCH} steps.
     */
    public static double[] occlusion(CharLstm model, int[] ids, int target, int replacement) {
        double original = Math.log(softmax(model.windowLogits(ids))[target]);
        double[] change = new double[ids.length];
        for (int first = 0; first < ids.length; first += OCCLUSION_BATCH) {
            int count = Math.min(OCCLUSION_BATCH, ids.length - first);
            int[][] windows = new int[count][];
            for (int i = 0; i < count; i++) {
                windows[i] = ids.clone();
                windows[i][first + i] = replacement;
            }
            double[] logP = new double[count];
            int last = ids.length - 1;
            model.readWindows(windows, new WindowReader() {
                @Override
                public boolean keeps(int window, int step) {
                    return step == last;
                }

                @Override
                public void signal(int window, Signal signal, int layer, int step, float[] from, int offset) {
                }

                @Override
                public void probabilities(int window, int step, float[] from, int offset) {
                    logP[window] = Math.log(from[offset + target]);
                }
            });
            for (int i = 0; i < count; i++) {
                change[first + i] = original - logP[i];
            }
        }
        return change;
    }

    /**
     * p(target), read back from the logit gradient the loss left: with a gradient scale of 1 it is
     * {@code softmax(y) - onehot(target)}, so its target entry is {@code p - 1}.
     */
    private static double probabilityOfTarget(Workspace w, int vocab, int steps, int target) {
        return 1 + w.logits.slice((long) (steps - 1) * vocab + target, 1).toDoubles()[0];
    }

    private static void refuseEmbedding(CharLstm model) {
        if (!model.config().oneHot()) {
            throw new IllegalArgumentException("attribution reads one-hot symbols: a model without an embedding");
        }
    }

    static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElse(0);
        double sum = 0;
        double[] p = new double[logits.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private static double dot(double[] a, int from, double[] b, int at, int n) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += a[from + j] * b[at + j];
        }
        return sum;
    }
}
