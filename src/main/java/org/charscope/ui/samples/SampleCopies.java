package org.charscope.ui.samples;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.charscope.baseline.CopiedRuns;
import org.charscope.baseline.CopyIndex;
import org.charscope.ui.chart.Series;

/**
 * What each sample of the timeline copied from the loaded book, and the copied share over
 * training as a chart series beside the validation loss at each sample. A lookup is microseconds
 * (one hash and a binary search per character), so it runs on the FX Application Thread, once
 * per sample and index, and only here.
 */
final class SampleCopies {

    private final ObjectProperty<CopyIndex> index = new SimpleObjectProperty<>();
    private final Map<SampleEntry, CopiedRuns> found = new IdentityHashMap<>();
    private final ObservableList<SampleEntry> samples;
    private final Series copiedPercent = new Series();
    private final Series validation = new Series();
    private Runnable onChange = () -> { };

    SampleCopies(ObservableList<SampleEntry> samples) {
        this.samples = samples;
        index.addListener((obs, old, now) -> {
            found.clear();
            update();
        });
        samples.addListener((ListChangeListener<SampleEntry>) change -> update());
    }

    ObjectProperty<CopyIndex> indexProperty() {
        return index;
    }

    /** Called after the series changed (a sample or an index arrived). */
    void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** The sample's copied runs, positions in code points of its text; null while there is no index. */
    CopiedRuns of(SampleEntry entry) {
        CopyIndex copies = index.get();
        if (copies == null) {
            return null;
        }
        return found.computeIfAbsent(entry, e -> copies.find(e.text(), primeLength(e)));
    }

    /** "iteration 1,200 · … · 12% copied": the caption, with the copied share once the index is built. */
    String caption(SampleEntry entry) {
        CopiedRuns copied = of(entry);
        return copied == null ? entry.caption()
                : entry.caption() + String.format(Locale.ROOT, " · %.0f%% copied", 100 * copied.fraction());
    }

    /** The prime's code points when the text starts with it; they are never counted as copied. */
    private static int primeLength(SampleEntry entry) {
        String prime = entry.prime() == null ? "" : entry.prime();
        return entry.text().startsWith(prime) ? prime.codePointCount(0, prime.length()) : 0;
    }

    /** Percent of each sample's generated characters that were copied, by iteration. */
    Series copiedPercent() {
        return copiedPercent;
    }

    /** The validation loss (nats/char) each sample was written at, by iteration. */
    Series validation() {
        return validation;
    }

    private void update() {
        found.keySet().retainAll(samples); // entries gone with a reset
        copiedPercent.clear();
        validation.clear();
        for (SampleEntry entry : samples) {
            CopiedRuns copied = of(entry);
            if (copied != null) {
                copiedPercent.add(entry.iteration(), 100 * copied.fraction());
            }
            if (!Double.isNaN(entry.validationLoss())) {
                validation.add(entry.iteration(), entry.validationLoss());
            }
        }
        onChange.run();
    }
}
