package org.charscope.train;

/**
 * The iterations since the last {@link Progress} report, summed as they finish, so that a report
 * gives the mean loss and the throughput over its whole window rather than one iteration's.
 */
final class ProgressWindow {

    private long nanos;
    private long iterations;
    private double lossSum;       // over the finite iterations only
    private long failures;

    /** One finished iteration: its time, and its loss when it was {@code finite}. */
    void add(long elapsedNanos, boolean finite, double loss) {
        nanos += elapsedNanos;
        iterations++;
        lossSum += finite ? loss : 0;
        failures += finite ? 0 : 1;
    }

    /**
     * The report at the end of the window, which then starts again. Its mean loss is NaN when
     * every iteration in it failed.
     *
     * @param symbolsPerIteration  symbols one batch trains on (batch × sequence length)
     */
    Progress close(long iteration, double epoch, double loss, double gradientNorm, int symbolsPerIteration,
                   double learningRate, long trainingMillis) {
        long symbols = iterations * symbolsPerIteration;
        Progress progress = new Progress(iteration, epoch, loss,
                iterations > failures ? lossSum / (iterations - failures) : Double.NaN,
                gradientNorm, symbols / (nanos / 1e9), learningRate, trainingMillis);
        nanos = 0;
        iterations = 0;
        lossSum = 0;
        failures = 0;
        return progress;
    }
}
