package org.charscope.model;

/**
 * How the learning rate changes with the iteration, as a factor of the base rate.
 *
 * @param kind          CONSTANT, STEP or COSINE
 * @param stepEvery     STEP: iterations between decays (≥ 1)
 * @param stepFactor    STEP: factor applied at each decay, in (0, 1]; char-rnn uses 0.97 per epoch
 * @param cosinePeriod  COSINE: iterations over which the factor falls from 1 to {@code minFactor}
 *                      along half a cosine, staying at {@code minFactor} after (≥ 1)
 * @param minFactor     COSINE: the floor, in [0, 1]; nanoGPT decays to 0.1
 */
public record LearningRateSchedule(Kind kind, long stepEvery, double stepFactor, long cosinePeriod, double minFactor) {

    public enum Kind { CONSTANT, STEP, COSINE }

    public LearningRateSchedule {
        if (kind == null) {
            throw new IllegalArgumentException("schedule kind must be given");
        }
        if (stepEvery < 1 || cosinePeriod < 1) {
            throw new IllegalArgumentException("schedule periods must be at least 1 iteration");
        }
        if (!(stepFactor > 0 && stepFactor <= 1)) {
            throw new IllegalArgumentException("step factor must be in (0, 1], not " + stepFactor);
        }
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("minimum factor must be in [0, 1], not " + minFactor);
        }
    }

    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Kind.CONSTANT, 1, 1, 1, 1);
    }

    /** Multiply by {@code factor} every {@code every} iterations. */
    public static LearningRateSchedule step(long every, double factor) {
        return new LearningRateSchedule(Kind.STEP, every, factor, 1, 1);
    }

    /** Half a cosine from 1 down to {@code minFactor} over {@code period} iterations. */
    public static LearningRateSchedule cosine(long period, double minFactor) {
        return new LearningRateSchedule(Kind.COSINE, 1, 1, period, minFactor);
    }

    /**
     * The schedule of a kind with CharScope's settings for it, the same in the window and on the
     * command line: STEP halves the rate every 2,000 iterations; COSINE falls to a tenth of it
     * (nanoGPT's floor) over {@code cosinePeriod} iterations.
     */
    public static LearningRateSchedule of(Kind kind, long cosinePeriod) {
        return switch (kind) {
            case CONSTANT -> constant();
            case STEP -> step(2_000, 0.5);
            case COSINE -> cosine(cosinePeriod, 0.1);
        };
    }

    /** The factor for a 0-based iteration. */
    public double factor(long iteration) {
        return switch (kind) {
            case CONSTANT -> 1.0;
            case STEP -> Math.pow(stepFactor, Math.floorDiv(Math.max(0, iteration), stepEvery));
            case COSINE -> {
                double progress = Math.min(1.0, Math.max(0, iteration) / (double) cosinePeriod);
                yield minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
        };
    }
}
