package org.charscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.charscope.train.RunSettings;
import org.charscope.ui.MainWindow;
import org.charscope.ui.ScriptedDialogs;
import org.charscope.ui.TestWindows;
import org.charscope.ui.TinyRun;
import org.charscope.ui.book.BookModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every numeric field of the settings panel given 0, a negative number, a huge one, words and
 * nothing: each value is either taken or refused beside its field with a message that names the
 * rule, and a refused value never reaches the settings the next model is made with.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsFieldsTest {

    private static final List<String> FIELDS = List.of("layers", "hidden", "dropout", "seq", "batch", "lr", "clip", "seed",
            "sample-every", "evaluate-every", "sample-length", "temperature", "planned");
    /** Fields for which 0 is a meaning of its own (off, never, no limit) and so allowed. */
    private static final Set<String> ZERO_ALLOWED = Set.of("dropout", "clip", "seed", "evaluate-every", "planned");
    /** How each field says its range when it refuses. */
    private static final Map<String, String> RULES = Map.ofEntries(Map.entry("layers", "1 to 4"),
            Map.entry("hidden", "16 to 1024"), Map.entry("dropout", "0 to 0.9"), Map.entry("seq", "1 to 1000"),
            Map.entry("batch", "1 to 1024"), Map.entry("lr", "above 0, below 10"), Map.entry("clip", "0 (off) to 1,000,000"),
            Map.entry("seed", "a whole number of up to 18 digits"), Map.entry("sample-every", "1 to 1,000,000,000"),
            Map.entry("evaluate-every", "0 (never) to 1,000,000,000"), Map.entry("sample-length", "1 to 10,000"),
            Map.entry("temperature", "above 0, at most 10"), Map.entry("planned", "0 (no limit) to 1,000,000,000,000"));

    @TempDir
    Path sessionDir;

    private BookModel book;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        book = new BookModel();
        window = TestWindows.open(stage, book, sessionDir, new ScriptedDialogs());
    }

    @Test
    void everyFieldTakesOrRefusesZeroNegativeHugeWordsAndNothing(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        for (String id : FIELDS) {
            String original = field(robot, id).getText();
            RunSettings before = window.training().settingsProperty().get();

            assertTaken(robot, id, "0", ZERO_ALLOWED.contains(id));
            assertTaken(robot, id, "-1", id.equals("seed"));
            assertTaken(robot, id, "99999999999999999999", false);
            assertTaken(robot, id, "1e308", false);
            assertTaken(robot, id, "many", false);
            assertTaken(robot, id, "", false);

            TinyRun.type(robot, id, original);
            assertTrue(message(robot, id).getText().isEmpty(), id + ": its own value is taken again");
            assertEquals(before, window.training().settingsProperty().get(), id + ": back where it started");
        }
    }

    @Test
    void moreSettingsOpenWhenAskedFilledByThePresetAndSayWhenOneIsRefused(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        TitledPane more = robot.lookup("#settings-more").queryAs(TitledPane.class);
        assertFalse(more.isExpanded(), "closed at the start");
        assertTrue(robot.lookup("#setting-dropout").tryQuery().isEmpty(), "its fields join the window when it opens");
        assertTrue(robot.lookup("#setting-hidden").tryQuery().isPresent(), "the model's shape shows at once");

        robot.clickOn("#setting-preset").clickOn("medium");
        robot.interact(() -> robot.lookup("#sidebar").queryAs(ScrollPane.class).setVvalue(1));   // where a person scrolls to
        robot.clickOn("#settings-more .title");   // the title: the pane itself, open, is mostly its fields
        assertTrue(more.isExpanded());
        assertEquals("0.1", field(robot, "dropout").getText(), "the preset filled the fields under it while closed");
        assertEquals(0.1, window.training().settingsProperty().get().dropout());

        TinyRun.type(robot, "dropout", "lots");
        assertEquals("More settings: a value to fix", more.getText());
        robot.clickOn("#settings-more .title");
        assertFalse(more.isExpanded());
        assertEquals("More settings: a value to fix", more.getText(), "closed, it still says so");
        TinyRun.type(robot, "dropout", "0.2");
        assertEquals("More settings", more.getText());
        assertEquals(0.2, window.training().settingsProperty().get().dropout());
    }

    private void assertTaken(FxRobot robot, String id, String typed, boolean taken) {
        RunSettings before = window.training().settingsProperty().get();
        TinyRun.type(robot, id, typed);
        Label message = message(robot, id);
        if (taken) {
            assertTrue(message.getText().isEmpty(), id + " = \"" + typed + "\" is allowed, but: " + message.getText());
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(field(robot, id).getPseudoClassStates().contains(Styles.STATE_DANGER), id + " unmarked");
            return;
        }
        assertTrue(message.isVisible(), id + " = \"" + typed + "\" is refused where the person can see it");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(field(robot, id).getPseudoClassStates().contains(Styles.STATE_DANGER),
                id + " = \"" + typed + "\": ValidationSupport marks the field for the theme to draw");
        assertTrue(message.getText().endsWith(RULES.get(id)), id + " = \"" + typed + "\": the message names the rule: "
                + message.getText());
        assertEquals(before, window.training().settingsProperty().get(), id + " = \"" + typed + "\" must not be taken");
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup("#setting-" + id).queryAs(TextField.class);
    }

    private static Label message(FxRobot robot, String id) {
        return robot.lookup("#setting-" + id + "-message").queryAs(Label.class);
    }
}
