package org.charscope.app.cli;

import java.util.Locale;
import org.charscope.model.LearningRateSchedule;

/**
 * {@code --schedule constant|step|cosine} and {@code --decay-iterations N}: how {@code train}
 * changes the learning rate. The factors are the window's (the settings panel's "Schedule"):
 * step halves the rate every 2,000 iterations; cosine falls along half a cosine to a tenth of the
 * rate (nanoGPT's floor) over the decay iterations, then stays there.
 */
final class Schedules {

    static final long STEP_EVERY = 2_000;
    static final double STEP_FACTOR = 0.5;
    static final double COSINE_FLOOR = 0.1;

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
        return switch (name) {
            case "constant" -> LearningRateSchedule.constant();
            case "step" -> LearningRateSchedule.step(STEP_EVERY, STEP_FACTOR);
            case "cosine" -> {
                long period = decayIterations != null ? decayIterations : iterations;
                if (period < 1) {
                    throw new IllegalArgumentException(decayIterations != null
                            ? "--decay-iterations must be at least 1"
                            : "--schedule cosine with --minutes needs --decay-iterations N (where the cosine ends)");
                }
                yield LearningRateSchedule.cosine(period, COSINE_FLOOR);
            }
            default -> throw new IllegalArgumentException("--schedule must be constant, step or cosine, not '" + kind + "'");
        };
    }
}
