package org.charscope.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.charscope.gutenberg.GutenbergClient;
import org.charscope.history.SnapshotFolder;
import org.charscope.history.SnapshotPlan;
import org.charscope.history.SnapshotWritten;
import org.charscope.text.TextOptions;
import org.charscope.text.WordCorpus;
import org.charscope.text.WordVocabulary;
import org.charscope.train.TrainingData;
import org.charscope.ui.background.DaemonThreads;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.book.DropTarget;
import org.charscope.ui.book.RecentFiles;
import org.charscope.ui.book.TextPreview;
import org.charscope.ui.compare.CompareModel;
import org.charscope.ui.compare.ComparePane;
import org.charscope.ui.explorer.ExplorerModel;
import org.charscope.ui.explorer.ExplorerPane;
import org.charscope.ui.export.ExportActions;
import org.charscope.ui.export.FileDialogs;
import org.charscope.ui.history.SnapshotShelf;
import org.charscope.ui.loss.LossChartPane;
import org.charscope.ui.samples.SamplesPane;
import org.charscope.ui.session.SessionKeeper;
import org.charscope.ui.session.SessionStore;
import org.charscope.ui.theme.Appearance;
import org.charscope.ui.theme.AppearanceFile;
import org.charscope.ui.theme.Theme;
import org.charscope.ui.theme.ViewSettings;
import org.charscope.ui.start.Hint;
import org.charscope.ui.start.Hints;
import org.charscope.ui.start.StartCard;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.MemoryGauge;
import org.charscope.ui.training.RunState;
import org.charscope.ui.training.SnapshotKeeping;
import org.charscope.ui.training.StatusLine;
import org.charscope.ui.training.TrainingController;
import org.charscope.ui.training.TrainingControls;
import org.charscope.ui.window.LazyTabs;
import org.charscope.ui.window.WindowLayout;
import org.charscope.ui.window.WindowMemory;
import org.charscope.ui.yardstick.BookYardsticks;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;

/**
 * The main window: menus and the training controls on top, the book's facts and the settings on
 * the left, the loss chart with the samples (and the text) in the middle, the run's status and
 * the loading progress at the bottom. Text files dropped anywhere on the window are opened. The
 * menus ({@link MainMenus}), model files ({@link ModelFiles}) and exports ({@link WindowExports})
 * do their work in classes of their own; this one lays the window out and wires it.
 */
public final class MainWindow {

    private final BookModel book;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final MemoryGauge memory = new MemoryGauge();
    private final LossChartPane lossPane;
    private final DashboardModel dashboard;
    private final TrainingController training;
    private final TrainingControls controls;
    private final SessionKeeper keeper;
    private final ExplorerModel explorer;
    private final SnapshotShelf shelf = new SnapshotShelf();
    private final CompareModel compare = new CompareModel(Platform::runLater);
    private final WindowAlerts alerts;
    private final BookYardsticks yardsticks;
    private final Appearance appearance;
    private final Path dataFolder;
    private WindowMemory windowMemory;
    private StackPane trainingStack;
    private NotificationPane trainingHints;
    private final LazyTabs lazyTabs = new LazyTabs();
    private Supplier<NotificationPane> neuronHints;   // the Neurons tab's content (LazyTabs)
    private Hints hints = new Hints(List.of());
    private ExplorerPane explorerPane;
    private SamplesPane samplesPane;
    private boolean closing;

    /** @param sessions where the last session is kept (the user's home; a temporary folder in tests) */
    public MainWindow(BookModel book, Stage stage, SessionStore sessions) {
        this(book, stage, sessions, FileDialogs.system());
    }

    /** @param dialogs asks where to save and what to open (the platform's choosers; scripted answers in tests) */
    public MainWindow(BookModel book, Stage stage, SessionStore sessions, FileDialogs dialogs) {
        this(book, stage, sessions, dialogs, ViewSettings.defaults());
    }

