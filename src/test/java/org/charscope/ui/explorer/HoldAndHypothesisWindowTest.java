package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.PickResult;
import javafx.stage.Window;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.charscope.explore.FeatureHypothesis;
import org.charscope.explore.FeatureLabels;
import org.charscope.explore.HypothesisResult;
import org.charscope.explore.OnOffPattern;
import org.charscope.explore.PatternMatch;
import org.charscope.explore.PatternMatches;
import org.charscope.explore.PatternSearch;
import org.charscope.explore.Probe;
import org.charscope.explore.ReadProgress;
import org.charscope.explore.UnitScore;
import org.charscope.model.Signal;
import org.charscope.text.Vocabulary;
import org.charscope.text.Corpus;
import org.charscope.train.TrainingRun;
import org.charscope.ui.MainWindow;
import org.charscope.ui.Screenshots;
import org.charscope.ui.ScriptedDialogs;
import org.charscope.ui.TestWindows;
import org.charscope.ui.TinyRun;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.training.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Holding a unit, testing a hypothesis and matching a brushed span's pattern as a person does, on
 * a tiny model trained on the generated structured text and then paused (so that the window's copies of the weights are the test's too).
 */
@ExtendWith(ApplicationExtension.class)
class HoldAndHypothesisWindowTest {

    private static final Path STRUCTURED = Path.of("sample-texts", "structured-brackets-and-quotes.txt");
    private BookModel book;
    private MainWindow window;
    @TempDir
    Path sessionDir;

    /** The window on the built-in text (the test opens the structured text once that is in). */
    @Start
    void start(Stage stage) {
        book = new BookModel();
        window = TestWindows.open(stage, book, sessionDir, new ScriptedDialogs());
    }

