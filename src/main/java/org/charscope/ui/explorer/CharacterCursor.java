package org.charscope.ui.explorer;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.charscope.explore.Attribution;
import org.charscope.explore.NeuronMatrix;
import org.charscope.text.Vocabulary;

/**
 * The character cursor on the passage (hover, click, ← and →) and what it explains: the guess
 * after that character, worked out in the background ({@link AttributionReader}) for the weights
 * of the reading shown, the cursor free to move meanwhile. FX thread.
 */
public final class CharacterCursor {

    /** Units listed as changing most at the cursor. */
    static final int CHANGED_UNITS = 10;

    private final ExplorerModel model;
    private final IntegerProperty step = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<Attribution> attribution = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final AttributionReader reader = new AttributionReader(this::answered);
    private final ReadOnlyBooleanWrapper pinned = new ReadOnlyBooleanWrapper();   // clicked or moved by keys: hovering no longer moves it
    private Probed vocabularyOf;      // the reading whose vocabulary is kept
    private Vocabulary vocabulary;

    CharacterCursor(ExplorerModel model) {
        this.model = model;
        model.probedProperty().addListener((obs, old, now) -> {
            if (now == null || step.get() >= now.steps()) {
                step.set(-1);
            }
            explain();
        });
        step.addListener((obs, old, now) -> explain());
    }

    /** The step the cursor is on, −1 for none. */
    public IntegerProperty stepProperty() {
        return step;
    }

    /** The explanation of the guess after the cursor's character; null while none is ready. */
    public ReadOnlyObjectProperty<Attribution> attributionProperty() {
        return attribution.getReadOnlyProperty();
    }

    /** Whether the cursor stays where it was clicked (or moved by keys) rather than following the mouse. */
    public ReadOnlyBooleanProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The mouse is over {@code step} (−1: off the text): the cursor follows it until one is pinned. */
    void hover(int step) {
        if (!pinned.get()) {
            this.step.set(step);
        }
    }

    /** A click: the cursor stays on {@code step} (−1: nothing pinned any more). */
    void pin(int step) {
        pinned.set(step >= 0);
        this.step.set(step);
    }

    /** Moves the cursor by {@code delta} characters within the passage (from the start when there is none), and pins it. */
    void move(int delta) {
        pinned.set(true);
        Probed probed = model.probedProperty().get();
        if (probed != null && probed.steps() > 0) {
            int from = step.get() < 0 ? 0 : step.get() + delta;
            step.set(Math.max(0, Math.min(probed.steps() - 1, from)));
        }
    }

    /** The units of the shown layer and quantity whose value changed most at the cursor, most first. */
    int[] mostChangedUnits() {
        Probed probed = model.probedProperty().get();
        int t = step.get();
        if (probed == null || t < 0 || t >= probed.steps()) {
            return new int[0];
        }
        NeuronMatrix values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        double[] change = new double[values.units()];
        for (int u = 0; u < change.length; u++) {
            change[u] = Math.abs(values.value(t, u) - (t == 0 ? 0 : values.value(t - 1, u)));
        }
        return IntStream.range(0, change.length).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> -change[u]).thenComparing(u -> u))
                .limit(CHANGED_UNITS).mapToInt(Integer::intValue).toArray();
    }

    private void explain() {
        attribution.set(null);
        Probed probed = model.probedProperty().get();
        int at = step.get();
        if (probed == null || at < 0) {
            status.set("");
            return;
        }
        if (at > probed.steps() - 2) {
            status.set("the last character of the passage: no next one to explain");
            return;
        }
        AttributionReader.Weights weights = model.shownWeights();
        if (weights == null) {
            status.set("");
            return;
        }
        if (vocabularyOf != probed) {
            vocabularyOf = probed;
            vocabulary = Vocabulary.fromCodePoints(probed.vocabularyCodePoints());
        }
        status.set("explaining the guess…");
        reader.explain(new AttributionReader.Request(weights, vocabulary, probed.codePoints(), at));
    }

    private void answered(AttributionReader.Result result) {
        Probed probed = model.probedProperty().get();
        if (probed == null || result.request().at() != step.get()
                || !Arrays.equals(result.request().codePoints(), probed.codePoints())) {
            return;   // the cursor or the reading moved on: a newer request is on its way
        }
        attribution.set(result.attribution());
        status.set(result.problem() != null ? "could not explain: " + result.problem()
                : "explained from a zero state over the " + result.attribution().contributions().size()
                        + " characters before it (the top-5 row comes from a chunked reading)");
    }
}
