package org.charscope.train;

/**
 * An iteration whose weights, loss or gradients were not finite: the weights, optimizer state and hidden
 * state went back to what they were before it, and the learning rate was halved.
 *
 * @param iteration          the iteration that failed (0-based: iterations completed before it)
 * @param loss               its loss (NaN or infinite, or finite when the gradients were not)
 * @param gradientNorm       its gradient norm
 * @param learningRateScale  the factor on the scheduled rate from now on (0.5 after one failure)
 * @param failuresInARow     consecutive failures so far, this one included
 */
public record Recovery(long iteration, double loss, double gradientNorm, double learningRateScale,
                       int failuresInARow) {
}
