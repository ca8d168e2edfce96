package org.charscope.ui.loss;

import org.charscope.ui.chart.Series;

/**
 * Every loss the run reported, by iteration and by epoch, as the charts read them: raw training
 * loss, its exponential moving average, validation losses, and the gradient norm before clipping.
 * Losses are stored in nats per character; the chart converts. FX Application Thread only.
 */
public final class LossHistory {

    /** Weight of the past in the smoothed curve once the run is long: about the last 50 reports. */
    static final double SMOOTHING = 0.98;
    /** Reports over which the weight grows to {@link #SMOOTHING}: early on the loss falls fast, and a
     *  long memory would make the curve lag far behind it. */
    private static final double RAMP = 5;

    private final Series trainByIteration = new Series();
    private final Series trainByEpoch = new Series();
    private final Series smoothByIteration = new Series();
    private final Series smoothByEpoch = new Series();
    private final Series validationByIteration = new Series();
    private final Series validationByEpoch = new Series();
    private final Series gradNormByIteration = new Series();
    private final Series gradNormByEpoch = new Series();
    private double smoothed = Double.NaN;
    private int smoothedCount;
    private double bestValidation = Double.POSITIVE_INFINITY;
    private long bestValidationIteration = -1;
    private double bestValidationEpoch;

    /** A training report: loss in nats per character, gradient norm before clipping. */
    public void addTraining(long iteration, double epoch, double lossNats, double gradNorm) {
        trainByIteration.add(iteration, lossNats);
        trainByEpoch.add(epoch, lossNats);
        if (Double.isFinite(lossNats)) {
            // Starts at the first loss rather than at zero, so the early curve is not dragged down.
            double weight = Math.min(SMOOTHING, 1 - RAMP / (smoothedCount + RAMP)); // 0 at the first report
            smoothed = smoothedCount == 0 ? lossNats : weight * smoothed + (1 - weight) * lossNats;
            smoothedCount++;
            smoothByIteration.add(iteration, smoothed);
            smoothByEpoch.add(epoch, smoothed);
        }
        gradNormByIteration.add(iteration, gradNorm);
        gradNormByEpoch.add(epoch, gradNorm);
    }

    public void addValidation(long iteration, double epoch, double lossNats) {
        validationByIteration.add(iteration, lossNats);
        validationByEpoch.add(epoch, lossNats);
        if (lossNats < bestValidation) {
            bestValidation = lossNats;
            bestValidationIteration = iteration;
            bestValidationEpoch = epoch;
        }
    }

    public void clear() {
        for (Series s : new Series[] {trainByIteration, trainByEpoch, smoothByIteration, smoothByEpoch,
                validationByIteration, validationByEpoch, gradNormByIteration, gradNormByEpoch}) {
            s.clear();
        }
        smoothed = Double.NaN;
        smoothedCount = 0;
        bestValidation = Double.POSITIVE_INFINITY;
        bestValidationIteration = -1;
    }

    public Series train(boolean byEpoch) {
        return byEpoch ? trainByEpoch : trainByIteration;
    }

    public Series smoothed(boolean byEpoch) {
        return byEpoch ? smoothByEpoch : smoothByIteration;
    }

    public Series validation(boolean byEpoch) {
        return byEpoch ? validationByEpoch : validationByIteration;
    }

    public Series gradNorm(boolean byEpoch) {
        return byEpoch ? gradNormByEpoch : gradNormByIteration;
    }

    /** Training reports so far. */
    public int trainingPoints() {
        return trainByIteration.size();
    }

    public boolean hasValidation() {
        return bestValidationIteration >= 0;
    }

    /** The lowest validation loss in nats, or +∞ before the first evaluation. */
    public double bestValidation() {
        return bestValidation;
    }

    /** The first iteration whose validation loss was below {@code nats}, or -1 if none was yet. */
    public long firstValidationBelow(double nats) {
        for (int i = 0; i < validationByIteration.size(); i++) {
            if (validationByIteration.y(i) < nats) {
                return (long) validationByIteration.x(i);
            }
        }
        return -1;
    }

    public long bestValidationIteration() {
        return bestValidationIteration;
    }

    public double bestValidationEpoch() {
        return bestValidationEpoch;
    }
}
