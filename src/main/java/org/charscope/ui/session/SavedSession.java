package org.charscope.ui.session;

import java.util.List;
import org.charscope.train.RunSettings;
import org.charscope.ui.samples.SampleEntry;

/**
 * What the window needs to pick a run up again after it was closed: which text, which settings,
 * the loss history and the sample timeline. The model itself is in the checkpoint beside it.
 *
 * @param texts       the files the text came from; empty for the built-in sample
 * @param settings    the training settings
 * @param training    [points][4]: iteration, epoch, loss in nats, gradient norm
 * @param validation  [points][3]: iteration, epoch, loss in nats
 */
public record SavedSession(int version, long savedAtMillis, List<String> texts, RunSettings settings,
                           double[][] training, double[][] validation, List<SampleEntry> samples) {

    public static final int VERSION = 1;

    /** The last iteration the loss history reaches, 0 when empty. */
    public long lastIteration() {
        return training.length == 0 ? 0 : (long) training[training.length - 1][0];
    }
}
