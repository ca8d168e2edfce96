package org.charscope.explore;

import java.util.concurrent.CancellationException;
import org.charscope.model.CharLstm;

/**
 * LSTMVis' match view over a whole text: where else the units of a brushed span's
 * {@link OnOffPattern} show the same pattern, all on over a stretch and off just outside it. One
 * streaming reading of the stretch ({@link PassageStream}, as the hypothesis test reads), so
 * memory is one batch's bits and the best matches whatever the book's length; time is one reading,
 * linear in characters × layers × hidden².
 *
 * <p>Call on the thread that owns the model; the result is plain Java.
 */
public final class PatternSearch {

    private PatternSearch() {
    }

    /**
     * @param ids      [characters] the whole text as the model's symbols (the characters before {@code from} warm the reading up)
     * @param from     first character searched, e.g. the validation part's start; matches are counted from it
     * @param count    matches kept, best first
     * @throws CancellationException if {@code progress} asked to stop
     */
    public static PatternMatches find(CharLstm model, int[] ids, int from, OnOffPattern pattern, int count,
                                      ReadProgress progress) {
        if (from < 0 || from >= ids.length) {
            throw new IllegalArgumentException("the search must start inside the text (0 to " + (ids.length - 1)
                    + "), not at " + from);
        }
        for (PatternUnit unit : pattern.units()) {
            if (unit.neuron().layer() >= model.config().layers() || unit.neuron().unit() >= model.config().hidden()
                    || !model.config().cell().signals().contains(unit.readSignal())) {
                throw new IllegalArgumentException("this model has no " + unit.neuron().describe()
                        + ": the pattern was brushed on another model");
            }
        }
        PatternRuns runs = new PatternRuns(pattern, from, count);
        PassageStream.read(model, ids, from, ids.length, runs, progress);
        return runs.finish();
    }
}
