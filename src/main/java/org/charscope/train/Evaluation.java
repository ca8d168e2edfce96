package org.charscope.train;

/**
 * Loss on the whole validation split with the weights of one iteration, no dropout.
 *
 * @param iteration         iterations completed when it was measured
 * @param natsPerSymbol     mean cross-entropy per symbol the model predicts, natural log
 * @param symbols           symbols predicted
 * @param millis            how long it took
 * @param natsPerCharacter  the same loss spread over the characters those symbols stand for, with
 *                          what spelling out unknown words costs ({@link org.charscope.text.SymbolCosts});
 *                          equal to {@code natsPerSymbol} for a character model. The figure to
 *                          compare models of different token levels by.
 */
public record Evaluation(long iteration, double natsPerSymbol, long symbols, long millis, double natsPerCharacter) {

    /** A character model's: one symbol, one character. */
    public Evaluation(long iteration, double natsPerSymbol, long symbols, long millis) {
        this(iteration, natsPerSymbol, symbols, millis, natsPerSymbol);
    }

    /** Mean cross-entropy in bits: nats / ln 2. */
    public double bitsPerSymbol() {
        return natsPerSymbol / Math.log(2);
    }

    /** Bits per character of the original text. */
    public double bitsPerCharacter() {
        return natsPerCharacter / Math.log(2);
    }

    /** e^nats: the number of equally likely symbols the model is as unsure as. */
    public double perplexity() {
        return Math.exp(natsPerSymbol);
    }
}
