package org.charscope.ui.explorer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.charscope.explore.Discoveries;
import org.charscope.explore.Discovery;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.Neuron;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.SaturatedUnits;
import org.charscope.explore.SpanMatch;
import org.charscope.explore.SpanQuery;
import org.charscope.explore.SpanSearch;
import org.charscope.explore.TextFeature;
import org.charscope.model.Signal;

/**
 * What the explorer leads with, part of {@link ExplorerModel}: the discovery cards of the reading
 * shown ({@link Discoveries}), the span a person last searched (its best match competes for a
 * card while the passage stays the same), and whether saturated units ({@link SaturatedUnits})
 * are hidden from the grid, the neuron list, the detectors and the cards. FX thread.
 *
 * <p>Why on the FX thread: the detectors are already computed off it, so ranking the cards sorts
 * a few arrays of r (about 20 ms for 3 layers of 512 units, warm); the shown matrix's saturation
 * takes one pass over its values, as the neuron list's variances do, and the cards and the
 * detectors ask it of their few units alone. Both are kept for the reading.
 */
final class Discovering {

    /** A span search a person made, over the passage it was made on. */
    private record SearchedSpan(int[] codePoints, Signal quantity, SpanQuery query) {
    }

    /** One layer and quantity of a reading. */
    private record Matrix(int layer, Signal quantity) {
    }

    private final ExplorerModel model;
    private final ReadOnlyObjectWrapper<List<Discovery>> cards = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanProperty hideSaturated = new SimpleBooleanProperty(false);
    private final Map<Matrix, SaturatedUnits> saturation = new HashMap<>(); // of the reading `counted`
    private final Map<Neuron, Boolean> saturatedUnits = new HashMap<>();    // of the reading `counted`
    private Probed counted;
    private SearchedSpan span;

    /** Made by the model before any view, so the cards are ranked before a view hears of a reading. */
    Discovering(ExplorerModel model) {
        this.model = model;
        model.probedProperty().addListener((obs, old, now) -> rank());
        hideSaturated.addListener((obs, old, now) -> rank());
    }

    /** Shows the first card's unit; false when there is no card or the reading lacks its values (a trimmed snapshot). */
    boolean showFirst(Probed reading) {
        List<Discovery> now = cards.get();
        if (now.isEmpty() || !reading.holds(now.get(0).neuron().layer(), now.get(0).neuron().quantity())) {
            return false;
        }
        show(now.get(0).neuron());
        return true;
    }

    /** What a click on a card does: that layer, quantity and unit. */
    void show(Neuron neuron) {
        model.layerProperty().set(neuron.layer());
        model.quantityProperty().set(neuron.quantity());
        model.unitProperty().set(neuron.unit());
    }

    /** A person searched {@code query} among the units of {@code quantity}: its best match may take a card. */
    void spanSearched(Signal quantity, SpanQuery query) {
        Probed now = model.probedProperty().get();
        span = now == null ? null : new SearchedSpan(now.codePoints(), quantity, query);
        rank();
    }

    /** {@code ordered} (units of the layer and quantity shown) without the saturated ones, when they are hidden. */
    int[] shown(int[] ordered) {
        SaturatedUnits saturated = shownSaturation();
        return hideSaturated.get() && saturated != null ? saturated.without(ordered) : ordered;
    }

    /** The saturated units of the layer and quantity shown; null while no reading holds them. */
    SaturatedUnits shownSaturation() {
        return saturation(model.layerProperty().get(), model.quantityProperty().get());
    }

    /** The {@code k} strongest detectors of {@code feature}, less the hidden ones. */
    List<NeuronFinding> detectors(FeatureCorrelations correlations, TextFeature feature, int k) {
        for (int asked = k; ; asked *= 4) {
            List<NeuronFinding> found = correlations.top(feature, asked);
            List<NeuronFinding> kept = found.stream().filter(f -> !isHidden(f.neuron())).limit(k).toList();
            if (kept.size() == k || found.size() < asked) {
                return kept;
            }
        }
    }

    /**
     * Whether the switch is on and this unit is saturated in its quantity (unknown for a matrix not
     * held: shown). Judged unit by unit, as the cards and the detectors ask of a few units each of
     * many matrices.
     */
    boolean isHidden(Neuron neuron) {
        Probed now = reading();
        if (!hideSaturated.get() || now == null || !now.holds(neuron.layer(), neuron.quantity())) {
            return false;
        }
        return saturatedUnits.computeIfAbsent(neuron,
                n -> SaturatedUnits.isSaturated(now.matrix(n.layer(), n.quantity()), n.quantity(), n.unit()));
    }

    /** The shown matrix's units, judged all at once (kept for the reading). */
    private SaturatedUnits saturation(int layer, Signal quantity) {
        Probed now = reading();
        if (now == null || !now.holds(layer, quantity)) {
            return null;
        }
        return saturation.computeIfAbsent(new Matrix(layer, quantity),
                m -> SaturatedUnits.of(now.matrix(layer, quantity), quantity));
    }

    /** The reading shown; what was worked out for another is forgotten. */
    private Probed reading() {
        Probed now = model.probedProperty().get();
        if (now != counted) {
            saturation.clear();
            saturatedUnits.clear();
            counted = now;
        }
        return now;
    }

    private void rank() {
        Probed now = model.probedProperty().get();
        cards.set(now == null ? List.of() : Discoveries.rank(now.correlations(), now.result().activations(),
                spanMatch(now), this::isHidden, Discoveries.CARDS));
    }

    /** The searched span's best unit in this reading, if it reads the passage the span was chosen on. */
    private SpanMatch spanMatch(Probed now) {
        if (span == null || !Arrays.equals(span.codePoints(), now.codePoints())) {
            return null;
        }
        List<SpanMatch> best = SpanSearch.rank(now.result().activations(), span.quantity(), span.query(), 1);
        return best.isEmpty() ? null : best.get(0);
    }

    ReadOnlyObjectProperty<List<Discovery>> cardsProperty() {
        return cards.getReadOnlyProperty();
    }

    BooleanProperty hideSaturatedProperty() {
        return hideSaturated;
    }
}
