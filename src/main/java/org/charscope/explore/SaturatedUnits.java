package org.charscope.explore;

import java.util.Arrays;
import java.util.Locale;
import org.charscope.model.Signal;

/**
 * The units of one layer and quantity that show nothing over a passage: saturated or dead. A unit
 * is counted when, over the passage's {@code n} steps,
 * <pre>
 *   (#{t : x_t &lt; left} + #{t : x_t &gt; right}) / n  ≥  0.95      (stuck at an extreme), or
 *   √( Σ (x_t − x̄)² / n )  &lt;  0.02                              (barely moves)
 * </pre>
 * with {@code left} and {@code right} the quantity's own saturation thresholds,
 * {@link Signal#leftSaturatedBelow()} and {@link Signal#rightSaturatedAbove()} (0.1 and 0.9 for the
 * gates, ±0.9 for tanh(cell), hidden and the candidate, ±1.47 for the cell: the value whose tanh is
 * ±0.9). Such a unit paints the text in one flat colour, so a person hides it to see the others.
 *
 * @param quantity  whose thresholds were used
 * @param saturated [units] whether each unit is counted
 */
public record SaturatedUnits(Signal quantity, boolean[] saturated) {

    /** The share of the passage's characters a unit must spend beyond a threshold to count as saturated. */
    public static final double MIN_SATURATED_FRACTION = 0.95;
    /** Below this standard deviation over the passage a unit counts as dead, wherever it sits. */
    public static final double MIN_STANDARD_DEVIATION = 0.02;

    public SaturatedUnits {
        saturated = saturated.clone();
    }

    /** The rule above for every unit of {@code values}; none is counted in a passage of no steps. */
    public static SaturatedUnits of(NeuronMatrix values, Signal quantity) {
        float[] below = values.fractionBelow(quantity.leftSaturatedBelow());   // [units]
        float[] above = values.fractionAbove(quantity.rightSaturatedAbove());  // [units]
        double[] variances = values.unitVariances();                           // [units]
        boolean[] saturated = new boolean[values.units()];                     // [units]
        int steps = values.steps();
        for (int unit = 0; unit < saturated.length && steps > 0; unit++) {
            // counted in whole steps: a float fraction of 95 / 100 is 0.9499999…, short of 0.95
            long beyond = Math.round(below[unit] * (double) steps) + Math.round(above[unit] * (double) steps);
            boolean stuck = beyond >= MIN_SATURATED_FRACTION * steps;
            boolean still = Math.sqrt(variances[unit]) < MIN_STANDARD_DEVIATION;
            saturated[unit] = stuck || still;
        }
        return new SaturatedUnits(quantity, saturated);
    }

    /** The rule for one unit alone: what a list that spans many matrices asks of each of its rows. */
    public static boolean isSaturated(NeuronMatrix values, Signal quantity, int unit) {
        return of(new NeuronMatrix(values.steps(), 1, values.series(unit)), quantity).isSaturated(0);
    }

    public boolean isSaturated(int unit) {
        return saturated[unit];
    }

    public int units() {
        return saturated.length;
    }

    /** How many units are counted. */
    public int count() {
        int count = 0;
        for (boolean s : saturated) {
            count += s ? 1 : 0;
        }
        return count;
    }

    /** {@code ordered} without the units counted, the order kept. */
    public int[] without(int[] ordered) {
        return Arrays.stream(ordered).filter(unit -> !saturated[unit]).toArray();
    }

    /** "93 of 128 tanh(cell) units in layer 1 stay saturated over this passage". */
    public String describe(int layer) {
        return String.format(Locale.ROOT, "%d of %d %s units in layer %d stay saturated over this passage",
                count(), units(), quantity.displayName(), layer + 1);
    }

    /** [units], a copy. */
    @Override
    public boolean[] saturated() {
        return saturated.clone();
    }
}
