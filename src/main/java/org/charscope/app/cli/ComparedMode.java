package org.charscope.app.cli;

/**
 * {@code compare --modes}: train's two modes, and {@code bidirectional}: windows read by a
 * bidirectional first layer.
 */
enum ComparedMode {
    STATEFUL, WINDOW, BIDIRECTIONAL;

    /** How it trains: bidirectional models train on windows. */
    Mode training() {
        return this == STATEFUL ? Mode.STATEFUL : Mode.WINDOW;
    }
}
