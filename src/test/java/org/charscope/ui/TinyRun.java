package org.charscope.ui;

import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import org.testfx.api.FxRobot;

/** Settings typed into the panel for a model that trains in seconds on the built-in text. */
public final class TinyRun {

    private TinyRun() {
    }

    /** Sets the field's text, opening "More settings" first (its fields join the window when it opens). */
    public static void type(FxRobot robot, String id, String text) {
        TitledPane more = robot.lookup("#settings-more").queryAs(TitledPane.class);
        robot.interact(() -> more.setExpanded(true));
        TextField field = robot.lookup("#setting-" + id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    /** One layer of 32, batches of 8 × 16, a sample every 15 iterations, validation every 20. */
    public static void settings(FxRobot robot) {
        type(robot, "layers", "1");
        type(robot, "hidden", "32");
        type(robot, "seq", "16");
        type(robot, "batch", "8");
        type(robot, "lr", "0.01");
        type(robot, "sample-every", "15");
        type(robot, "evaluate-every", "20");
        type(robot, "sample-length", "60");
        type(robot, "planned", "100000");
    }
}
