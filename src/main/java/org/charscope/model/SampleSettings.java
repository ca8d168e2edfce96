package org.charscope.model;

/**
 * How to draw text from a model.
 *
 * @param length       symbols to generate after the priming text, 0 to 1,000,000
 * @param temperature  divides the logits before the softmax: below 1 sharper and safer, above 1
 *                     wilder; in (0, 10]
 * @param topK         keep only the k most likely symbols, 0 for all
 * @param topP         keep the fewest most likely symbols whose probabilities sum to at least p
 *                     (nucleus sampling), 1 for all; in (0, 1]
 * @param greedy       always take the most likely symbol (temperature, top-k and top-p then do nothing)
 * @param seed         the random draws: the same seed, model and settings give the same text
 */
public record SampleSettings(int length, double temperature, int topK, double topP, boolean greedy, long seed) {

    public static final int MAX_LENGTH = 1_000_000;
    public static final SettingRange TEMPERATURE = SettingRange.above(0, 10, true);

    public SampleSettings {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must be 0 to " + MAX_LENGTH + ", not " + length);
        }
        TEMPERATURE.check("temperature", temperature);
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (off) or positive, not " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], not " + topP);
        }
    }

    /** 500 symbols at temperature 1, no truncation, seed 0. */
    public static SampleSettings defaults() {
        return new SampleSettings(500, 1.0, 0, 1.0, false, 0);
    }

    public SampleSettings withLength(int length) {
        return new SampleSettings(length, temperature, topK, topP, greedy, seed);
    }

    public SampleSettings withTemperature(double temperature) {
        return new SampleSettings(length, temperature, topK, topP, greedy, seed);
    }

    public SampleSettings withTopK(int topK) {
        return new SampleSettings(length, temperature, topK, topP, greedy, seed);
    }

    public SampleSettings withTopP(double topP) {
        return new SampleSettings(length, temperature, topK, topP, greedy, seed);
    }

    public SampleSettings withGreedy(boolean greedy) {
        return new SampleSettings(length, temperature, topK, topP, greedy, seed);
    }

    public SampleSettings withSeed(long seed) {
        return new SampleSettings(length, temperature, topK, topP, greedy, seed);
    }
}