    /**
     * Opens the generated structured text (quotes in nearly every line), trains to iteration 600
     * or so, pauses, and reads the passage in the Neurons tab.
     */
    private void trainPauseAndRead(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        robot.interact(() -> book.open(List.of(STRUCTURED)));   // a second book is taken once the first is in
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null
                && book.corpusProperty().get().book().displayName().contains("structured"));
        TinyRun.settings(robot);
        TinyRun.type(robot, "sample-every", "100000");
        TinyRun.type(robot, "evaluate-every", "100000");
        robot.clickOn("#train-start");
        waitFor(90, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() >= 600);
        robot.clickOn("#train-pause");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().stateProperty().get() == RunState.PAUSED);
        robot.clickOn("#tab-explorer");
        robot.interact(() -> window.explorer().live().autoRefreshProperty().set(false));
        robot.clickOn("#explorer-refresh");
        waitFor(30, TimeUnit.SECONDS, () -> window.explorer().probedProperty().get() != null
                && !window.explorer().live().computingProperty().get());
        // the tabs below the passage given room, as a person looking at them would
        robot.interact(() -> ((SplitPane) robot.lookup("#explorer-pane").queryAs(ExplorerPane.class).getCenter())
                .setDividerPositions(0.42));
    }

    @Test
    void holdingAUnitFromItsContextMenuSamplesItHeldAndFree(FxRobot robot) throws Exception {
        trainPauseAndRead(robot);
        // the tab opens on the first discovery card's quantity: tanh(cell) chosen, whose cell is held at 4
        robot.interact(() -> window.explorer().quantityProperty().set(Signal.TANH_CELL));
        robot.clickOn("#tab-neurons");
        @SuppressWarnings("unchecked")
        ListView<ExplorerPane.Entry> neurons = robot.lookup("#neuron-list").queryAs(ListView.class);
        ExplorerPane.Entry first = neurons.getItems().get(0);
        Node firstRow = robot.from(neurons).lookup(".list-cell").nth(0).query();
        robot.clickOn(firstRow);
        holdFromContextMenu(robot, firstRow, "4");
        robot.clickOn("#tab-hold");

        TextArea held = robot.lookup("#held-sample").queryAs(TextArea.class);
        TextArea free = robot.lookup("#free-sample").queryAs(TextArea.class);
        waitFor(60, TimeUnit.SECONDS, () -> !held.getText().isEmpty() && !free.getText().isEmpty());
        assertEquals(HoldPanel.SAMPLE_LENGTH, free.getText().codePointCount(0, free.getText().length()));
        assertNotEquals(free.getText(), held.getText(), "the same seed, but one unit's cell is held at 4");
        @SuppressWarnings("unchecked")
        ListView<HoldChoice> heldList = robot.lookup("#held-list").queryAs(ListView.class);
        assertEquals(1, heldList.getItems().size());
        assertEquals("layer 1 · cell " + first.unit() + " = 4.00", heldList.getItems().get(0).describe(),
                "the list row held (tanh(cell) shown: its cell is held)");
        assertEquals(Signal.TANH_CELL, first.quantity());
        assertTrue(robot.lookup("#hold-summary").queryAs(Label.class).getText().startsWith("Change in loss when held: "));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, window.root(), Path.of("target", "screenshots", "hold-samples.png"));
        Screenshots.save(robot, robot.lookup("#hold-panel").query(), Path.of("target", "screenshots", "hold-panel.png"));

        // A hidden state is held within [-1, 1]: 2 is refused in words, and nothing more is held.
        robot.clickOn("#tab-units");
        holdFromContextMenu(robot, robot.lookup("#neuron-grid").query(), "abc");
        assertEquals("Hold at a number, not \"abc\".", robot.lookup("#hold-status").queryAs(Label.class).getText());
        assertEquals(1, heldList.getItems().size());
    }

    /**
     * Asks {@code node} for its context menu where a right click at its top left would (Monocle
     * has no popup trigger for the robot's right button), types {@code value} into the menu's
     * Hold field and presses Hold.
     */
    private static void holdFromContextMenu(FxRobot robot, Node node, String value) {
        robot.interact(() -> {
            Point2D screen = node.localToScreen(10, 5);
            Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 5,
                    screen.getX(), screen.getY(), false, new PickResult(node, screen.getX(), screen.getY())));
        });
        ContextMenu menu = (ContextMenu) Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing()).findFirst().orElseThrow();
        Node holdAt = ((CustomMenuItem) menu.getItems().get(0)).getContent();
        robot.interact(() -> {
            ((TextField) holdAt.lookup("#hold-value")).setText(value);
            ((Button) holdAt.lookup("#hold-at")).fire();
        });
        assertTrue(!menu.isShowing(), "Hold closes the menu");
    }

    @Test
    void aRegexHypothesisListsTheBestUnitAndItsWorstErrors(FxRobot robot) throws Exception {
        trainPauseAndRead(robot);
        robot.clickOn("#tab-hypothesis");
        assertEquals(HypothesisPanel.INSIDE_QUOTES, robot.lookup("#hypothesis-regex").queryAs(TextField.class).getText());
        robot.clickOn("#hypothesis-run");
        @SuppressWarnings("unchecked")
        ListView<UnitScore> results = robot.lookup("#hypothesis-results").queryAs(ListView.class);
        @SuppressWarnings("unchecked")
        ListView<BookFeature.ErrorRow> errors = robot.lookup("#hypothesis-errors").queryAs(ListView.class);
        waitFor(120, TimeUnit.SECONDS, () -> !results.getItems().isEmpty() && !errors.getItems().isEmpty());

        // The same test by hand, on the same (paused) weights and the same book.
        TrainingRun run = window.training().trainer().snapshot().get(10, TimeUnit.SECONDS);
        Corpus corpus = book.corpusProperty().get();
        BookFeature feature = BookFeature.of(corpus, text -> FeatureLabels.ofMatches(text,
                FeatureLabels.compile(HypothesisPanel.INSIDE_QUOTES)));
        HypothesisResult expected = FeatureHypothesis.test(run.newModel(), feature.ids(), feature.labels(),
                feature.validationFrom(), ReadProgress.NONE);
        UnitScore best = results.getItems().get(0);
        assertEquals(expected.units().get(0), best);
        assertEquals(HypothesisPanel.LISTED, results.getItems().size());
        assertEquals(List.copyOf(expected.best(HypothesisPanel.LISTED)), List.copyOf(results.getItems()));
        double p = (double) expected.positives() / expected.validationCharacters();
        double alwaysOn = 2 * p / (1 + p);    // F1 of a unit on at every character
        assertTrue(best.f1() > alwaysOn, "a unit of a model trained 600 iterations follows quotes: " + best.describe()
                + ", against " + alwaysOn + " for one always on");
        System.out.printf("best unit for %s: %s; always on: F1 %.3f%n", HypothesisPanel.INSIDE_QUOTES, best.describe(), alwaysOn);

        BookFeature.ErrorRow worst = errors.getItems().get(0);
        assertTrue(worst.shown().startsWith(worst.falsePositive() ? "false positive" : "false negative"), worst.shown());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, window.root(), Path.of("target", "screenshots", "hypothesis.png"));
        Screenshots.save(robot, robot.lookup("#hypothesis-panel").query(), Path.of("target", "screenshots", "hypothesis-panel.png"));

        // A click reads the error's passage in the explorer, coloured by the unit.
        Node firstError = robot.from(errors).lookup(".list-cell").nth(0).query();
        robot.clickOn(firstError.localToScreen(30, 8));   // the row's start: a long row runs past the list's edge
        waitFor(30, TimeUnit.SECONDS, () -> window.explorer().probedProperty().get() != null
                && worst.passage().equals(window.explorer().probedProperty().get().result().passage()));
        assertEquals(best.neuron().unit(), window.explorer().unitProperty().get());
        assertEquals(best.neuron().quantity(), window.explorer().quantityProperty().get());
    }

    @Test
    void aBrushedQuotedStringsPatternIsFoundInTheValidationText(FxRobot robot) throws Exception {
        trainPauseAndRead(robot);
        robot.interact(() -> window.explorer().quantityProperty().set(Signal.TANH_CELL));
        Probed probed = window.explorer().probedProperty().get();
        String passage = probed.result().passage();   // ASCII: chars are the explorer's steps
        int[] span = null;   // the first quoted string, quotes excluded, whose pattern some unit makes
        for (int open = passage.indexOf('"'); open >= 0 && span == null; open = passage.indexOf('"', open + 1)) {
            int close = passage.indexOf('"', open + 1);
            try {
                OnOffPattern.brushed(probed.result().activations(), Signal.TANH_CELL, open + 1, close);
                span = new int[] {open + 1, close};
            } catch (IllegalArgumentException e) {
                open = close;   // on to the next string
            }
        }
        assertNotNull(span, "a unit of a model trained 600 iterations is on over some quoted string");
        int[] brushed = span;
        ExplorerPane pane = robot.lookup("#explorer-pane").queryAs(ExplorerPane.class);
        robot.interact(() -> pane.heatmap().selectSpan(brushed[0], brushed[1]));
        robot.clickOn("#tab-match");
        robot.clickOn("#match-use");
        MatchPanel panel = robot.lookup("#match-panel").queryAs(MatchPanel.class);
        OnOffPattern pattern = panel.pattern();
        assertNotNull(pattern, robot.lookup("#match-status").queryAs(Label.class).getText());
        assertEquals(OnOffPattern.brushed(probed.result().activations(), Signal.TANH_CELL, brushed[0], brushed[1]), pattern);
        String shownPattern = robot.lookup("#match-pattern").queryAs(Label.class).getText();
        assertTrue(shownPattern.startsWith("«" + passage.substring(brushed[0], brushed[1]) + "»"), shownPattern);
        robot.clickOn("#match-run");
        @SuppressWarnings("unchecked")
        ListView<MatchPanel.MatchRow> results = robot.lookup("#match-results").queryAs(ListView.class);
        waitFor(120, TimeUnit.SECONDS, () -> !results.getItems().isEmpty());

        // The same search by hand, on the same (paused) weights and the same book.
        TrainingRun run = window.training().trainer().snapshot().get(10, TimeUnit.SECONDS);
        BookText text = BookText.of(book.corpusProperty().get());
        PatternMatches expected = PatternSearch.find(run.newModel(), text.ids(), text.validationFrom(), pattern,
                MatchPanel.LISTED, ReadProgress.NONE);
        assertEquals(Math.min(MatchPanel.LISTED, expected.runs()), results.getItems().size());
        PatternMatch best = expected.best().get(0);
        MatchPanel.MatchRow first = results.getItems().get(0);
        Vocabulary characters = Probe.characters(run.vocabulary());
        BookText.Excerpt excerpt = text.excerpt(characters, best.start(), best.end());
        assertEquals(excerpt.passage(), first.passage());
        assertEquals(excerpt.run(), first.passage().substring(first.runFrom(), first.runTo()));
        assertTrue(first.shown().contains(excerpt.marked()), first.shown());
        System.out.printf("brushed «%s»: %d units; %d runs, %d whole; first: %s%n", passage.substring(brushed[0], brushed[1]),
                pattern.size(), expected.runs(), expected.whole(), first.shown());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, robot.lookup("#match-panel").query(), Path.of("target", "screenshots", "match-panel.png"));

        // A click reads the match's passage in the explorer, brushed, coloured by the pattern's first unit.
        Node firstRow = robot.from(results).lookup(".list-cell").nth(0).query();
        robot.clickOn(firstRow.localToScreen(30, 8));
        waitFor(30, TimeUnit.SECONDS, () -> window.explorer().probedProperty().get() != null
                && first.passage().equals(window.explorer().probedProperty().get().result().passage()));
        assertEquals(pattern.units().get(0).neuron().unit(), window.explorer().unitProperty().get());
        assertEquals(List.of(first.runFrom(), first.runTo()), List.of(pane.heatmap().span()[0], pane.heatmap().span()[1]));
    }
}
