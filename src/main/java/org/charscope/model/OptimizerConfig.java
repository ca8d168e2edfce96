package org.charscope.model;

/**
 * How parameters follow their gradients.
 *
 * @param method        ADAM (default) or RMSPROP
 * @param learningRate  base step size; the schedule scales it
 * @param beta1         Adam: decay of the gradient average (0.9); unused by RMSProp
 * @param beta2         decay of the squared-gradient average: Adam 0.999, RMSProp 0.95 (char-rnn)
 * @param epsilon       added to the root mean square before dividing, 1e-8
 * @param clipNorm      the global L2 norm gradients are scaled down to when above it, or 0 for no
 *                      clipping; 5 is char-rnn's value and stops the rare exploding batch
 * @param schedule      how the learning rate changes over the iterations
 */
public record OptimizerConfig(Method method, double learningRate, double beta1, double beta2, double epsilon,
                              double clipNorm, LearningRateSchedule schedule) {

    public enum Method { ADAM, RMSPROP }

    /**
     * Any positive step below 10, the bound the engine has always had, so that every checkpoint and
     * session saved before still opens; Adam's and RMSProp's useful rates lie far below it (char-rnn: 2e-3).
     */
    public static final SettingRange LEARNING_RATE = SettingRange.above(0, 10, false);
    /** Norms of a million are never reached by a gradient worth training on: a larger bound is a typing mistake. */
    public static final SettingRange CLIP_NORM = SettingRange.of(0, 1e6).withZeroMeaning("off");

    public OptimizerConfig {
        if (method == null || schedule == null) {
            throw new IllegalArgumentException("method and schedule must be given");
        }
        LEARNING_RATE.check("learning rate", learningRate);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("decays must be in [0, 1)");
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), not " + epsilon);
        }
        CLIP_NORM.check("clip norm", clipNorm);
    }

    /** Adam at 2e-3, clipping at 5, constant rate. */
    public static OptimizerConfig defaults() {
        return adam(2e-3);
    }

    public static OptimizerConfig adam(double learningRate) {
        return new OptimizerConfig(Method.ADAM, learningRate, 0.9, 0.999, 1e-8, 5.0, LearningRateSchedule.constant());
    }

    /** RMSProp as char-rnn runs it: decay 0.95. */
    public static OptimizerConfig rmsProp(double learningRate) {
        return new OptimizerConfig(Method.RMSPROP, learningRate, 0.0, 0.95, 1e-8, 5.0, LearningRateSchedule.constant());
    }

    public OptimizerConfig withLearningRate(double learningRate) {
        return new OptimizerConfig(method, learningRate, beta1, beta2, epsilon, clipNorm, schedule);
    }

    public OptimizerConfig withClipNorm(double clipNorm) {
        return new OptimizerConfig(method, learningRate, beta1, beta2, epsilon, clipNorm, schedule);
    }

    public OptimizerConfig withSchedule(LearningRateSchedule schedule) {
        return new OptimizerConfig(method, learningRate, beta1, beta2, epsilon, clipNorm, schedule);
    }

    /** The learning rate at a 0-based iteration. */
    public double learningRate(long iteration) {
        return learningRate * schedule.factor(iteration);
    }
}
