package org.charscope.app.cli;

import java.util.Locale;
import org.charscope.train.TrainingConfig;

/**
 * {@code --mode stateful|window} and {@code --window W}, shared by train and compare; compare's
 * {@code --modes} also takes {@code bidirectional}: windows read by a bidirectional first layer.
 */
final class Modes {

    static final int DEFAULT_WINDOW = 100;

    private Modes() {
    }

    /** Whether {@code mode} (null: stateful) asks for windows. */
    static boolean windowed(String mode) {
        if (mode == null) {
            return false;
        }
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "stateful" -> false;
            case "window", "windowed" -> true;
            default -> throw new IllegalArgumentException("--mode must be stateful or window, not '" + mode + "'");
        };
    }

    /** Compare's modes: stateful, window, or bidirectional (windows, the first layer read both ways). */
    static boolean windowedComparison(String mode) {
        return bidirectional(mode) || windowed(mode);
    }

    /** Whether compare's {@code mode} is {@code bidirectional}. */
    static boolean bidirectional(String mode) {
        return mode != null && mode.trim().equalsIgnoreCase("bidirectional");
    }

    /** {@code config} in the chosen mode; in window mode its sequence length is the window. */
    static TrainingConfig apply(TrainingConfig config, String mode, Integer window) {
        boolean windowed = windowed(mode);
        if (window != null && !windowed) {
            throw new IllegalArgumentException("--window needs --mode window");
        }
        if (!windowed) {
            return config;
        }
        int w = window != null ? window : DEFAULT_WINDOW;
        return config.withBatch(w, config.batchSize()).withWindows(true);
    }
}
