package org.charscope.app.cli;

import org.charscope.train.TrainingConfig;

/**
 * {@code train --mode stateful|window} with {@code --window W}: char-rnn's state carried through
 * consecutive stretches of the text, or independent windows that each predict the symbol after them.
 */
enum Mode {
    STATEFUL, WINDOW;

    static final int DEFAULT_WINDOW = 100;

    /** {@code config} in this mode; in window mode its sequence length is the window (null: 100). */
    TrainingConfig apply(TrainingConfig config, Integer window) {
        if (this == STATEFUL) {
            if (window != null) {
                throw new IllegalArgumentException("--window needs --mode window");
            }
            return config;
        }
        int w = window != null ? window : DEFAULT_WINDOW;
        return config.withBatch(w, config.batchSize()).withWindows(true);
    }
}
