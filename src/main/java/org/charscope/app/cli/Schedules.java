package org.charscope.app.cli;

import org.charscope.model.LearningRateSchedule;

/**
 * {@code --schedule constant|step|cosine} and {@code --decay-iterations N}: how {@code train}
 * changes the learning rate, with the window's settings for each kind
 * ({@link LearningRateSchedule#of}).
 */
final class Schedules {

    private Schedules() {
    }

    /**
     * The schedule asked for ({@code --schedule}, constant when not given). A cosine needs to
     * know where it ends: {@code decayIterations}, else the planned {@code iterations} (0 when
     * training for minutes instead, which is refused).
     */
    static LearningRateSchedule of(LearningRateSchedule.Kind kind, Long decayIterations, long iterations) {
        if (decayIterations != null && kind != LearningRateSchedule.Kind.COSINE) {
            throw new IllegalArgumentException("--decay-iterations needs --schedule cosine");
        }
        long period = decayIterations != null ? decayIterations : iterations;
        if (kind == LearningRateSchedule.Kind.COSINE && period < 1) {
            throw new IllegalArgumentException(decayIterations != null
                    ? "--decay-iterations must be at least 1"
                    : "--schedule cosine with --minutes needs --decay-iterations N (where the cosine ends)");
        }
        return LearningRateSchedule.of(kind, Math.max(1, period));
    }
}
