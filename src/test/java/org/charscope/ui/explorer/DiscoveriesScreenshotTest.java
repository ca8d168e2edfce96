package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.charscope.app.cli.CharScopeCommand;
import org.charscope.explore.Probe;
import org.charscope.model.Signal;
import org.charscope.text.BookReader;
import org.charscope.text.Vocabulary;
import org.charscope.train.Checkpoint;
import org.charscope.train.TrainingRun;
import org.charscope.ui.Screenshots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures for a person to look at: the Neurons tab as it opens after the {@code small} preset
 * trained 800 iterations on War and Peace (from ../shared/corpora; skipped where it is not),
 * reading 2,000 characters of the book's held-out last tenth. Saved to
 * target/screenshots/discoveries.png; the last card clicked as discoveries-card.png; then layer 1's tanh(cell) as discoveries-tanh-cell.png, and with
 * its saturated units hidden as discoveries-hidden.png.
 */
@ExtendWith(ApplicationExtension.class)
class DiscoveriesScreenshotTest {

    private static final Path BOOK = Path.of("..", "shared", "corpora", "war-and-peace-truncated.txt");

    @TempDir
    static Path dir;
    private static Probed reading;

    private ExplorerOnStage shown;

    @BeforeAll
    static void train() throws Exception {
        assumeTrue(Files.isReadable(BOOK), "no " + BOOK + " here");
        Path zip = dir.resolve("war-and-peace.zip");
        StringWriter err = new StringWriter();
        assertEquals(0, CharScopeCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "train",
                BOOK.toString(), "--out", zip.toString(), "--preset", "small", "--seed", "11", "--iterations", "800",
                "--evaluate-every", "0", "--report-every", "800"), err.toString());
        TrainingRun run = Checkpoint.read(zip);
        String text = new BookReader().read(BOOK).text();
        int from = text.indexOf("\n\n", text.length() * 9 / 10);
        while (text.charAt(from) == '\n') {   // a paragraph's first letter, in the held-out tenth
            from++;
        }
        reading = Probed.of(Probe.run(run.newModel(), (Vocabulary) run.vocabulary(), text.substring(from, from + 2_000)), 800);
    }

    @Start
    void start(Stage stage) {
        shown = ExplorerOnStage.show(stage, reading);
    }

    @Test
    void theStripOnARealBook(FxRobot robot) {
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);   // a frame or two to draw
        shown.model().discovering().cardsProperty().get().forEach(card -> System.out.println(card.describe()));
        Screenshots.save(robot, shown.pane(), Path.of("target", "screenshots", "discoveries.png"));
        robot.clickOn("#discovery-card-5");   // the last card, shown where its unit moves most
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, shown.pane(), Path.of("target", "screenshots", "discoveries-card.png"));
        robot.interact(() -> shown.model().quantityProperty().set(Signal.TANH_CELL));   // where saturated units gather
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, shown.pane(), Path.of("target", "screenshots", "discoveries-tanh-cell.png"));
        robot.clickOn("#hide-saturated");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, shown.pane(), Path.of("target", "screenshots", "discoveries-hidden.png"));
    }
}
