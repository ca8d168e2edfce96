package org.charscope.text;

import java.util.SplittableRandom;

/**
 * Windows of {@code window} symbols at random places in the text, each predicting the symbol after
 * it: the Keras lab's training (99 characters predict the 100th), against char-rnn's stateful
 * stretches ({@link Batches}). Every window starts from a zero state ({@link #atEpochStart()} is
 * always true) and only its last prediction is scored ({@code Batch.allocateWindows}).
 *
 * <p>Window {@code b} of batch {@code k} starts at a position drawn from {@code (seed, k, b)}
 * alone, so batches are a pure function of the position and a resumed run reads what an
 * uninterrupted one would. An epoch is as many windows as the text has places for one.
 */
public final class WindowBatches extends CountedBatches {

    private final int[] stream;
    private final int batch;
    private final int window;
    private final long seed;
    private final int places;        // window starts: stream.length - window

    /** @throws IllegalArgumentException if the stream is shorter than a window and its next symbol */
    public WindowBatches(int[] stream, int batch, int window, long seed) {
        if (batch < 1 || window < 1) {
            throw new IllegalArgumentException("batch and window must be at least 1");
        }
        if (stream.length < window + 1) {
            throw new IllegalArgumentException("a text of " + stream.length + " symbols is too short for a window of "
                    + window + " (needs " + (window + 1) + ")");
        }
        this.stream = stream;
        this.batch = batch;
        this.window = window;
        this.seed = seed;
        this.places = stream.length - window;
    }

    @Override
    public int batchSize() {
        return batch;
    }

    @Override
    public int seqLength() {
        return window;
    }

    @Override
    public int batchesPerEpoch() {
        return Math.max(1, places / batch);
    }

    /** Always: windows are independent, each read from a zero state. */
    @Override
    public boolean atEpochStart() {
        return true;
    }

    @Override
    public void next(int[] inputs, int[] targets) {
        if (inputs.length != batch * window || targets.length != batch * window) {
            throw new IllegalArgumentException("inputs and targets must hold window * batch = " + batch * window);
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + position());
        for (int b = 0; b < batch; b++) {
            int start = random.nextInt(places);
            for (int t = 0; t < window; t++) {
                inputs[t * batch + b] = stream[start + t];
                targets[t * batch + b] = stream[start + t + 1];
            }
        }
        advance();
    }
}
