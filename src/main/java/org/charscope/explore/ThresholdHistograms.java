package org.charscope.explore;

import java.util.List;
import org.charscope.model.Signal;

/**
 * The first pass of a hypothesis: per layer, signal and unit, how often each bin of its values
 * ({@link SignalBins}) came with a positive step and with a negative one. Memory is the histograms
 * alone, {@code 2 × layers × signals × hidden × BINS} counts (12 MB for 2 × 512 LSTM layers),
 * whatever the length read.
 */
final class ThresholdHistograms implements PassageStream.StepSink {

    private final FeatureLabels labels;
    private final List<Signal> signals;
    private final int hidden;
    private final int[][][] positive; // [layer][signal index][unit · BINS + bin]
    private final int[][][] negative; // [layer][signal index][unit · BINS + bin]

    ThresholdHistograms(FeatureLabels labels, int layers, List<Signal> signals, int hidden) {
        this.labels = labels;
        this.signals = signals;
        this.hidden = hidden;
        this.positive = new int[layers][signals.size()][hidden * SignalBins.BINS];
        this.negative = new int[layers][signals.size()][hidden * SignalBins.BINS];
    }

    @Override
    public void signal(int position, Signal signal, int layer, float[] from, int offset) {
        int[][][] counts = labels.isPositive(position) ? positive : negative;
        SignalBins.of(signal).count(from, offset, hidden, counts[layer][signals.indexOf(signal)]);
    }

    /** [layer][signal index][unit] each unit's best threshold on what was counted. */
    ThresholdChoice[][][] choose() {
        ThresholdChoice[][][] chosen = new ThresholdChoice[positive.length][signals.size()][hidden];
        for (int l = 0; l < positive.length; l++) {
            for (int s = 0; s < signals.size(); s++) {
                for (int u = 0; u < hidden; u++) {
                    chosen[l][s][u] = ThresholdChoice.best(positive[l][s], negative[l][s], u * SignalBins.BINS,
                            SignalBins.BINS);
                }
            }
        }
        return chosen;
    }
}
