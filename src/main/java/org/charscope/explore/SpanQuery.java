package org.charscope.explore;

import org.charscope.model.Signal;

/**
 * What a person asks a span search: which neurons are on over steps {@code [from, to)} and off
 * around them.
 *
 * <p>"Around" is a window of {@code paddingSteps} on each side rather than the whole passage. A
 * person selects one quotation, one bracketed list: the hypothesis is "this kind of stretch",
 * and a neuron that means it is also on over every other quotation in the passage. Measured
 * against the whole passage, those other quotations would count against it, although they are
 * the evidence it is right. The local window asks what LSTMVis asks with its left and right
 * padding: does the neuron switch on where the span starts and off where it ends.
 * {@link #WHOLE_PASSAGE} as the padding asks the other question, "on here and nowhere else".
 *
 * @param from         first step of the span
 * @param to           one past its last step
 * @param threshold    a value at or above this is "on"
 * @param paddingSteps steps on each side of the span that should be off; clipped at the passage ends
 */
public record SpanQuery(int from, int to, double threshold, int paddingSteps) {

    /** As padding: everything outside the span counts. */
    public static final int WHOLE_PASSAGE = Integer.MAX_VALUE;

    /** So that a selection of one or two symbols still has some context to be off in. */
    private static final int MIN_DEFAULT_PADDING = 10;

    public SpanQuery {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a span needs 0 <= from < to, got [" + from + ", " + to + ")");
        }
        if (paddingSteps < 0) {
            throw new IllegalArgumentException("paddingSteps must be >= 0, got " + paddingSteps);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number");
        }
    }

    /**
     * The quantity's default "on" threshold ({@link Signal#defaultOnThreshold()}) and a padding
     * as long as the span (at least {@value #MIN_DEFAULT_PADDING}), so the context weighs about as
     * much as the span.
     */
    public static SpanQuery of(int from, int to, Signal quantity) {
        return new SpanQuery(from, to, quantity.defaultOnThreshold(), Math.max(to - from, MIN_DEFAULT_PADDING));
    }

    public SpanQuery withThreshold(double threshold) {
        return new SpanQuery(from, to, threshold, paddingSteps);
    }

    public SpanQuery withPaddingSteps(int paddingSteps) {
        return new SpanQuery(from, to, threshold, paddingSteps);
    }

    public int length() {
        return to - from;
    }

    /** First step of the context before the span. */
    int contextFrom() {
        return (int) Math.max(0, (long) from - paddingSteps);
    }

    /** One past the last step of the context after the span, in a passage of {@code steps}. */
    int contextTo(int steps) {
        return (int) Math.min(steps, (long) to + paddingSteps);
    }
}
