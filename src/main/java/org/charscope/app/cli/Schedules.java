package org.charscope.app.cli;

import java.util.Locale;
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
     * The schedule asked for. A cosine needs to know where it ends: {@code decayIterations}, else
     * the planned {@code iterations} (0 when training for minutes instead, which is refused).
     */
    static LearningRateSchedule parse(String kind, Long decayIterations, long iterations) {
        String name = kind == null ? "constant" : kind.trim().toLowerCase(Locale.ROOT);
        if (decayIterations != null && !name.equals("cosine")) {
            throw new IllegalArgumentException("--decay-iterations needs --schedule cosine");
        }
        LearningRateSchedule.Kind chosen = switch (name) {
            case "constant" -> LearningRateSchedule.Kind.CONSTANT;
            case "step" -> LearningRateSchedule.Kind.STEP;
            case "cosine" -> LearningRateSchedule.Kind.COSINE;
            default -> throw new IllegalArgumentException("--schedule must be constant, step or cosine, not '" + kind + "'");
        };
        long period = decayIterations != null ? decayIterations : iterations;
        if (chosen == LearningRateSchedule.Kind.COSINE && period < 1) {
            throw new IllegalArgumentException(decayIterations != null
                    ? "--decay-iterations must be at least 1"
                    : "--schedule cosine with --minutes needs --decay-iterations N (where the cosine ends)");
        }
        return LearningRateSchedule.of(chosen, Math.max(1, period));
    }
}
