package org.charscope.train;

/**
 * What training looked like at the end of an iteration; published every N iterations.
 *
 * @param iteration        iterations completed
 * @param epoch            passes over the training text, e.g. 2.25
 * @param loss             training loss of the last iteration, nats per symbol
 * @param meanLoss         mean training loss over the iterations since the previous snapshot
 * @param gradientNorm     global L2 norm of the last iteration's gradients before clipping
 * @param symbolsPerSecond training throughput since the previous snapshot (evaluation and pauses excluded)
 * @param learningRate     the rate the last update used (schedule and any halving included)
 * @param trainingMillis   training time so far in this run (evaluation and pauses excluded)
 */
public record Progress(long iteration, double epoch, double loss, double meanLoss, double gradientNorm,
                       double symbolsPerSecond, double learningRate, long trainingMillis) {
}
