package org.charscope.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.charscope.model.Signal;

/**
 * The units most worth a first look after a reading: each unit's best detector, strongest first,
 * at most one card per (layer, unit). A unit's candidates are its {@link Signal#CELL},
 * {@link Signal#TANH_CELL} and {@link Signal#HIDDEN} values against every {@link TextFeature},
 * scored by |r| ({@link FeatureCorrelations}), and, when a person searched a span, its
 * {@link SpanMatch} score; the best of them names the card.
 *
 * <p>Why only those three: they are what the unit carries from one character to the next, the
 * states that interpretability papers show (Karpathy, Johnson &amp; Fei-Fei 2015). A gate or the
 * candidate mostly echoes the character just read, and would fill the strip with "whitespace"
 * and "vowel" units that any input weight makes; the Detectors tab still lists them. A GRU or
 * an RNN has only the hidden state to offer.
 *
 * <p>Each card also gets the stretch of the passage where its unit moves most: the
 * {@value #STRETCH_STEPS} steps {@code [s, s + w)} maximising the unit's total movement
 * <pre>
 *   M(s) = Σ_{t = s+1}^{s+w−1} |x_t − x_{t−1}|
 * </pre>
 * (the earliest such stretch), so its mini heatmap shows the unit switching rather than resting.
 */
public final class Discoveries {

    /** Cards in the strip. */
    public static final int CARDS = 6;
    /** Characters in a card's mini heatmap. */
    public static final int STRETCH_STEPS = 40;

    private static final List<Signal> STATES = List.of(Signal.CELL, Signal.TANH_CELL, Signal.HIDDEN);
    private static final Comparator<Discovery> STRONGEST_FIRST = Comparator.comparingDouble(Discovery::strength).reversed();

    private Discoveries() {
    }

    /**
     * @param correlations the reading's detectors
     * @param activations  the reading's values, for the stretches; a card whose matrix is not held
     *                     (a trimmed reading) gets the passage's first {@value #STRETCH_STEPS} steps
     * @param span         the best match of the span a person searched, or null
     * @param hidden       neurons left out (saturated units, when a person hides them)
     * @param count        cards wanted at most
     * @return best first; ties in (layer, unit) order; no unit whose every candidate is 0 or hidden
     */
    public static List<Discovery> rank(FeatureCorrelations correlations, PassageActivations activations, SpanMatch span,
                                       Predicate<Neuron> hidden, int count) {
        List<Discovery> best = new ArrayList<>();
        for (int layer = 0; layer < correlations.layerCount(); layer++) {
            Discovery[] perUnit = bestPerUnit(correlations, layer, hidden); // [units], null where none
            if (span != null && span.layer() == layer && span.score() > 0 && span.unit() < perUnit.length
                    && (perUnit[span.unit()] == null || span.score() > perUnit[span.unit()].strength())
                    && !hidden.test(span.neuron())) {
                perUnit[span.unit()] = card(span.neuron(),
                        String.format(Locale.ROOT, "the selected span · score %.2f", span.score()), span.score());
            }
            for (Discovery unit : perUnit) {
                if (unit != null) {
                    best.add(unit);
                }
            }
        }
        best.sort(STRONGEST_FIRST);   // stable: ties stay in (layer, unit) order
        List<Discovery> cards = new ArrayList<>();
        for (Discovery card : best.subList(0, Math.min(count, best.size()))) {
            cards.add(withStretch(card, activations));
        }
        return List.copyOf(cards);
    }

    /** Per unit of one layer, its strongest non-zero detector among the states, or null. */
    private static Discovery[] bestPerUnit(FeatureCorrelations correlations, int layer, Predicate<Neuron> hidden) {
        Discovery[] perUnit = new Discovery[0];
        for (Signal quantity : STATES) {
            if (!correlations.has(layer, quantity)) {
                continue;
            }
            for (TextFeature feature : TextFeature.values()) {
                float[] r = correlations.correlations(layer, quantity, feature); // [units]
                if (perUnit.length < r.length) {
                    perUnit = new Discovery[r.length];
                }
                for (int unit = 0; unit < r.length; unit++) {
                    double strength = Math.abs(r[unit]);
                    Neuron neuron = new Neuron(layer, quantity, unit);
                    if (strength > 0 && (perUnit[unit] == null || strength > perUnit[unit].strength())
                            && !hidden.test(neuron)) {
                        perUnit[unit] = card(neuron,
                                String.format(Locale.ROOT, "%s · r = %.2f", feature.displayName(), r[unit]), strength);
                    }
                }
            }
        }
        return perUnit;
    }

    private static Discovery card(Neuron neuron, String finding, double strength) {
        return new Discovery(neuron, finding, Math.min(1, strength), 0, 0);
    }

    private static Discovery withStretch(Discovery card, PassageActivations activations) {
        Neuron n = card.neuron();
        int from = 0;
        if (activations.has(n.layer(), n.quantity())) {
            from = mostMovingStretch(activations.matrix(n.layer(), n.quantity()).series(n.unit()), STRETCH_STEPS);
        }
        return new Discovery(n, card.finding(), card.strength(), from, Math.min(activations.steps(), from + STRETCH_STEPS));
    }

    /**
     * The first step of the {@code width} steps where {@code series} moves most (M(s) above); 0 when
     * the series is no longer than {@code width}.
     *
     * @param series [steps] one unit over the passage
     */
    public static int mostMovingStretch(float[] series, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        double[] moved = new double[series.length + 1]; // [steps + 1] moved[t] = Σ_{u=1}^{t−1} |x_u − x_{u−1}|
        for (int t = 2; t <= series.length; t++) {
            moved[t] = moved[t - 1] + Math.abs(series[t - 1] - series[t - 2]);
        }
        int best = 0;
        double bestMovement = -1;
        for (int from = 0; from + width <= series.length; from++) {
            double movement = moved[from + width] - moved[from + 1]; // Σ over t in [from+1, from+width)
            if (movement > bestMovement) {
                best = from;
                bestMovement = movement;
            }
        }
        return best;
    }
}
