package org.charscope.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.charscope.model.CharLstm;
import org.charscope.model.Signal;

/**
 * Tests a learner's hypothesis "this feature has a unit of its own" on a whole text: for every
 * layer, every signal the cell exposes and every unit, in both directions,
 * <ol>
 *   <li>over the last {@value #THRESHOLD_CHARACTERS} characters of the training part (all of it
 *       when shorter), a histogram of the unit's values on positive and on negative characters
 *       ({@link ThresholdHistograms}), from which each unit's threshold and direction with the best
 *       F1 ({@link ThresholdChoice});</li>
 *   <li>over the validation part, at that threshold, its true and false positives
 *       ({@link ThresholdCounts}): precision, recall and F1 on text the threshold never saw.</li>
 * </ol>
 * Both passes stream ({@link PassageStream}): memory is the histograms and counters, never the
 * activations. Time is two readings of the stretches, linear in characters × layers × hidden².
 * tanh(cell) needs no pass of its own: the cell is binned on that scale.
 *
 * <p>Call on the thread that owns the model; the results are plain Java.
 */
public final class FeatureHypothesis {

    /** Characters at the end of the training part on which thresholds are chosen. */
    public static final int THRESHOLD_CHARACTERS = 100_000;

    /** Best first; then layer, quantity and unit, so equal scores list in a fixed order. */
    private static final Comparator<UnitScore> BEST_FIRST = Comparator.comparingDouble(UnitScore::f1).reversed()
            .thenComparingInt(s -> s.neuron().layer())
            .thenComparing(s -> s.neuron().quantity())
            .thenComparingInt(s -> s.neuron().unit());

    private FeatureHypothesis() {
    }

    /**
     * @param ids            [characters] the whole text as the model's symbols
     * @param labels         the feature over the same characters
     * @param validationFrom where the validation part starts; the training part is before it
     * @throws IllegalArgumentException if the feature never holds in the validation part or in the
     *                                  characters thresholds are chosen on (the message says which)
     * @throws CancellationException    if {@code progress} asked to stop
     */
    public static HypothesisResult test(CharLstm model, int[] ids, FeatureLabels labels, int validationFrom,
                                        ReadProgress progress) {
        checkStretch(ids, labels, validationFrom);
        int thresholdFrom = Math.max(0, validationFrom - THRESHOLD_CHARACTERS);
        int positives = labels.count(validationFrom, ids.length);
        if (positives == 0) {
            throw new IllegalArgumentException("the feature holds nowhere in the validation part (the last "
                    + (ids.length - validationFrom) + " characters): nothing to score it on");
        }
        if (labels.count(thresholdFrom, validationFrom) == 0) {
            throw new IllegalArgumentException("the feature holds nowhere in the " + (validationFrom - thresholdFrom)
                    + " characters before the validation part: no threshold can be chosen");
        }
        int layers = model.config().layers();
        int hidden = model.config().hidden();
        List<Signal> signals = model.config().cell().signals();
        long total = ids.length - thresholdFrom;

        ThresholdHistograms histograms = new ThresholdHistograms(labels, layers, signals, hidden);
        PassageStream.read(model, ids, thresholdFrom, validationFrom, histograms, part(progress, 0, total));
        ThresholdChoice[][][] chosen = histograms.choose();
        ThresholdCounts counts = new ThresholdCounts(labels, signals, hidden, chosen);
        PassageStream.read(model, ids, validationFrom, ids.length, counts,
                part(progress, validationFrom - thresholdFrom, total));

        List<UnitScore> units = new ArrayList<>(layers * signals.size() * hidden);
        for (int l = 0; l < layers; l++) {
            for (int s = 0; s < signals.size(); s++) {
                Signal signal = signals.get(s);
                for (int u = 0; u < hidden; u++) {
                    ThresholdChoice choice = chosen[l][s][u];
                    int truePositives = counts.truePositives(l, s, u);
                    units.add(new UnitScore(new Neuron(l, signal, u), choice.direction(),
                            SignalBins.of(signal).edge(choice.edge()), choice.f1(), truePositives,
                            counts.falsePositives(l, s, u), positives - truePositives));
                }
            }
        }
        units.sort(BEST_FIRST);
        return new HypothesisResult(validationFrom - thresholdFrom, validationFrom, ids.length - validationFrom,
                positives, units);
    }

    /**
     * One more reading of the validation part, for one unit only: its {@code count} worst runs of
     * false positives and of false negatives, as passages of the validation part.
     */
    public static UnitErrors worstErrors(CharLstm model, int[] ids, FeatureLabels labels, int validationFrom,
                                         UnitScore unit, int count, ReadProgress progress) {
        checkStretch(ids, labels, validationFrom);
        if (count < 1) {
            throw new IllegalArgumentException("ask for at least one passage, not " + count);
        }
        ErrorRuns runs = new ErrorRuns(labels, unit, validationFrom, count);
        PassageStream.read(model, ids, validationFrom, ids.length, runs, progress);
        List<List<ErrorPassage>> worst = runs.finish();
        return new UnitErrors(unit, worst.get(0), worst.get(1));
    }

    private static void checkStretch(int[] ids, FeatureLabels labels, int validationFrom) {
        if (labels.length() != ids.length) {
            throw new IllegalArgumentException("the feature labels " + labels.length() + " characters and the text has "
                    + ids.length + ": label the text that is read");
        }
        if (validationFrom < 1 || validationFrom >= ids.length) {
            throw new IllegalArgumentException("the validation part must start inside the text (1 to "
                    + (ids.length - 1) + "), not at " + validationFrom);
        }
    }

    /** A reading that is part of a longer one: its steps counted after {@code before} of {@code total}. */
    private static ReadProgress part(ReadProgress whole, long before, long total) {
        return new ReadProgress() {
            @Override
            public void update(long stepsDone, long stepsTotal) {
                whole.update(before + stepsDone, total);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }
}
