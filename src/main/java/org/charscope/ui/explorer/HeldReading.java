package org.charscope.ui.explorer;

import java.util.List;
import org.charscope.explore.Predictions;
import org.charscope.model.HeldUnits;

/**
 * The passage read twice by one model, freely and with units held, and a sample drawn each way
 * from the same seed: what the Hold tab shows. Immutable, plain Java.
 *
 * <p>The change in loss at step t is the held model's surprisal of the true next character minus
 * the free model's, in bits: {@code Δ_t = log₂ p_free(x_{t+1}) − log₂ p_held(x_{t+1})}; positive
 * where holding made the model worse.
 *
 * @param held                 the units held, ablated ones at their means over the passage
 * @param codePoints           [steps] the passage
 * @param vocabularyCodePoints [vocabulary] the code point of each symbol id
 * @param free                 the free model's guesses
 * @param heldGuesses          the held model's guesses
 * @param freeSample           sampled freely
 * @param heldSample           sampled held, from the same seed
 * @param seed                 the samples' seed
 */
record HeldReading(List<HeldUnits.Held> held, int[] codePoints, int[] vocabularyCodePoints, Predictions free,
                   Predictions heldGuesses, String freeSample, String heldSample, long seed) {

    HeldReading {
        held = List.copyOf(held);
    }

    int steps() {
        return codePoints.length;
    }

    /** [steps] held − free surprisal of the true next character, bits; 0 at the last step, whose next is unknown. */
    float[] lossChangeBits() {
        float[] change = new float[steps()];
        for (int t = 0; t < change.length; t++) {
            change[t] = (float) (heldGuesses.step(t).surprisalBits() - free.step(t).surprisalBits());
        }
        return change;
    }

    /** Mean held − free bits per character over the steps whose next character is known. */
    double meanChangeBits() {
        return heldGuesses.meanSurprisalBits() - free.meanSurprisalBits();
    }
}
