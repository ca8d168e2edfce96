package org.charscope.ui.training;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Start, Pause, Resume, Step, Stop and Reset, each enabled only when it makes sense, with the
 * run's state shown plainly beside them. Shortcuts: F5 start, F6 pause or resume, F7 step,
 * Shift+F5 stop, Ctrl+R reset.
 */
public final class TrainingControls extends HBox {

    /** What the buttons do; the controller decides how. */
    public interface Commands {
        void start();

        void pause();

        void resume();

        void step();

        void stop();

        void reset();
    }

    public static final KeyCombination START = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination PAUSE_OR_RESUME = new KeyCodeCombination(KeyCode.F6);
    public static final KeyCombination STEP = new KeyCodeCombination(KeyCode.F7);
    public static final KeyCombination STOP = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination RESET = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private final Button start;
    private final Button pause;
    private final Button resume;

    public TrainingControls(DashboardModel model, Commands commands, BooleanBinding haveText) {
        setId("training-controls");
        getStyleClass().add("training-controls");
        var state = model.stateProperty();
        BooleanBinding idle = state.isEqualTo(RunState.IDLE);
        BooleanBinding paused = state.isEqualTo(RunState.PAUSED);
        BooleanBinding running = Bindings.createBooleanBinding(() -> state.get().running(), state);

        start = button("Train", "mdi2p-play", "start", START, commands::start);
        start.getStyleClass().add("accent");
        start.disableProperty().bind(idle.and(haveText).not());
        pause = button("Pause", "mdi2p-pause", "pause", PAUSE_OR_RESUME, commands::pause);
        pause.disableProperty().bind(running.not());
        resume = button("Resume", "mdi2p-play-pause", "resume", PAUSE_OR_RESUME, commands::resume);
        resume.disableProperty().bind(paused.and(haveText).not());
        Button step = button("Step", "mdi2s-step-forward", "step", STEP, commands::step);
        step.disableProperty().bind(idle.or(paused).and(haveText).not());
        Button stop = button("Stop", "mdi2s-stop", "stop", STOP, commands::stop);
        stop.disableProperty().bind(running.or(paused).not());
        Button reset = button("Reset", "mdi2r-restart", "reset", RESET, commands::reset);
        reset.disableProperty().bind(running.or(idle.and(model.iterationProperty().isEqualTo(0))));

        Label badge = new Label();
        badge.setId("run-state");
        badge.getStyleClass().add("run-state");
        badge.textProperty().bind(Bindings.createStringBinding(() -> state.get().label(), state));
        state.addListener((obs, old, now) -> {
            badge.getStyleClass().removeAll("state-" + old.name().toLowerCase());
            badge.getStyleClass().add("state-" + now.name().toLowerCase());
        });
        badge.getStyleClass().add("state-idle");
        getChildren().addAll(start, pause, resume, step, stop, reset, badge);
    }

    private static Button button(String text, String icon, String id, KeyCombination keys, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId("train-" + id);
        button.setTooltip(new Tooltip(text + " (" + keys.getDisplayText() + ")"));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Installs the keyboard shortcuts on the scene the controls are in; F6 pauses or resumes. */
    public void installShortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(START, () -> fire(start));
        scene.getAccelerators().put(PAUSE_OR_RESUME, () -> {
            if (!pause.isDisabled()) {
                pause.fire();
            } else {
                fire(resume);
            }
        });
        scene.getAccelerators().put(STEP, () -> fire(buttonById("train-step")));
        scene.getAccelerators().put(STOP, () -> fire(buttonById("train-stop")));
        scene.getAccelerators().put(RESET, () -> fire(buttonById("train-reset")));
    }

    private Button buttonById(String id) {
        return (Button) getChildren().stream().filter(n -> id.equals(n.getId())).findFirst().orElseThrow();
    }

    private static void fire(Button button) {
        if (!button.isDisabled()) {
            button.fire();
        }
    }
}
