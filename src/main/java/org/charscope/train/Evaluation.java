package org.charscope.train;

/**
 * Loss on the whole validation split with the weights of one iteration, no dropout.
 *
 * @param iteration       iterations completed when it was measured
 * @param natsPerSymbol   mean cross-entropy, natural log
 * @param symbols         symbols predicted
 * @param millis          how long it took
 */
public record Evaluation(long iteration, double natsPerSymbol, long symbols, long millis) {

    /** Mean cross-entropy in bits: nats / ln 2. */
    public double bitsPerSymbol() {
        return natsPerSymbol / Math.log(2);
    }

    /** e^nats: the number of equally likely symbols the model is as unsure as. */
    public double perplexity() {
        return Math.exp(natsPerSymbol);
    }
}
