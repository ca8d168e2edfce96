package org.charscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.charscope.baseline.NgramBaseline;
import org.charscope.text.Corpus;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.chart.LineChartCanvas;
import org.charscope.ui.loss.LossChartPane;
import org.charscope.ui.samples.SampleEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The yardsticks in the window: once a book is loaded its best n-gram is a labelled line on the
 * loss chart, and a sample's copied runs are underlined. With the shared corpora at hand, also
 * saves target/screenshots/baseline-*.png on tinyshakespeare for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class YardsticksWindowTest {

    private static final Path SHAKESPEARE = Path.of("../shared/corpora/tinyshakespeare.txt");

    @TempDir
    static Path sessions; // each test opens its own window; the saved sessions are not read back

    private final BookModel book = new BookModel();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, book, sessions, new ScriptedDialogs());
    }

    private static LineChartCanvas lossChart(FxRobot robot) {
        return robot.lookup("#loss-chart").queryAs(LineChartCanvas.class);
    }

    @Test
    void theBooksBestNgramIsALabelledLineOnTheLossChart(FxRobot robot) throws Exception {
        waitFor(60, TimeUnit.SECONDS, () -> !book.loadingProperty().get() && book.corpusProperty().get() != null
                && lossChart(robot).guide() != null);
        NgramBaseline.Order best = NgramBaseline.of(book.corpusProperty().get()).best();
        LineChartCanvas.Guide guide = lossChart(robot).guide();
        assertEquals(best.natsPerChar(), guide.y(), 1e-12);
        assertEquals(String.format(Locale.ROOT, "%d-gram %.2f nats", best.n(), best.natsPerChar()), guide.caption());
    }

    @Test
    void aCopiedRunIsUnderlinedInTheTimeline(FxRobot robot) throws Exception {
        waitFor(60, TimeUnit.SECONDS, () -> !book.loadingProperty().get() && book.corpusProperty().get() != null
                && lossChart(robot).guide() != null);
        String passage = trainingText(book.corpusProperty().get()).substring(30_000, 30_060);
        String invented = "Xqz vortle@"; // '@' is not in the book: the run can start only after it
        robot.interact(() -> window.dashboard().samples().add(
                new SampleEntry(1_000, 0.5, 1.9, 0.8, "", invented + passage + "@wuzzle.")));
        waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".sample-copied").queryAll().isEmpty());
        List<Text> copied = robot.lookup(".sample-copied").queryAllAs(Text.class).stream().toList();
        assertEquals(1, copied.size());
        assertTrue(copied.get(0).isUnderline());
        assertEquals(passage, copied.get(0).getText(), "the run is the passage, no more and no less");
        Text written = robot.lookup(".sample-written").queryAllAs(Text.class).iterator().next();
        assertTrue(written.getText().startsWith("Xqz") && !written.isUnderline());
        String share = robot.lookup(".sample-copied-share").queryAs(Label.class).getText();
        int expected = (int) Math.round(100.0 * passage.length() / (invented.length() + passage.length() + 8));
        assertEquals(expected + "% copied", share);
    }

    @Test
    void screenshotsOnARealBook(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(SHAKESPEARE), "the shared corpora are not here");
        waitFor(60, TimeUnit.SECONDS, () -> !book.loadingProperty().get() && lossChart(robot).guide() != null);
        robot.interact(() -> book.open(List.of(SHAKESPEARE)));
        waitFor(60, TimeUnit.SECONDS, () -> !book.loadingProperty().get() && lossChart(robot).guide() != null
                && book.corpusProperty().get().book().displayName().contains("tinyshakespeare"));
        String training = trainingText(book.corpusProperty().get());
        LossChartPane pane = robot.lookup("#loss-pane").queryAs(LossChartPane.class);
        robot.interact(() -> {
            var history = window.dashboard().history();
            for (int i = 1; i <= 3_000; i++) { // a char-rnn-like curve from ln 65 down past the baseline
                double clean = 1.35 + 2.8 * Math.exp(-i / 600.0);
                history.addTraining(i, i / 400.0, clean + 0.08 * Math.sin(i * 0.7), 1);
                if (i % 250 == 0) {
                    history.addValidation(i, i / 400.0, clean + 0.06);
                }
            }
            pane.refresh();
            window.dashboard().samples().add(new SampleEntry(3_000, 7.5, 1.41, 0.8, "",
                    "KING RICHARD III:\nWhat says your grace? " + training.substring(200_000, 200_120)
                            + "\nI will not bear the day of this."));
        });
        waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".sample-copied").queryAll().isEmpty());
        Node loss = robot.lookup("#loss-pane").query();
        Screenshots.save(robot, loss, Path.of("target/screenshots/baseline-loss-chart.png"));
        Screenshots.save(robot, robot.lookup("#samples-pane").query(), Path.of("target/screenshots/baseline-copied-run.png"));
        assertTrue(lossChart(robot).guide().caption().endsWith("nats"));
    }

    private static String trainingText(Corpus corpus) {
        String text = corpus.text();
        return text.substring(0, text.offsetByCodePoints(0, corpus.trainSize()));
    }
}
