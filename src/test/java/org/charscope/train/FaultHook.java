package org.charscope.train;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Puts {@link Fault}s into a training loop at the iterations they name: weight faults before the
 * forward pass, loss and gradient faults after the backward pass, each before the loop's checks
 * (as the trainer did itself before issue 17 moved fault injection out of production).
 */
public final class FaultHook implements IterationHook {

    private final List<Fault> faults;

    public FaultHook(List<Fault> faults) {
        this.faults = List.copyOf(faults);
    }

    /** A hook for the faults in {@code spec} ({@link Fault#parse}). */
    public static FaultHook parse(String spec) {
        return new FaultHook(Fault.parse(spec));
    }

    /** A hook that puts a NaN into the gradients at the 0-based iterations {@code when} accepts. */
    public static FaultHook nanGradients(java.util.function.LongPredicate when) {
        return new FaultHook(List.of(Fault.nan(Fault.Target.GRADIENTS, when)));
    }

    @Override
    public void beforeForward(long iteration, INDArray parameters) {
        inject(Fault.Target.WEIGHTS, iteration, parameters);
    }

    @Override
    public double afterBackward(long iteration, double loss, INDArray gradients) {
        for (Fault fault : faults) {
            if (fault.target() == Fault.Target.LOSS && fault.when().test(iteration)) {
                loss = fault.value();
            }
        }
        inject(Fault.Target.GRADIENTS, iteration, gradients);
        return loss;
    }

    /** Each fault for {@code target} due now into one element of {@code into} (its index modulo the length). */
    private void inject(Fault.Target target, long iteration, INDArray into) {
        for (Fault fault : faults) {
            if (fault.target() == target && fault.when().test(iteration)) {
                into.putScalar(Math.floorMod(fault.index(), into.length()), fault.value());
            }
        }
    }
}
