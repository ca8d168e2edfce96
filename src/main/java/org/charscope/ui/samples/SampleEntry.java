package org.charscope.ui.samples;

import java.util.Locale;

/**
 * One sample in the timeline: the text the model wrote at an iteration, with what it knew then.
 *
 * @param validationLoss nats per character at the last evaluation before it, NaN if none yet
 */
public record SampleEntry(long iteration, double epoch, double validationLoss, double temperature, String prime,
                          String text) {

    /** "iteration 1,200 · epoch 0.35 · val 1.921 nats · T 0.80" */
    public String caption() {
        String validation = Double.isNaN(validationLoss) ? "no validation yet"
                : String.format(Locale.ROOT, "val %.3f nats", validationLoss);
        return String.format(Locale.ROOT, "iteration %,d · epoch %.2f · %s · T %.2f", iteration, epoch, validation,
                temperature);
    }
}
