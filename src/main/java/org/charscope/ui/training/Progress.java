package org.charscope.ui.training;

/**
 * A training report as the dashboard draws it.
 *
 * @param epoch          completed epochs plus the fraction of the current one
 * @param trainLoss      mean nats per character over the last batch
 * @param gradNorm       global gradient norm before clipping
 * @param charsPerSecond training throughput over the last reports
 */
public record Progress(long iteration, double epoch, double trainLoss, double gradNorm, double charsPerSecond,
                       double learningRate) {
}
