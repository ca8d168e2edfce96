package org.charscope.explore;

import java.util.List;
import org.charscope.model.Signal;

/**
 * The second pass of a hypothesis: per layer, signal and unit, at its chosen threshold, how many
 * positive steps it called on (TP) and how many negative ones (FP). Memory: two counters a unit.
 */
final class ThresholdCounts implements PassageStream.StepSink {

    private final FeatureLabels labels;
    private final List<Signal> signals;
    private final int hidden;
    private final ThresholdChoice[][][] chosen; // [layer][signal index][unit]
    private final int[][][] onPositive;         // [layer][signal index][unit] TP
    private final int[][][] onNegative;         // [layer][signal index][unit] FP

    ThresholdCounts(FeatureLabels labels, List<Signal> signals, int hidden, ThresholdChoice[][][] chosen) {
        this.labels = labels;
        this.signals = signals;
        this.hidden = hidden;
        this.chosen = chosen;
        this.onPositive = new int[chosen.length][signals.size()][hidden];
        this.onNegative = new int[chosen.length][signals.size()][hidden];
    }

    @Override
    public void signal(int position, Signal signal, int layer, float[] from, int offset) {
        int s = signals.indexOf(signal);
        int[] on = (labels.isPositive(position) ? onPositive : onNegative)[layer][s];
        ThresholdChoice[] thresholds = chosen[layer][s];
        for (int u = 0; u < hidden; u++) {
            ThresholdChoice t = thresholds[u];
            if (t.direction().isOn(SignalBins.bin(signal, from[offset + u]), t.edge())) {
                on[u]++;
            }
        }
    }

    int truePositives(int layer, int signalIndex, int unit) {
        return onPositive[layer][signalIndex][unit];
    }

    int falsePositives(int layer, int signalIndex, int unit) {
        return onNegative[layer][signalIndex][unit];
    }
}
