package org.charscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.charscope.ui.MainWindow;
import org.charscope.ui.Screenshots;
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
 * The Compare tab as a person uses it: the built-in text, the settings panel's tiny model, three
 * cells for 40 iterations each; then the table, the overlaid curves and the samples are read back.
 */
@ExtendWith(ApplicationExtension.class)
class ComparePaneTest {

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
    void threeCellsTrainOneAfterAnotherAndShowTheirCurvesTableAndSamples(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        TinyRun.settings(robot);   // 1 × 32, batches of 8 × 16, validation every 20 iterations
        robot.clickOn("#tab-compare");
        @SuppressWarnings("unchecked")
        ChoiceBox<String> unit = robot.lookup("#compare-unit").queryAs(ChoiceBox.class);
        robot.interact(() -> unit.setValue("iterations"));
        TextField budget = robot.lookup("#compare-budget").queryAs(TextField.class);
        robot.interact(() -> budget.setText("forty"));
        robot.clickOn("#compare-run");
        assertEquals("the budget must be a positive number of iterations",
                robot.lookup("#compare-problem").queryAs(Label.class).getText());
        robot.interact(() -> budget.setText("40"));
        robot.clickOn("#compare-run");
        waitFor(120, TimeUnit.SECONDS, () -> "compared 3 models".equals(
                robot.lookup("#compare-status").queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<CompareModel.Entry> table = robot.lookup("#compare-table").queryAs(TableView.class);
        assertEquals(3, table.getItems().size());
        long lstm = table.getItems().get(0).contender().parameters();
        for (CompareModel.Entry e : table.getItems()) {
            assertEquals(40, e.result().iterations(), e.contender().name());
            double ratio = (double) e.contender().parameters() / lstm;
            assertTrue(ratio > 0.9 && ratio < 1.1, e.contender().name() + ": " + ratio + " of the LSTM's parameters");
            assertEquals(2, e.series().size(), e.contender().name() + ": scores at 20 and 40 iterations, against minutes");
            String shownBest = (String) table.getColumns().get(4).getCellObservableValue(e).getValue();
            assertEquals(String.format(java.util.Locale.ROOT, "%.3f", e.result().bestBitsPerChar()), shownBest);
        }
        assertEquals("lstm 1×32", table.getItems().get(0).contender().name());
        assertTrue(table.getItems().get(1).contender().name().startsWith("gru 1×"), table.getItems().get(1).contender().name());
        for (String cell : new String[] {"lstm", "gru", "rnn"}) {
            String sample = robot.lookup("#compare-sample-" + cell).queryAs(TextArea.class).getText();
            assertEquals(200, sample.codePointCount(0, sample.length()), cell);
        }

        @SuppressWarnings("unchecked")
        ChoiceBox<CompareModel.Axis> axis = robot.lookup("#compare-axis").queryAs(ChoiceBox.class);
        robot.interact(() -> axis.setValue(CompareModel.Axis.ITERATIONS));
        CompareModel.Entry first = table.getItems().get(0);
        assertEquals(20.0, first.series().x(0));
        assertEquals(40.0, first.series().x(1));
        assertFalse(robot.lookup("#compare-run").queryAs(Button.class).isDisabled(), "another comparison can start");

        // samples at a matching iteration: each model's at iteration 20, drawn with the same seed
        @SuppressWarnings("unchecked")
        ChoiceBox<Long> at = robot.lookup("#compare-sample-iteration").queryAs(ChoiceBox.class);
        assertEquals(java.util.List.of(-1L, 20L, 40L), at.getItems());
        robot.interact(() -> at.setValue(20L));
        WaitForAsyncUtils.waitForFxEvents();
        for (CompareModel.Entry e : table.getItems()) {
            String shown = robot.lookup("#compare-sample-" + e.contender().cell().id()).queryAs(TextArea.class).getText();
            assertEquals(e.result().sampleAt(20), shown, e.contender().name());
            assertFalse(shown.equals(e.result().sample()), e.contender().name() + ": the sample at 20 is not the final one");
        }
        Screenshots.save(robot, window.root(), Path.of("target", "screenshots", "compare.png"));
    }

    @Test
    void aCellComparedWithItselfOnWindows(FxRobot robot) throws Exception {
        TableView<CompareModel.Entry> table = compareTheLstmFor20Iterations(robot, () -> {
            robot.clickOn("#compare-mode-window");
            robot.interact(() -> robot.lookup("#compare-window").queryAs(TextField.class).setText("8"));
        });
        assertEquals(java.util.List.of("lstm 1×32", "lstm 1×32 window 8"),
                table.getItems().stream().map(e -> e.contender().name()).toList());
        assertTrue(table.getItems().get(1).result().windowed());
        assertEquals(20, table.getItems().get(1).result().iterations());
        assertFalse(robot.lookup("#compare-sample-lstm-window").queryAs(TextArea.class).getText().isEmpty());
        assertEquals("lstm 1×32 window 8", robot.lookup("#compare-legend-lstm-window").queryAs(Label.class).getText());
    }

    @Test
    void windowsReadOneWayAndBothWaysSideBySide(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        TinyRun.settings(robot);
        robot.clickOn("#tab-compare");
        robot.clickOn("#compare-cell-gru");
        robot.clickOn("#compare-cell-rnn");
        robot.clickOn("#compare-mode-stateful");
        robot.clickOn("#compare-mode-window");
        robot.clickOn("#compare-mode-bidirectional");
        robot.interact(() -> robot.lookup("#compare-window").queryAs(TextField.class).setText("8"));
        @SuppressWarnings("unchecked")
        ChoiceBox<String> unit = robot.lookup("#compare-unit").queryAs(ChoiceBox.class);
        robot.interact(() -> unit.setValue("iterations"));
        robot.interact(() -> robot.lookup("#compare-budget").queryAs(TextField.class).setText("60"));
        robot.clickOn("#compare-run");   // the tiny model has one layer: nothing above it to read both ways
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-status").queryAs(Label.class).getText()
                .startsWith("cannot compare: a bidirectional first layer needs a second layer"));
        robot.clickOn("#tab-training");
        TinyRun.type(robot, "layers", "2");
        robot.clickOn("#tab-compare");
        robot.clickOn("#compare-run");
        waitFor(120, TimeUnit.SECONDS, () -> "compared 2 models".equals(
                robot.lookup("#compare-status").queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<CompareModel.Entry> table = robot.lookup("#compare-table").queryAs(TableView.class);
        assertEquals(java.util.List.of("lstm 2×32 window 8", "lstm 2×32 bi-window 8"),
                table.getItems().stream().map(e -> e.contender().name()).toList());
        CompareModel.Entry both = table.getItems().get(1);
        assertTrue(both.contender().mode().bidirectional() && both.result().model().bidirectional());
        assertTrue(both.contender().parameters() > table.getItems().get(0).contender().parameters(), "a backward cell and a wider second layer");
        assertEquals(60, both.result().iterations());
        assertEquals(3, both.series().size(), "scored at 20, 40 and 60 iterations");
        String sample = robot.lookup("#compare-sample-lstm-biwindow").queryAs(TextArea.class).getText();
        assertEquals(200, sample.codePointCount(0, sample.length()), "sampled by reading the last window again: " + sample);
        assertEquals("lstm 2×32 bi-window 8", robot.lookup("#compare-legend-lstm-biwindow").queryAs(Label.class).getText());
        @SuppressWarnings("unchecked")
        ChoiceBox<CompareModel.Axis> axis = robot.lookup("#compare-axis").queryAs(ChoiceBox.class);
        robot.interact(() -> axis.setValue(CompareModel.Axis.ITERATIONS));
        Screenshots.save(robot, window.root(), Path.of("target", "screenshots", "compare-bidirectional.png"));
    }

    @Test
    void charactersAndWordsOfTheSameTextSideBySidePerCharacter(FxRobot robot) throws Exception {
        TableView<CompareModel.Entry> table = compareTheLstmFor20Iterations(robot,
                () -> robot.clickOn("#compare-tokens-words"));
        assertEquals(java.util.List.of("lstm 1×32", "lstm 1×32 words"),
                table.getItems().stream().map(e -> e.contender().name()).toList());
        CompareModel.Entry words = table.getItems().get(1);
        assertTrue(words.contender().words() && words.contender().parameters() > table.getItems().get(0).contender().parameters(),
                "a vocabulary of words makes a larger output layer: " + words.contender().parameters());
        double bits = words.result().bestBitsPerChar();
        assertTrue(bits > 1 && bits < 8, "scored per character of the same text, not per word: " + bits);
        String sample = robot.lookup("#compare-sample-lstm-words").queryAs(TextArea.class).getText();
        assertTrue(sample.contains(" "), "a word model writes words: " + sample);
        assertEquals("lstm 1×32 words", robot.lookup("#compare-legend-lstm-words").queryAs(Label.class).getText());
        Screenshots.save(robot, window.root(), Path.of("target", "screenshots", "compare-words.png"));
    }

    /**
     * The tiny LSTM alone (GRU and RNN unticked) for 20 iterations, with {@code choose} ticking a
     * second mode or token level; waits until both models are done and returns the table.
     */
    private TableView<CompareModel.Entry> compareTheLstmFor20Iterations(FxRobot robot, Runnable choose)
            throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        TinyRun.settings(robot);
        robot.clickOn("#tab-compare");
        robot.clickOn("#compare-cell-gru");
        robot.clickOn("#compare-cell-rnn");
        choose.run();
        @SuppressWarnings("unchecked")
        ChoiceBox<String> unit = robot.lookup("#compare-unit").queryAs(ChoiceBox.class);
        robot.interact(() -> unit.setValue("iterations"));
        robot.interact(() -> robot.lookup("#compare-budget").queryAs(TextField.class).setText("20"));
        robot.clickOn("#compare-run");
        waitFor(120, TimeUnit.SECONDS, () -> "compared 2 models".equals(
                robot.lookup("#compare-status").queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<CompareModel.Entry> table = robot.lookup("#compare-table").queryAs(TableView.class);
        return table;
    }
}
