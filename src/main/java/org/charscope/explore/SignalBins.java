package org.charscope.explore;

import org.charscope.model.Signal;

/**
 * {@value #BINS} equal bins over a signal's range, in which a unit's values are counted to choose
 * its threshold: [0, 1] for a gate, [−1, 1] for the candidate and h, and for the unbounded cell
 * state [−1, 1] on the scale of tanh(c). tanh is monotonic, so a threshold on tanh(c) is a
 * threshold on c ({@code atanh} of it); the bins are then as fine where the cell matters (near 0)
 * as they are useless far out, where tanh(c) no longer moves h.
 *
 * <p>A threshold is the lower edge of a bin {@code k} (1 to {@value #BINS} − 1):
 * {@code edge_k = low + k · (high − low) / BINS}; a value is at or above it when its bin is
 * {@code k} or more. Both passes of a hypothesis compare bins, never floats, so the validation
 * counts use exactly the threshold the histograms chose.
 */
final class SignalBins {

    static final int BINS = 256;

    private SignalBins() {
    }

    /** Where the bins start, on the binned scale. */
    static double low(Signal signal) {
        return signal == Signal.CELL ? -1 : signal.low();
    }

    /** Bins per unit of the binned scale. */
    static double binsPerUnit(Signal signal) {
        double high = signal == Signal.CELL ? 1 : signal.high();
        return BINS / (high - low(signal));
    }

    /** The value on the binned scale: tanh(c) for the cell, the value itself otherwise. */
    static double scaled(Signal signal, float value) {
        return signal == Signal.CELL ? Math.tanh(value) : value;
    }

    /** The bin of a value; values outside the range (rounding at a saturated gate) go to the end bins. */
    static int bin(Signal signal, float value) {
        return clamp((int) Math.floor((scaled(signal, value) - low(signal)) * binsPerUnit(signal)));
    }

    /**
     * The bins of {@code from[offset, offset + units)} counted into {@code counts[unit · BINS + bin]}:
     * the inner loop of a threshold pass, with the range looked up once.
     */
    static void count(Signal signal, float[] from, int offset, int units, int[] counts) {
        boolean cell = signal == Signal.CELL;
        double low = low(signal);
        double scale = binsPerUnit(signal);
        for (int u = 0; u < units; u++) {
            double v = cell ? Math.tanh(from[offset + u]) : from[offset + u];
            counts[u * BINS + clamp((int) Math.floor((v - low) * scale))]++;
        }
    }

    /** Edge {@code edge} on the binned scale: what {@link #scaled} values are compared with. */
    static double scaledEdge(Signal signal, int edge) {
        return low(signal) + edge / binsPerUnit(signal);
    }

    /** Edge {@code edge} in the quantity's own units: {@code atanh} of the scaled edge for the cell. */
    static double threshold(Signal signal, int edge) {
        double scaled = scaledEdge(signal, edge);
        return signal == Signal.CELL ? 0.5 * Math.log((1 + scaled) / (1 - scaled)) : scaled;
    }

    private static int clamp(int bin) {
        return bin < 0 ? 0 : Math.min(bin, BINS - 1);
    }
}
