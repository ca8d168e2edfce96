package org.charscope.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates symbols from a model one at a time, each fed back as the next input, from a fresh
 * state primed with a text. Runs on the model's thread; each symbol goes to a listener as soon as
 * it is drawn.
 */
public final class Sampler {

    /** Receives each generated symbol id, on the thread that samples; must be quick. */
    @FunctionalInterface
    public interface SymbolListener {
        void onSymbol(int id);
    }

    private Sampler() {
    }

    /**
     * Feeds {@code prime} (may be empty: the first input is then a random symbol, which is not
     * part of the result) and generates {@code settings.length()} symbols.
     *
     * @return the generated ids, without the prime
     * @throws IllegalArgumentException for a bidirectional model, which needs {@link #sample(CharLstm, int[], SampleSettings, SymbolListener, int)}
     */
    public static int[] sample(CharLstm model, int[] prime, SampleSettings settings, SymbolListener listener) {
        return sample(model, prime, settings, listener, 0);
    }

    /**
     * The same, for a model that predicts from windows of {@code window} symbols: with a
     * bidirectional model (and {@code window > 0}) each symbol is drawn from a fresh reading of
     * the last {@code window} symbols, the prime's and the generated ones (fewer at the start), as it
     * was trained; every other model steps on from its state, whatever the window.
     */
    public static int[] sample(CharLstm model, int[] prime, SampleSettings settings, SymbolListener listener, int window) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        int vocab = model.config().vocabSize();
        int[] start = prime.length > 0 ? prime : new int[] {random.nextInt(vocab)};
        boolean rereads = model.config().bidirectional();
        if (rereads && window < 1) {
            throw new IllegalArgumentException("a bidirectional model samples from windows: give their length");
        }
        int[] out = new int[settings.length()];
        if (rereads) {
            int[] text = Arrays.copyOf(start, start.length + out.length);  // the prime, then what is drawn
            int length = start.length;
            for (int i = 0; i < out.length; i++) {
                int from = Math.max(0, length - window);
                int id = pick(model.windowLogits(Arrays.copyOfRange(text, from, length)), settings, random);
                out[i] = id;
                text[length++] = id;
                if (listener != null) {
                    listener.onSymbol(id);
                }
            }
            return out;
        }
        LstmState state = model.newState(1);
        double[] logits = model.nextLogits(start, state);
        int[] next = new int[1];
        for (int i = 0; i < out.length; i++) {
            int id = pick(logits, settings, random);
            out[i] = id;
            if (listener != null) {
                listener.onSymbol(id);
            }
            if (i + 1 < out.length) {
                next[0] = id;
                logits = model.nextLogits(next, state);
            }
        }
        return out;
    }

    /**
     * Draws one symbol from logits: greedy takes the largest (lowest id on ties); otherwise the
     * softmax of logits / temperature, cut to the top k and then to the nucleus of mass p,
     * renormalised, sampled with one uniform draw.
     */
    static int pick(double[] logits, SampleSettings settings, SplittableRandom random) {
        int vocab = logits.length;
        if (settings.greedy()) {
            return argmax(logits);
        }
        double max = logits[argmax(logits)];
        double[] p = new double[vocab];
        double sum = 0;
        for (int k = 0; k < vocab; k++) {
            p[k] = Math.exp((logits[k] - max) / settings.temperature());
            sum += p[k];
        }
        for (int k = 0; k < vocab; k++) {
            p[k] /= sum;
        }
        boolean truncate = (settings.topK() > 0 && settings.topK() < vocab) || settings.topP() < 1;
        if (truncate) {
            Integer[] order = new Integer[vocab];
            for (int k = 0; k < vocab; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
            int keep = settings.topK() > 0 ? Math.min(settings.topK(), vocab) : vocab;
            if (settings.topP() < 1) {
                double mass = 0;
                int nucleus = 0;
                while (nucleus < keep && mass < settings.topP()) {
                    mass += p[order[nucleus]];
                    nucleus++;
                }
                keep = Math.max(1, nucleus);
            }
            boolean[] kept = new boolean[vocab];
            for (int r = 0; r < keep; r++) {
                kept[order[r]] = true;
            }
            double total = 0;
            for (int k = 0; k < vocab; k++) {
                if (!kept[k]) {
                    p[k] = 0;
                }
                total += p[k];
            }
            for (int k = 0; k < vocab; k++) {
                p[k] /= total;
            }
        }
        double u = random.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int k = 0; k < vocab; k++) {
            if (p[k] > 0) {
                cumulative += p[k];
                last = k;
                if (u < cumulative) {
                    return k;
                }
            }
        }
        return last; // u within rounding of 1
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
