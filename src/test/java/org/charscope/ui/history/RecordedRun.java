package org.charscope.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.charscope.history.SnapshotFolder;
import org.charscope.history.SnapshotPlan;
import org.charscope.history.SnapshotRecorder;
import org.charscope.history.SnapshotWritten;
import org.charscope.model.LstmConfig;
import org.charscope.model.OptimizerConfig;
import org.charscope.model.Precision;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.TextOptions;
import org.charscope.text.sample.StructuredTextGenerator;
import org.charscope.train.Trainer;
import org.charscope.train.TrainingConfig;
import org.charscope.train.TrainingData;
import org.charscope.ui.MainWindow;
import org.charscope.ui.explorer.ExplorerModel;
import org.charscope.ui.explorer.ExplorerPane;
import org.charscope.ui.samples.SampleEntry;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.TrainingController;

/**
 * A real run with its snapshots, for the tests of the window's side: a small model trained on a
 * text with a {@link SnapshotRecorder} whose listener can feed a shelf, as the window's does.
 *
 * @param corpus   the text trained on
 * @param folder   where the snapshots are
 * @param written  what the recorder told, in order
 */
public record RecordedRun(Corpus corpus, SnapshotFolder folder, List<SnapshotWritten> written) {

    private static final long WAIT_MINUTES = 10;   // a bound for a stuck run, never a timing assertion

    /** The project's generated text of quotes and brackets, 30,000 characters, seeded. */
    public static Corpus structuredText() throws Exception {
        String text = StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED, 30_000);
        return Corpus.of(new BookReader().read("structured.txt", text.getBytes(StandardCharsets.UTF_8)),
                TextOptions.defaults(), 1000);
    }

    /** One layer of 32, batches of 16 × 32, Adam at 0.02, seed 7: a run that learns in seconds. */
    public static RecordedRun tiny(Path dir, Corpus corpus, long iterations, long every, Consumer<SnapshotWritten> tell)
            throws Exception {
        return train(dir, corpus, new LstmConfig(corpus.vocabulary().size(), 1, 32, 0, 0, Precision.FLOAT),
                TrainingConfig.defaults().withBatch(32, 16).withOptimizer(OptimizerConfig.adam(0.02)).withSeed(7)
                        .withIntervals(50, 0).withLimits(iterations, 0), every, tell);
    }

    /**
     * Trains to the config's limit, keeping snapshots every {@code every} iterations beside
     * {@code dir/model.zip}; {@code tell} hears of each as the window's shelf does.
     */
    public static RecordedRun train(Path dir, Corpus corpus, LstmConfig model, TrainingConfig config, long every,
                                    Consumer<SnapshotWritten> tell) throws Exception {
        TrainingData data = new TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation());
        SnapshotPlan plan = SnapshotPlan.beside(dir.resolve("model.zip"), every, SnapshotPlan.DEFAULT_BUDGET_MB, data);
        List<SnapshotWritten> written = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        Trainer trainer = new Trainer(model, config, data);
        SnapshotRecorder recorder = SnapshotRecorder.attach(trainer, plan, new SnapshotRecorder.Listener() {
            @Override
            public void written(SnapshotWritten w) {
                written.add(w);
                tell.accept(w);
            }

            @Override
            public void problem(String message) {
                problems.add(message);
            }
        });
        trainer.start();
        assertNotNull(trainer.awaitStop(WAIT_MINUTES, TimeUnit.MINUTES), "training stopped");
        recorder.close();
        assertEquals(List.of(), problems);
        return new RecordedRun(corpus, plan.folder(), List.copyOf(written));
    }

    /**
     * The Neurons tab's explorer over this run's text on {@code stage}, fed the run's snapshots as
     * the recorder told them (they arrive on the FX thread a moment later); the pane is the scene's root.
     */
    public ExplorerModel showExplorer(Stage stage, SnapshotShelf shelf, List<SampleEntry> samples, double width,
                                      double height) {
        TrainingController training = new TrainingController(new DashboardModel(System::currentTimeMillis, () -> { }));
        training.corpusProperty().set(corpus);
        ExplorerModel model = new ExplorerModel(training, shelf);
        Scene scene = new Scene(new ExplorerPane(model, FXCollections.observableArrayList(samples)), width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        written.forEach(shelf::written);
        return model;
    }
}
