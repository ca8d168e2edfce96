package org.charscope.explore;

import java.util.EnumMap;
import java.util.Map;
import org.charscope.model.Signal;

/**
 * {@value #BINS} equal bins over a signal's range, in which a unit's values are counted to choose
 * its threshold: [0, 1] for a gate, [−1, 1] for the candidate and h, and for the unbounded cell
 * state [−1, 1] on the scale of tanh(c). tanh is monotonic, so a threshold on tanh(c) is a
 * threshold on c ({@code atanh} of it); the bins are then as fine where the cell matters (near 0)
 * as they are useless far out, where tanh(c) no longer moves h.
 *
 * <p>A threshold is the lower edge of a bin k (1 to {@value #BINS} − 1), kept as a float in the
 * quantity's own units: {@code edge_k = low + k · (high − low) / BINS}, and {@code atanh} of that for
 * the cell. A value's bin is the last edge at or below it, so "bin ≥ k" and "value ≥ edge_k" are
 * the same test, exactly: the validation pass compares values with one float per unit and never
 * bins, nor takes a tanh, and still counts at the threshold the histograms chose.
 */
final class SignalBins {

    static final int BINS = 256;
    private static final Map<Signal, SignalBins> ALL = new EnumMap<>(Signal.class);

    static {
        for (Signal signal : Signal.values()) {
            if (signal != Signal.TANH_CELL) {   // binned as the cell
                ALL.put(signal, new SignalBins(signal));
            }
        }
    }

    private final boolean cell;
    private final float low;           // on the binned scale
    private final float binsPerUnit;   // on the binned scale
    private final float[] edges;       // [BINS] lower edge of each bin in the quantity's units; edges[0] = −∞

    private SignalBins(Signal signal) {
        cell = signal == Signal.CELL;
        double lowScaled = cell ? -1 : signal.low();
        double highScaled = cell ? 1 : signal.high();
        low = (float) lowScaled;
        binsPerUnit = (float) (BINS / (highScaled - lowScaled));
        edges = new float[BINS];
        edges[0] = Float.NEGATIVE_INFINITY;
        for (int k = 1; k < BINS; k++) {
            double scaled = lowScaled + k * (highScaled - lowScaled) / BINS;
            edges[k] = (float) (cell ? 0.5 * Math.log((1 + scaled) / (1 - scaled)) : scaled);
        }
    }

    static SignalBins of(Signal signal) {
        SignalBins bins = ALL.get(signal);
        if (bins == null) {
            throw new IllegalArgumentException("the " + signal.displayName() + " is binned as the cell");
        }
        return bins;
    }

    /** The bin of a value: the last edge at or below it (a value outside the range goes to an end bin). */
    int bin(float value) {
        float scaled = cell ? fastTanh(value) : value;
        int bin = Math.max(0, Math.min(BINS - 1, (int) ((scaled - low) * binsPerUnit)));
        // the estimate is off by at most one where rounding or the fast tanh land next to an edge
        while (bin > 0 && value < edges[bin]) {
            bin--;
        }
        while (bin < BINS - 1 && value >= edges[bin + 1]) {
            bin++;
        }
        return bin;
    }

    /** The bins of {@code from[offset, offset + units)} counted into {@code counts[unit · BINS + bin]}. */
    void count(float[] from, int offset, int units, int[] counts) {
        for (int u = 0; u < units; u++) {
            counts[u * BINS + bin(from[offset + u])]++;
        }
    }

    /** Edge {@code k} in the quantity's own units: a value is at or above it when its bin is k or more. */
    float edge(int k) {
        return edges[k];
    }

    /** A value on the binned scale: tanh(c) for the cell, the value itself otherwise. */
    double scaled(float value) {
        return cell ? Math.tanh(value) : value;
    }

    /** Edge {@code k} on the binned scale. */
    double scaledEdge(int k) {
        return low + k / (double) binsPerUnit;
    }

    /** tanh(x) = 1 − 2 / (e^{2x} + 1), with the JIT's fast exp: only a first guess of the bin. */
    private static float fastTanh(float x) {
        return 1 - 2 / ((float) Math.exp(2 * x) + 1);
    }
}
