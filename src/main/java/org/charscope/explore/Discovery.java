package org.charscope.explore;

/**
 * A unit worth looking at first, as a card of the discoveries strip shows it ({@link Discoveries}).
 *
 * @param neuron   layer, quantity and unit: what a click on the card shows
 * @param finding  what it was found for, and how well: "inside quotes · r = 0.91", or for the span a
 *                 person searched, "the selected span · score 0.88"
 * @param strength |r|, or the span search's score, in [0, 1]: what orders the cards
 * @param from     first step of the stretch where the unit moves most
 * @param to       one past its last step
 */
public record Discovery(Neuron neuron, String finding, double strength, int from, int to) {

    public Discovery {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must lie in [0, 1], got " + strength);
        }
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("a stretch needs 0 <= from <= to, got [" + from + ", " + to + ")");
        }
    }

    /** "layer 2 · cell 87 · inside quotes · r = 0.91". */
    public String describe() {
        return neuron.describe() + " · " + finding;
    }
}
