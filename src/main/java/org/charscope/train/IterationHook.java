package org.charscope.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A look into each iteration of a {@link TrainingLoop} from outside, at the two points where a
 * value can go bad: the weights an iteration is about to use, and the loss and gradients its
 * backward pass made. Production installs none ({@link #NONE}); the reliability tests and the
 * faults trial install one that writes NaN or ±∞ there, to prove the loop undoes it.
 *
 * <p>Both calls come on the training thread, inside the iteration, before its checks: what the
 * hook writes is what the checks see. The arrays are the model's own, so a hook must be quick and
 * keep no reference to them.
 */
public interface IterationHook {

    /** The hook production runs with: it changes nothing. */
    IterationHook NONE = new IterationHook() {
    };

    /**
     * Before the forward pass.
     *
     * @param iteration   0-based: iterations completed before this one
     * @param parameters  every weight, flat ({@code [1, parameterCount]}); may be written in place
     */
    default void beforeForward(long iteration, INDArray parameters) {
    }

    /**
     * After the backward pass, before the gradients are clipped and checked.
     *
     * @param loss       the iteration's loss, nats per symbol
     * @param gradients  every gradient, flat, as {@code parameters}; may be written in place
     * @return the loss the iteration goes on with ({@code loss} itself when nothing is changed)
     */
    default double afterBackward(long iteration, double loss, INDArray gradients) {
        return loss;
    }
}
