package org.charscope.explore;

import java.util.Locale;

/**
 * How well one unit, read as "on" beyond its threshold, stands for a feature on text it did not
 * choose its threshold on:
 * <pre>
 *   precision = TP / (TP + FP)      recall = TP / (TP + FN)      F1 = 2·TP / (2·TP + FP + FN)
 * </pre>
 * each 0 where its denominator is (a unit never on has precision 0).
 *
 * @param neuron         layer, quantity and unit
 * @param direction      on above or below the threshold
 * @param threshold      in the quantity's own units (for the cell, c itself: atanh of the tanh(c) bin edge);
 *                       a float widened, as the values it is compared with are floats
 * @param thresholdF1    F1 on the characters the threshold was chosen on
 * @param truePositives  validation characters positive and on
 * @param falsePositives validation characters negative and on
 * @param falseNegatives validation characters positive and off
 */
public record UnitScore(Neuron neuron, Direction direction, double threshold, double thresholdF1,
                        int truePositives, int falsePositives, int falseNegatives) {

    /** Whether the unit is on at this value. */
    public boolean isOn(float value) {
        return direction.isOn(value, (float) threshold);
    }

    public double precision() {
        int on = truePositives + falsePositives;
        return on == 0 ? 0 : (double) truePositives / on;
    }

    public double recall() {
        int positives = truePositives + falseNegatives;
        return positives == 0 ? 0 : (double) truePositives / positives;
    }

    public double f1() {
        return ThresholdChoice.f1(truePositives, falsePositives, truePositives + falseNegatives);
    }

    /** "layer 1 · cell 7 · on above 0.412 · F1 0.96 (precision 1.00, recall 0.92)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s · on %s %.3f · F1 %.2f (precision %.2f, recall %.2f)",
                neuron.describe(), direction.id(), threshold, f1(), precision(), recall());
    }
}
