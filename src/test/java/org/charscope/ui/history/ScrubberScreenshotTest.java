package org.charscope.ui.history;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.TextFeature;
import org.charscope.history.SnapshotWritten;
import org.charscope.model.CharLstm;
import org.charscope.model.Preset;
import org.charscope.model.SampleSettings;
import org.charscope.model.Signal;
import org.charscope.model.Sampler;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.TextOptions;
import org.charscope.train.Checkpoint;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingRun;
import org.charscope.ui.Screenshots;
import org.charscope.ui.explorer.ExplorerModel;
import org.charscope.ui.samples.SampleEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures for a person to look at: the scrubber and the emergence chart after the {@code small}
 * preset trained a few hundred iterations on Tiny Shakespeare (from ../shared/corpora; skipped
 * where it is not), with a sample written by each snapshot. Saved to target/screenshots/scrubber.png
 * and emergence.png.
 */
@ExtendWith(ApplicationExtension.class)
class ScrubberScreenshotTest {

    private static final Path BOOK = Path.of("..", "shared", "corpora", "tinyshakespeare.txt");
    private static final long ITERATIONS = 400;

    @TempDir
    static Path dir;
    private static RecordedRun run;
    private static final List<SampleEntry> SAMPLES = new ArrayList<>();

    private SnapshotShelf shelf;
    private ExplorerModel model;
    private Parent pane;

    @BeforeAll
    static void train() throws Exception {
        assumeTrue(Files.isReadable(BOOK), "no " + BOOK + " here");
        Corpus corpus = Corpus.of(new BookReader().read(BOOK), TextOptions.defaults(), 1000);
        run = RecordedRun.train(dir, corpus, Preset.SMALL.model(corpus.vocabulary().size()),
                TrainingConfig.of(Preset.SMALL).withSeed(11).withIntervals(50, 0).withLimits(ITERATIONS, 0), 100,
                written -> { });
        for (SnapshotWritten written : run.written()) {   // what each snapshot wrote: the samples of the run
            TrainingRun snapshot = Checkpoint.read(written.file());
            CharLstm lstm = snapshot.newModel();
            StringBuilder text = new StringBuilder();
            Sampler.sample(lstm, corpus.vocabulary().encode("\n"), SampleSettings.defaults().withLength(160)
                    .withTemperature(0.8).withSeed(3), id -> text.append(corpus.vocabulary().symbol(id)), 50);
            SAMPLES.add(new SampleEntry(written.iteration(), 0, Double.NaN, 0.8, "\n", text.toString()));
        }
    }

    @Start
    void start(Stage stage) {
        shelf = new SnapshotShelf();
        model = run.showExplorer(stage, shelf, SAMPLES, 1180, 700);
        pane = stage.getScene().getRoot();
    }

    @Test
    void theScrubberAndTheEmergenceChartOnARealBook(FxRobot robot) throws Exception {
        waitFor(60, TimeUnit.SECONDS, () -> shelf.snapshots().size() == run.written().size());
        // the last snapshot's cell that best tracks something of the play's layout (names in capitals,
        // the place in the line), looked at where training had got to halfway
        SnapshotSummary last = shelf.snapshots().get(shelf.snapshots().size() - 1);
        NeuronFinding strongest = Stream.of(TextFeature.UPPER_CASE, TextFeature.POSITION_IN_LINE, TextFeature.AFTER_NEWLINE)
                .flatMap(feature -> last.correlations().top(feature, Signal.TANH_CELL, 1).stream())
                .max(Comparator.comparingDouble(f -> Math.abs(f.r()))).orElseThrow();
        SnapshotSummary middle = shelf.snapshots().get(shelf.snapshots().size() - 3);
        robot.interact(() -> model.lookAt(middle, strongest.neuron(), strongest.feature()));
        waitFor(120, TimeUnit.SECONDS, () -> model.probedProperty().get() != null
                && model.probedProperty().get().iteration() == middle.iteration());
        ScrollBar lines = robot.lookup("#heatmap-scroll").queryAs(ScrollBar.class);
        robot.interact(() -> lines.setValue(2));   // past the two empty lines the passage starts with
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);   // a frame or two to draw
        Screenshots.save(robot, pane, Path.of("target", "screenshots", "scrubber.png"));
        robot.clickOn("#tab-emergence");
        SplitPane split = robot.lookup(".split-pane").queryAs(SplitPane.class);
        robot.interact(() -> split.setDividerPositions(0.5));   // as a person drags it, to give the chart room
        EmergenceChart chart = robot.lookup("#emergence-chart").queryAs(EmergenceChart.class);
        EmergenceChart.Point hovered = chart.points().stream()
                .filter(p -> p.snapshot() == last && p.finding().feature() == strongest.feature()).findFirst().orElseThrow();
        robot.moveTo(chart.localToScreen(new Point2D(hovered.x(), hovered.y())));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, pane, Path.of("target", "screenshots", "emergence.png"));
    }
}
