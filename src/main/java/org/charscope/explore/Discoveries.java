package org.charscope.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.charscope.model.Signal;

/**
 * The units most worth a first look after a reading, at most one card per (layer, unit). A unit's
 * candidates are its {@link Signal#CELL}, {@link Signal#TANH_CELL} and {@link Signal#HIDDEN} values
 * against every {@link TextFeature}, scored by |r| ({@link FeatureCorrelations}), and, when a person
 * searched a span, its {@link SpanMatch} score.
 *
 * <p>The cards are dealt in rounds: in the first, the strongest unit for each feature (and the
 * span's best match), strongest first; in the next, each one's next unit not yet on a card; and so
 * on. The first card is thus the strongest detector of all, and six units that all track vowels
 * (which an LSTM grows early, and in numbers) do not crowd out the one that tracks quotes: its r is
 * on its card for a person to weigh.
 *
 * <p>Why only those three quantities: they are what the unit carries from one character to the
 * next, the states that interpretability papers show (Karpathy, Johnson &amp; Fei-Fei 2015). A gate
 * or the candidate mostly echoes the character just read; the Detectors tab still lists them. A
 * GRU or an RNN has only the hidden state to offer.
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
    private static final Comparator<Candidate> STRONGEST_FIRST = Comparator.comparingDouble(Candidate::strength).reversed();

    private Discoveries() {
    }

    /**
     * @param correlations the reading's detectors
     * @param activations  the reading's values, for the stretches; a card whose matrix is not held
     *                     (a trimmed reading) gets the passage's first {@value #STRETCH_STEPS} steps
     * @param span         the best match of the span a person searched, or null
     * @param hidden       neurons left out (saturated units, when a person hides them)
     * @param count        cards wanted at most
     * @return in the order dealt; ties in feature order (the span last), then (layer, quantity, unit)
     *         order; no candidate of r = 0
     */
    public static List<Discovery> rank(FeatureCorrelations correlations, PassageActivations activations, SpanMatch span,
                                       Predicate<Neuron> hidden, int count) {
        List<List<Candidate>> byFinding = new ArrayList<>(); // per feature (then the span), its neurons best first
        for (TextFeature feature : TextFeature.values()) {
            byFinding.add(candidates(correlations, feature));
        }
        if (span != null && span.score() > 0) {
            byFinding.add(List.of(new Candidate(span.neuron(), null, span.score())));
        }
        int[] next = new int[byFinding.size()]; // per finding, its first neuron not yet dealt or passed over
        Set<List<Integer>> dealt = new HashSet<>(); // (layer, unit) of the cards so far
        List<Discovery> cards = new ArrayList<>();
        boolean more = true;
        while (cards.size() < count && more) {
            List<Candidate> round = new ArrayList<>();
            more = false;
            for (int f = 0; f < byFinding.size(); f++) {
                List<Candidate> neurons = byFinding.get(f);
                // hidden is asked last and only here: a person's switch may cost a pass over a unit's values
                while (next[f] < neurons.size() && (dealt.contains(neurons.get(next[f]).unit())
                        || hidden.test(neurons.get(next[f]).neuron()))) {
                    next[f]++;
                }
                if (next[f] < neurons.size()) {
                    round.add(neurons.get(next[f]));
                    more = true;
                }
            }
            round.sort(STRONGEST_FIRST);   // stable: ties stay in feature order
            for (Candidate candidate : round) {
                if (cards.size() < count && dealt.add(candidate.unit())) {
                    cards.add(card(candidate, activations));
                }
            }
        }
        return List.copyOf(cards);
    }

    /**
     * A neuron's claim to a card before it is dealt.
     *
     * @param feature what it tracks; null for the searched span
     * @param value   r with the feature, or the span search's score
     */
    private record Candidate(Neuron neuron, TextFeature feature, double value) {

        double strength() {
            return Math.min(1, Math.abs(value));
        }

        /** (layer, unit): the same for the unit's cell, tanh(cell) and hidden. */
        List<Integer> unit() {
            return List.of(neuron.layer(), neuron.unit());
        }

        String finding() {
            return feature == null ? String.format(Locale.ROOT, "the selected span · score %.2f", value)
                    : String.format(Locale.ROOT, "%s · r = %.2f", feature.displayName(), value);
        }
    }

    /** For one feature, every state neuron with r ≠ 0, strongest first, ties in (layer, quantity, unit) order. */
    private static List<Candidate> candidates(FeatureCorrelations correlations, TextFeature feature) {
        List<Candidate> neurons = new ArrayList<>();
        for (int layer = 0; layer < correlations.layerCount(); layer++) {
            for (Signal quantity : STATES) {
                if (!correlations.has(layer, quantity)) {
                    continue;
                }
                float[] r = correlations.correlations(layer, quantity, feature); // [units]
                for (int unit = 0; unit < r.length; unit++) {
                    if (r[unit] != 0) {
                        neurons.add(new Candidate(new Neuron(layer, quantity, unit), feature, r[unit]));
                    }
                }
            }
        }
        neurons.sort(STRONGEST_FIRST);
        return neurons;
    }

    /** The card, with the stretch where its unit moves most. */
    private static Discovery card(Candidate candidate, PassageActivations activations) {
        Neuron n = candidate.neuron();
        int from = 0;
        if (activations.has(n.layer(), n.quantity())) {
            from = mostMovingStretch(activations.matrix(n.layer(), n.quantity()).series(n.unit()), STRETCH_STEPS);
        }
        int to = Math.min(activations.steps(), from + STRETCH_STEPS);
        return new Discovery(n, candidate.finding(), candidate.strength(), from, to);
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
