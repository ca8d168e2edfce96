package org.charscope.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.charscope.model.Signal;

/**
 * One unit's worst disagreements with a feature over a stretch, read once: consecutive characters
 * that are false positives (or false negatives) at its threshold merge into one {@link ErrorPassage},
 * ranked by how far the unit went past the threshold at the run's worst character. Keeps only the
 * current batch's values of the one unit and the best {@code count} runs of each kind.
 */
final class ErrorRuns implements PassageStream.StepSink {

    /** Worst first; among equals, the earlier. */
    static final Comparator<ErrorPassage> WORST_FIRST =
            Comparator.comparingDouble(ErrorPassage::distance).reversed().thenComparingInt(ErrorPassage::start);

    private final FeatureLabels labels;
    private final UnitScore unit;
    private final SignalBins bins;
    private final double scaledThreshold;
    private final int origin;
    private final int count;
    private final PriorityQueue<ErrorPassage> falsePositives;
    private final PriorityQueue<ErrorPassage> falseNegatives;
    private float[] pending = new float[PassageStream.CHUNK * PassageStream.WINDOWS_PER_BATCH]; // [position − base]
    private int base;
    // the run still open: kind 0 none, 1 false positives, −1 false negatives
    private int runKind;
    private int runStart;
    private double runDistance;

    /** @param from the first position read, which is also where passages are counted from */
    ErrorRuns(FeatureLabels labels, UnitScore unit, int from, int count) {
        this.labels = labels;
        this.unit = unit;
        this.bins = SignalBins.of(unit.neuron().quantity());
        this.scaledThreshold = bins.scaled((float) unit.threshold());
        this.origin = from;
        this.base = from;
        this.count = count;
        this.falsePositives = new PriorityQueue<>(WORST_FIRST.reversed());
        this.falseNegatives = new PriorityQueue<>(WORST_FIRST.reversed());
    }

    @Override
    public void signal(int position, Signal signal, int layer, float[] from, int offset) {
        Neuron neuron = unit.neuron();
        if (layer != neuron.layer() || signal != neuron.quantity()) {
            return;
        }
        int at = position - base;
        if (at >= pending.length) {
            pending = Arrays.copyOf(pending, Math.max(at + 1, 2 * pending.length));
        }
        pending[at] = from[offset + neuron.unit()];
    }

    /** The batch is complete: its steps, in order, extend or close runs. */
    @Override
    public void readUpTo(int position) {
        for (int p = base; p < position; p++) {
            float value = pending[p - base];
            boolean on = unit.isOn(value);
            boolean positive = labels.isPositive(p);
            int kind = on == positive ? 0 : on ? 1 : -1;
            double past = bins.scaled(value) - scaledThreshold;  // > 0 above the threshold
            double distance = Math.max(0, (kind == 1) == (unit.direction() == Direction.ABOVE) ? past : -past);
            if (kind != runKind) {
                close(p);
                runKind = kind;
                runStart = p;
                runDistance = distance;
            } else {
                runDistance = Math.max(runDistance, distance);
            }
        }
        base = position;
    }

    /** The worst runs: [0] false positives, [1] false negatives, each worst first. */
    List<List<ErrorPassage>> finish() {
        close(base);
        runKind = 0;
        List<ErrorPassage> positives = new ArrayList<>(falsePositives);
        List<ErrorPassage> negatives = new ArrayList<>(falseNegatives);
        positives.sort(WORST_FIRST);
        negatives.sort(WORST_FIRST);
        return List.of(positives, negatives);
    }

    private void close(int end) {
        if (runKind == 0) {
            return;
        }
        PriorityQueue<ErrorPassage> kept = runKind == 1 ? falsePositives : falseNegatives;
        kept.add(new ErrorPassage(runStart - origin, end - origin, runDistance));
        if (kept.size() > count) {
            kept.poll();
        }
    }
}