    /** @param look the look remembered from the last start ({@link AppearanceFile}, read off the FX thread) */
    public MainWindow(BookModel book, Stage stage, SessionStore sessions, FileDialogs dialogs, ViewSettings look) {
        this.book = book;
        this.stage = stage;
        this.dataFolder = sessions.folder();
        this.dashboard = new DashboardModel(System::currentTimeMillis, this::historyChanged);
        this.training = new TrainingController(dashboard);
        training.keepSnapshots(new SnapshotKeeping(SnapshotFolder.beside(sessions.modelFile()),
                SnapshotPlan.DEFAULT_BUDGET_MB << 20, snapshotShelf()));
        this.alerts = new WindowAlerts(stage, training);
        this.keeper = new SessionKeeper(sessions, book, training, dashboard, dashboard::say);
        this.explorer = new ExplorerModel(training, shelf);
        ExportActions exports = new ExportActions(() -> stage, dashboard::say, dialogs);
        dashboard.iterationProperty().addListener((obs, old, now) -> explorer.iterationReached(now.longValue()));
        this.lossPane = new LossChartPane(dashboard.history());
        this.controls = new TrainingControls(dashboard, alerts.confirmingReset(),
                book.corpusProperty().isNotNull().and(training.withoutTextProperty().not()));
        training.corpusProperty().bind(book.corpusProperty());
        book.corpusProperty().addListener((obs, old, text) -> training.reset()); // a new vocabulary needs a new model

        root.setId("main-window");
        root.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        appearance = new Appearance(look, Theme.fromProperty().orElse(null), AppearanceFile.in(sessions.folder()),
                DaemonThreads.single("charscope-appearance"));
        appearance.style(root);
        explorer.look().paletteProperty().bind(appearance.paletteProperty());
        explorer.look().fiveGuessRowsProperty().bind(appearance.fiveGuessRowsProperty());
        TabPane tabs = tabs(); // before the menus: Export reads its panes
        ModelFiles models = new ModelFiles(stage, book, training, dashboard, exports, dialogs, alerts);
        MainMenus menus = new MainMenus(stage, book, dialogs, new RecentFiles(sessions.folder().resolve("recent.txt")),
                alerts, models, new WindowExports(exports, book, dashboard, explorer, lossPane, this::explorerPane, samplesPane),
                new GutenbergClient());
        MenuBar bar = menus.bar();
        bar.getMenus().add(2, ViewMenu.of(appearance, root));
        root.setTop(new VBox(bar, toolbar()));
        trainingStack.getChildren().add(new StartCard(book, dashboard, menus.waysIn(training::start)));
        yardsticks = new BookYardsticks(book.corpusProperty(), dashboard::say);
        lossPane.baselineProperty().bind(yardsticks.baselineProperty());
        lossPane.setOnBaselineBeaten(dashboard::say);
        samplesPane.copiesProperty().bind(yardsticks.copiesProperty());
        SidePanel side = new SidePanel(book, training, () -> stage);
        root.setLeft(side);
        bar.getMenus().get(2).getItems().add(side.menuItem());
        side.makeWayForTheTabs(root.widthProperty(), appearance.zoomPercentProperty(),
                () -> Platform.runLater(() -> offerTrainingHint(Hint.SIDE_PANEL_HIDDEN)));   // once it shows
        DropTarget drops = new DropTarget(root, book, files -> {
            if (alerts.mayDiscardModel("Open another text?")) {
                book.open(files);
            }
        });
        StackPane center = new StackPane(tabs, drops.note());
        StackPane.setAlignment(drops.note(), Pos.TOP_CENTER);
        root.setCenter(center);
        root.setBottom(new VBox(new StatusLine(dashboard, () -> training.settingsProperty().get().plannedIterations(),
                memory), loadingBar()));
        dashboard.stateProperty().addListener((obs, old, now) -> {
            if (now == RunState.FAILED && old != RunState.FAILED) {
                models.offerToSaveAfterFailure(dashboard.messageProperty().get());
            }
        });
        book.lastErrorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                alerts.showError("Could not open the text", message).setOnHidden(e -> book.clearError());
            }
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                controls.installShortcuts(scene);
            }
        });
        stage.setOnCloseRequest(event -> {
            if (!closing && training.hasProgress()) {
                event.consume(); // close once the run is on disk
                closing = true;
                dashboard.say("saving the session…");
                training.pause();
                keeper.save().orTimeout(30, TimeUnit.SECONDS)
                        .whenComplete((ok, failure) -> Platform.runLater(stage::close));
            }
        });
        stage.setOnHidden(e -> close());
        dashboard.startFrames();
        keeper.startAutosave();
    }

    /**
     * Shows the window where it was when it last closed ({@code remembered}, read off the FX
     * thread), or fitted to the screen at its first start; it remembers its layout when it closes.
     */
    public void show(WindowLayout remembered) {
        stage.setScene(new Scene(root));
        windowMemory = new WindowMemory(stage, "main-tabs", dataFolder, remembered);
        hints = new Hints(remembered.dismissedHints());
        windowMemory.placeStage();
        stage.show();
        Platform.runLater(windowMemory::restoreInside);
        Platform.runLater(lazyTabs::buildAll);   // right after the first frame, before a text opens
    }

    /** The Neurons tab's pane, built with the tab's content. */
    private ExplorerPane explorerPane() {
        neuronHints.get();
        return explorerPane;
    }

    /** Offers to resume the last session, if one was saved; call once the window shows. */
    public void offerResume() {
        keeper.offerResume(stage);
    }

    public SessionKeeper sessions() {
        return keeper;
    }

    public Parent root() {
        return root;
    }

    public TrainingController training() {
        return training;
    }

    public ExplorerModel explorer() {
        return explorer;
    }

    /** The window's look: theme, heatmap colours, rows of guesses. */
    public Appearance appearance() {
        return appearance;
    }

    public DashboardModel dashboard() {
        return dashboard;
    }

    /** The Neurons tab's snapshots, and a problem with them on the status line. */
    private SnapshotKeeping.Shelf snapshotShelf() {
        return new SnapshotKeeping.Shelf() {
            @Override
            public void written(SnapshotWritten written) {
                shelf.written(written);
            }

            @Override
            public void problem(String message) {
                dashboard.say(message);
            }

            @Override
            public void cleared() {
                shelf.clear();
            }

            @Override
            public void replaced(SnapshotFolder folder) {
                shelf.reload(folder);
            }
        };
    }

    private void restoreDividersIn(Node content) {
        if (windowMemory != null) {
            windowMemory.restoreDividersIn(content);
        }
    }

    private void historyChanged() {
        if (lossPane != null) {
            lossPane.refresh();
        }
        if (trainingHints != null && dashboard.history().hasValidation()) {
            offerTrainingHint(Hint.FIRST_VALIDATION);
        }
    }

    /**
     * Offers a hint on the Training tab: at its bottom, since its top holds the loss chart's
     * toggles, unless the window is too short for the tab (150% zoom on a laptop) and the tab's
     * bottom lies under the status line: then at its top, where it is seen.
     */
    private void offerTrainingHint(Hint hint) {
        if (!trainingHints.isShowing()) {
            double bottom = trainingHints.localToScene(trainingHints.getLayoutBounds()).getMaxY();
            double seenUpTo = root.getHeight() - (root.getBottom() instanceof Region below ? below.getHeight() : 0);
            trainingHints.setShowFromTop(bottom > seenUpTo + 0.5);
        }
        hints.offer(hint, trainingHints);
    }

    private HBox toolbar() {
        Label hint = new Label("Press Train (F5) to watch an LSTM learn this text.");
        hint.setId("first-step-hint");
        hint.getStyleClass().add("hint");
        hint.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> dashboard.stateProperty().get() == RunState.IDLE && dashboard.iterationProperty().get() == 0,
                dashboard.stateProperty(), dashboard.iterationProperty()));
        HBox bar = new HBox(16, controls, hint);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private TabPane tabs() {
        samplesPane = new SamplesPane(dashboard.samples(), training::sampleNow);
        SplitPane trainingView = new SplitPane(lossPane, samplesPane);
        trainingView.setId("training-split");
        trainingView.setOrientation(Orientation.VERTICAL);
        trainingView.setDividerPositions(0.55);
        trainingStack = new StackPane(trainingView);
        trainingHints = new NotificationPane(trainingStack);
        trainingHints.setShowFromTop(false);   // the top holds the loss chart's own toggles
        trainingHints.setId("training-hints");
        Tab trainingTab = new Tab("Training", trainingHints);
        trainingTab.setId("tab-training");
        Tab neuronsTab = new Tab("Neurons");
        neuronHints = lazyTabs.add(neuronsTab, () -> {
            explorerPane = new ExplorerPane(explorer, dashboard.samples());
            NotificationPane hinted = new NotificationPane(explorerPane);
            hinted.setId("neuron-hints");
            return hinted;
        }, this::restoreDividersIn);
        Runnable offerReadingHint = () -> {   // only where it is seen: the tab shows, with a reading
            if (neuronsTab.isSelected() && explorer.probedProperty().get() != null) {
                hints.offer(Hint.FIRST_READING, neuronHints.get());
            }
        };
        explorer.probedProperty().addListener((obs, old, now) -> offerReadingHint.run());
        neuronsTab.selectedProperty().addListener((obs, old, now) -> offerReadingHint.run());
        neuronsTab.setId("tab-explorer");
        TabPane tabs = new TabPane();
        Tab textTab = new Tab("Text");
        lazyTabs.add(textTab, () -> new TextPreview(book, selection -> {
            tabs.getSelectionModel().select(1);
            explorerPane().explore(selection);
        }), this::restoreDividersIn);
        textTab.setId("tab-text");
        Tab compareTab = new Tab("Compare");
        lazyTabs.add(compareTab, () -> new ComparePane(compare, this::compareTexts,
                () -> training.settingsProperty().get(),
                Bindings.createBooleanBinding(() -> dashboard.stateProperty().get().running(),
                        dashboard.stateProperty()),
                book.corpusProperty().isNull()), this::restoreDividersIn);
        compareTab.setId("tab-compare");
        tabs.getTabs().addAll(trainingTab, neuronsTab, textTab, compareTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("main-tabs");
        return tabs;
    }

    /** The loaded text as the trainer reads it, or null. */
    private TrainingData trainingData() {
        var corpus = book.corpusProperty().get();
        return corpus == null ? null
                : new TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation());
    }

    /**
     * The loaded text for the Compare tab: its characters, and a job that reads it as words (run
     * on the comparison's thread, never here), with the same held-out share.
     */
    private CompareModel.Texts compareTexts() {
        var corpus = book.corpusProperty().get();
        if (corpus == null) {
            return new CompareModel.Texts(null, null);
        }
        String text = corpus.text();   // already lower-cased if the options say so
        String name = corpus.book().displayName();
        var options = new TextOptions(false, 0, corpus.options().validationFraction());
        int fewest = training.settingsProperty().get().seqLength() * training.settingsProperty().get().batchSize() + 1;
        return new CompareModel.Texts(trainingData(), () -> {
            var words = WordCorpus.of(text, name, options, fewest, WordVocabulary.DEFAULT_MAX_WORDS);
            return new TrainingData(words.vocabulary(), words.train(), words.validation(),
                    words.validationCosts());
        });
    }

    /** The Compare tab's runs. */
    public CompareModel compare() {
        return compare;
    }

    private StatusBar loadingBar() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(book.statusProperty());
        status.progressProperty().bind(book.progressProperty());
        return status;
    }

    private void close() {
        if (windowMemory != null) {
            windowMemory.save(windowMemory.capture(hints.dismissed()), dashboard::say);
        }
        keeper.stopAutosave();
        compare.cancel();
        training.stop();
        dashboard.stopFrames();
        memory.close();
        yardsticks.close();
    }
}
