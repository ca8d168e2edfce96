package org.charscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.charscope.history.SnapshotFile;
import org.charscope.history.SnapshotSchedule;
import org.charscope.train.Checkpoint;
import org.charscope.train.RunSettings;
import org.charscope.ui.MainWindow;
import org.charscope.ui.ScriptedDialogs;
import org.charscope.ui.TestWindows;
import org.charscope.ui.TinyRun;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.samples.SampleEntry;
import org.charscope.ui.training.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Export and Model menus as a person uses them: click the menu, answer the file dialog, read
 * the line the status bar says and the file that was written. The dialogs are answered by
 * {@link ScriptedDialogs}, since the platform's file choosers are native and do not run headless.
 */
@ExtendWith(ApplicationExtension.class)
class ExportMenusTest {

    @TempDir
    Path sessionDir;

    @TempDir
    Path out;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BookModel book;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        book = new BookModel();
        window = TestWindows.open(stage, book, sessionDir, dialogs);
    }

    /** The snapshot files in {@code folder}, by name in order; empty when it is not there. */
    private static List<String> snapshotsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("iter-\\d{9}\\.zip")).sorted().toList();
        }
    }

    @Test
    void everyExportWritesWhatTheWindowShowsAndSaysSo(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);

        // Before any training there is nothing to export, and the status line says why.
        menu(robot, "Export", "Samples as Markdown…");
        waitForStatus(robot, "no samples yet: train for a while first");
        menu(robot, "Model", "Save model as…");
        waitForStatus(robot, "no model yet: press Train or Step first");
        menu(robot, "Export", "Heatmap as HTML page…");
        waitForStatus(robot, "read a passage in the Neurons tab first");

        TinyRun.settings(robot);
        robot.clickOn("#train-start");
        waitFor(60, TimeUnit.SECONDS, () -> window.dashboard().samples().size() >= 2
                && window.dashboard().iterationProperty().get() >= 30);
        robot.clickOn("#train-pause");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().stateProperty().get() == RunState.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();

        // Samples as Markdown: every sample of the timeline, with its iteration.
        Path markdown = out.resolve("samples.md");
        dialogs.answer(markdown);
        menu(robot, "Export", "Samples as Markdown…");
        waitForStatus(robot, "saved samples.md");
        assertEquals("the-lighthouse-keepers-samples.md", dialogs.proposedNames().get(dialogs.proposedNames().size() - 1));
        String written = Files.readString(markdown, StandardCharsets.UTF_8);
        for (SampleEntry sample : window.dashboard().samples()) {
            assertTrue(written.contains(sample.text()), "the Markdown holds the sample of iteration " + sample.iteration());
            assertTrue(written.contains(String.format(java.util.Locale.ROOT, "## Iteration %,d", sample.iteration())));
        }

        // One sample picked in the timeline: only that one is written.
        menu(robot, "Export", "Selected samples as Markdown…");
        waitForStatus(robot, "select one or more samples in the timeline first");
        SampleEntry second = window.dashboard().samples().get(1);
        javafx.scene.control.ListView<?> timeline = robot.lookup("#sample-timeline").queryAs(javafx.scene.control.ListView.class);
        robot.interact(() -> timeline.scrollTo(1));   // as a person scrolls to it
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(second.caption());
        Path one = out.resolve("one.md");
        dialogs.answer(one);
        menu(robot, "Export", "Selected samples as Markdown…");
        waitForStatus(robot, "saved one.md");
        assertEquals("the-lighthouse-keepers-sample-" + second.iteration() + ".md",
                dialogs.proposedNames().get(dialogs.proposedNames().size() - 1));
        String justOne = Files.readString(one, StandardCharsets.UTF_8);
        assertTrue(justOne.contains(second.text()), justOne);
        assertTrue(justOne.contains("1 sample."), justOne);
        assertFalse(justOne.contains(window.dashboard().samples().get(0).text()), "only the selected sample");
        Path oneText = out.resolve("one.txt");
        dialogs.answer(oneText);
        menu(robot, "Export", "Selected samples as text…");
        waitForStatus(robot, "saved one.txt");
        String justOneText = Files.readString(oneText, StandardCharsets.UTF_8);
        assertTrue(justOneText.contains(second.text()) && !justOneText.contains(window.dashboard().samples().get(0).text()),
                justOneText);

        // The loss chart at 2×: a PNG twice the size of the pane on screen.
        Path chart = out.resolve("loss@2x.png");
        dialogs.answer(chart);
        menu(robot, "Export", "Loss chart as PNG, 2×…");
        waitForStatus(robot, "saved loss@2x.png");
        var image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(chart)));
        var pane = robot.lookup("#loss-pane").query();
        assertEquals(Math.round(2 * pane.getLayoutBounds().getWidth()), image.getWidth(), 1.0);
        assertEquals(Math.round(2 * pane.getLayoutBounds().getHeight()), image.getHeight(), 1.0);

        // A folder that cannot be written (its "parent" is a file): one clear line, nothing lost.
        Path notAFolder = Files.writeString(out.resolve("plain-file"), "x");
        dialogs.answer(notAFolder.resolve("samples.txt"));
        menu(robot, "Export", "Samples as text…");
        waitFor(10, TimeUnit.SECONDS, () -> status(robot).startsWith("could not save samples.txt: "));
        assertEquals("x", Files.readString(notAFolder), "the file in the way is untouched");

        // A cancelled dialog writes nothing and says nothing new.
        String before = status(robot);
        dialogs.answer(null);
        menu(robot, "Export", "Samples as text…");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, status(robot));

        // The model: saved, then opened again at the same iteration.
        long iteration = window.dashboard().iterationProperty().get();
        // The run keeps snapshots at the default schedule (0, 25, 50, … below 500): wait until the
        // writer has written those up to the paused iteration.
        SnapshotSchedule schedule = new SnapshotSchedule(RunSettings.DEFAULT_SNAPSHOT_EVERY);
        List<String> kept = LongStream.rangeClosed(0, iteration).filter(schedule::isDue)
                .mapToObj(i -> String.format(java.util.Locale.ROOT, "iter-%09d.zip", i)).toList();
        assertTrue(kept.size() >= 2, "iteration 0 and 25 at least: " + kept);
        waitFor(20, TimeUnit.SECONDS, () -> kept.equals(snapshotsIn(sessionDir.resolve("model.snapshots"))));
        Path model = out.resolve("tiny-model.zip");
        dialogs.answer(model);
        menu(robot, "Model", "Save model as…");
        waitForStatus(robot, "saved tiny-model.zip");
        assertEquals(iteration, Checkpoint.read(model).iteration());
        // Asked, the snapshots go beside the model.
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#save-snapshots-dialog").tryQuery().isPresent());
        DialogPane offer = robot.lookup("#save-snapshots-dialog").queryAs(DialogPane.class);
        assertTrue(offer.getContentText().startsWith("The run kept " + kept.size() + " snapshots"), offer.getContentText());
        robot.clickOn(robot.from(offer).lookup("Save snapshots too").queryButton());
        waitForStatus(robot, "saved " + kept.size() + " snapshots in tiny-model.snapshots");
        assertEquals(kept, snapshotsIn(out.resolve("tiny-model.snapshots")));
        for (String name : kept) {
            assertTrue(SnapshotFile.read(out.resolve("tiny-model.snapshots").resolve(name)).run().isSnapshot(), name);
        }
        dialogs.answer(model);
        menu(robot, "Model", "Open model…");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirm-discard").tryQuery().isPresent());
        DialogPane ask = robot.lookup("#confirm-discard").queryAs(DialogPane.class);
        assertEquals("Open another model?", ask.getHeaderText(), "the trained model is not dropped without asking");
        robot.clickOn(robot.from(ask).lookup("OK").queryButton());
        waitForStatus(robot, String.format(java.util.Locale.ROOT,
                "opened tiny-model.zip at iteration %,d; Resume to keep training", iteration));
        // Reset deleted the run's own snapshots; the opened model brought the ones saved beside it.
        waitFor(20, TimeUnit.SECONDS, () -> kept.equals(snapshotsIn(sessionDir.resolve("model.snapshots"))));

        // The heatmap page once a passage has been read: every character of the passage is in it.
        robot.clickOn("#tab-explorer");
        robot.clickOn("#explorer-refresh");
        waitFor(30, TimeUnit.SECONDS, () -> window.explorer().probedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String passage = window.explorer().probedProperty().get().result().passage();
        Path page = out.resolve("heatmap.html");
        dialogs.answer(page);
        menu(robot, "Export", "Heatmap as HTML page…");
        waitForStatus(robot, "saved heatmap.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertFalse(html.contains("<script src"), "self-contained: nothing fetched from the net");
        long shown = passage.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        assertTrue(shown > 100, "a passage of some length was read: " + shown);

        Path heatmapPng = out.resolve("heatmap.png");
        dialogs.answer(heatmapPng);
        menu(robot, "Export", "Heatmap as PNG…");
        waitForStatus(robot, "saved heatmap.png");
        byte[] png = Files.readAllBytes(heatmapPng);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(ImageIO.read(new ByteArrayInputStream(png)).getWidth() > 200, "a picture of the heatmap");

        // A model opened while another text is loaded: it opens alone, samples, and cannot train.
        Path other = Files.writeString(out.resolve("digits.txt"), "0123456789 and only a few letters\n".repeat(400));
        robot.interact(() -> org.charscope.ui.FileDrop.drop(window.root(), java.util.List.of(other)));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirm-discard").tryQuery().isPresent());
        javafx.scene.Node discard = robot.lookup("#confirm-discard").query();
        robot.clickOn(robot.from(discard).lookup("OK").queryButton());
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null
                && book.corpusProperty().get().vocabulary().size() < 40 && !book.loadingProperty().get());
        dialogs.answer(model);
        menu(robot, "Model", "Open model…");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#open-alone-dialog").tryQuery().isPresent());
        javafx.scene.Node alone = robot.lookup("#open-alone-dialog").query();
        robot.clickOn(robot.from(alone).lookup("Open to sample and explore").queryButton());
        waitForStatus(robot, String.format(java.util.Locale.ROOT, "opened tiny-model.zip alone (iteration %,d): sample it "
                + "and explore it; to train it, open the text it learned", iteration));
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().stateProperty().get() == RunState.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#train-resume").queryButton().isDisabled(), "a model without its text cannot train");
        assertTrue(robot.lookup("#train-step").queryButton().isDisabled());
        robot.clickOn("#tab-training");
        robot.clickOn("#sample-now");
        javafx.scene.control.TextArea sampled = robot.lookup("#sample-left").queryAs(javafx.scene.control.TextArea.class);
        waitFor(20, TimeUnit.SECONDS, () -> sampled.getText().length() > 50);
        java.util.Set<Integer> modelSymbols = java.util.Arrays.stream(Checkpoint.read(model).codePoints()).boxed()
                .collect(java.util.stream.Collectors.toSet());
        assertTrue(sampled.getText().codePoints().allMatch(modelSymbols::contains),
                "the sample is written in the opened model's symbols: " + sampled.getText());
        org.charscope.ui.Screenshots.save(robot, window.root(), Path.of("target", "screenshots", "model-opened-alone.png"));
    }

    private static void menu(FxRobot robot, String menu, String item) {
        robot.clickOn(menu);
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#status-message").queryAs(Label.class).getText();
    }

    private static void waitForStatus(FxRobot robot, String expected) throws Exception {
        try {
            waitFor(20, TimeUnit.SECONDS, () -> expected.equals(status(robot)));
        } catch (java.util.concurrent.TimeoutException e) {
            String dialog = robot.lookup("#error-dialog").tryQuery()
                    .map(d -> "; error dialog: " + ((javafx.scene.control.DialogPane) d).getContentText()).orElse("");
            throw new AssertionError("status line says \"" + status(robot) + "\", expected \"" + expected + "\"" + dialog, e);
        }
    }
}
