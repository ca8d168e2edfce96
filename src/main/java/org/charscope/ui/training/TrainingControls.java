package org.charscope.ui.training;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
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
    private final List<Button> buttons;

    public TrainingControls(DashboardModel model, Commands commands, BooleanBinding haveText) {
        setId("training-controls");
        getStyleClass().add("training-controls");
        setMinWidth(Region.USE_PREF_SIZE);   // a row short of room cuts what is beside the buttons first (the hint)
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
        badge.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(start, pause, resume, step, stop, reset, badge);
        buttons = List.of(start, pause, resume, step, stop, reset);
        // the row may narrow while these keep their width (their minimum is their preferred width)
        ChangeListener<Number> roomChanged = (obs, was, now) -> requestLayout();
        parentProperty().addListener((obs, old, now) -> {
            if (old instanceof Region row) {
                row.widthProperty().removeListener(roomChanged);
            }
            if (now instanceof Region row) {
                row.widthProperty().addListener(roomChanged);
            }
        });
    }

    /**
     * Shows the buttons' names where the row has room for them, and only their icons where it
     * has not (a narrow window, or 200% zoom on a laptop): six buttons cut to "T…", "Pa…" say
     * nothing, while the icons with their tooltips still do. The room is the parent's width, and
     * the width the names need is measured from the buttons' font, so the choice does not depend
     * on itself and never flips back and forth.
     */
    @Override
    protected void layoutChildren() {
        boolean named = !(getParent() instanceof Region row) || row.getWidth() <= 0
                || row.getWidth() - row.snappedLeftInset() - row.snappedRightInset() >= widthWithNames();
        ContentDisplay display = named ? ContentDisplay.LEFT : ContentDisplay.GRAPHIC_ONLY;
        for (Button button : buttons) {
            if (button.getContentDisplay() != display) {
                button.setContentDisplay(display);
            }
        }
        super.layoutChildren();
    }

    /** The row's width with every button named: each as wide as with its icon alone, plus its name. */
    private double widthWithNames() {
        double width = snappedLeftInset() + snappedRightInset() + getSpacing() * (getChildren().size() - 1);
        for (Node child : getChildren()) {
            width += child.prefWidth(-1);
            if (child instanceof Button button && button.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
                width += TextWidth.of(button.getText(), button.getFont()) + button.getGraphicTextGap();
            }
        }
        return width;
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
