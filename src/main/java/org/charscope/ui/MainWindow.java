package org.charscope.ui;

import org.charscope.io.Failures;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.charscope.gutenberg.GutenbergClient;
import org.charscope.ui.book.BookFactsView;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.book.TextPreview;
import javafx.scene.control.SeparatorMenuItem;
import org.charscope.ui.export.ExportActions;
import org.charscope.ui.export.FileDialogs;
import org.charscope.ui.explorer.ExplorerModel;
import org.charscope.ui.explorer.ExplorerPane;
import org.charscope.ui.gutenberg.GutenbergDialog;
import org.charscope.ui.loss.LossChartPane;
import org.charscope.ui.samples.SamplesPane;
import org.charscope.ui.session.SessionKeeper;
import org.charscope.ui.session.SessionStore;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.MemoryGauge;
import org.charscope.ui.training.RunState;
import org.charscope.ui.training.SettingsPanel;
import org.charscope.ui.training.StatusLine;
import org.charscope.ui.training.TrainingControls;
import org.charscope.ui.training.TrainingController;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: menus and the training controls on top, the book's facts and the settings on
 * the left, the loss chart with the samples (and the text) in the middle, the run's status and
 * the loading progress at the bottom. Text files dropped anywhere on the window are opened.
 */
public final class MainWindow {

    private final BookModel book;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    /** One client for the whole app: it holds an HTTP client and its connection pool. */
    private final GutenbergClient gutenbergClient = new GutenbergClient();
    private final MemoryGauge memory = new MemoryGauge();
    private final LossChartPane lossPane;
    private final DashboardModel dashboard;
    private final TrainingController training;
    private final TrainingControls controls;
    private final SessionKeeper keeper;
    private final ExplorerModel explorer;
    private final org.charscope.ui.compare.CompareModel compare =
            new org.charscope.ui.compare.CompareModel(javafx.application.Platform::runLater);
    private final ExportActions exports;
    private final FileDialogs dialogs;
    private final org.charscope.ui.book.RecentFiles recentFiles;
    private ExplorerPane explorerPane;
    private SamplesPane samplesPane;
    private boolean closing;

    /** @param sessions where the last session is kept (the user's home; a temporary folder in tests) */
    public MainWindow(BookModel book, Stage stage, SessionStore sessions) {
        this(book, stage, sessions, FileDialogs.system());
    }

    /** @param dialogs asks where to save and what to open (the platform's choosers; scripted answers in tests) */
    public MainWindow(BookModel book, Stage stage, SessionStore sessions, FileDialogs dialogs) {
        this.book = book;
        this.dialogs = dialogs;
        this.recentFiles = new org.charscope.ui.book.RecentFiles(sessions.folder().resolve("recent.txt"));
        this.stage = stage;
        this.dashboard = new DashboardModel(System::currentTimeMillis, this::historyChanged);
        this.training = new TrainingController(dashboard);
        this.keeper = new SessionKeeper(sessions, book, training, dashboard, dashboard::say);
        this.explorer = new ExplorerModel(training);
        this.exports = new ExportActions(() -> stage, dashboard::say, dialogs);
        dashboard.iterationProperty().addListener((obs, old, now) -> explorer.iterationReached(now.longValue()));
        this.lossPane = new LossChartPane(dashboard.history());
        this.controls = new TrainingControls(dashboard, confirmingReset(),
                book.corpusProperty().isNotNull().and(training.withoutTextProperty().not()));
        training.corpusProperty().bind(book.corpusProperty());
        book.corpusProperty().addListener((obs, old, text) -> training.reset()); // a new vocabulary needs a new model

        root.setId("main-window");
        root.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        root.setTop(new VBox(menuBar(), toolbar()));
        root.setLeft(sidebar());
        root.setCenter(tabs());
        root.setBottom(new VBox(new StatusLine(dashboard, () -> training.settingsProperty().get().plannedIterations(),
                memory), loadingBar()));
        acceptDroppedFiles();
        dashboard.stateProperty().addListener((obs, old, now) -> {
            if (now == RunState.FAILED && old != RunState.FAILED) {
                offerToSaveAfterFailure(dashboard.messageProperty().get());
            }
        });
        book.lastErrorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                showError(message);
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
                keeper.save().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                        .whenComplete((ok, failure) -> javafx.application.Platform.runLater(stage::close));
            }
        });
        stage.setOnHidden(e -> close());
        dashboard.startFrames();
        keeper.startAutosave();
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

    public DashboardModel dashboard() {
        return dashboard;
    }

    private void historyChanged() {
        if (lossPane != null) {
            lossPane.refresh();
        }
    }

    /** Reset asks first when it would throw away a model that has learned something. */
    private TrainingControls.Commands confirmingReset() {
        return new TrainingControls.Commands() {
            @Override
            public void start() {
                training.start();
            }

            @Override
            public void pause() {
                training.pause();
            }

            @Override
            public void resume() {
                training.resume();
            }

            @Override
            public void step() {
                training.step();
            }

            @Override
            public void stop() {
                training.stop();
            }

            @Override
            public void reset() {
                if (!training.hasProgress() || confirmDiscard("Reset the model?")) {
                    training.reset();
                }
            }
        };
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open…", new FontIcon("mdi2f-folder-open-outline"));
        open.setId("menu-open");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFiles());
        open.disableProperty().bind(book.loadingProperty());
        MenuItem gutenberg = new MenuItem("Open from Project Gutenberg…",
                new FontIcon("mdi2b-book-open-page-variant-outline"));
        gutenberg.setId("menu-gutenberg");
        gutenberg.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        gutenberg.setOnAction(e -> {
            if (mayReplaceModel("Open another text?")) {
                new GutenbergDialog(gutenbergClient, file -> book.open(List.of(file))).show(stage);
            }
        });
        gutenberg.disableProperty().bind(book.loadingProperty());
        MenuItem sample = new MenuItem("Open built-in sample");
        sample.setOnAction(e -> {
            if (mayReplaceModel("Open another text?")) {
                book.openBuiltIn();
            }
        });
        sample.disableProperty().bind(book.loadingProperty());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        Menu recent = new Menu("Open recent");
        recent.setId("menu-recent");
        java.util.function.Consumer<List<Path>> showRecent = paths -> recent.getItems().setAll(paths.stream().map(path -> {
            MenuItem item = new MenuItem(path.getFileName().toString());
            item.setOnAction(e -> {
                if (mayReplaceModel("Open another text?")) {
                    book.open(List.of(path));
                }
            });
            return item;
        }).toList());
        recentFiles.load(showRecent);
        book.sourcesProperty().addListener((obs, old, files) -> {
            if (!files.isEmpty()) {
                recentFiles.remember(files, showRecent);
            }
        });
        Menu file = new Menu("File", null, open, recent, gutenberg, sample, new SeparatorMenuItem(), quit);
        file.setId("menu-file");
        return new MenuBar(file, modelMenu(), exportMenu(), helpMenu());
    }

    private Menu modelMenu() {
        MenuItem save = new MenuItem("Save model as…", new FontIcon("mdi2c-content-save-outline"));
        save.setId("menu-save-model");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> saveModel());
        MenuItem load = new MenuItem("Open model…", new FontIcon("mdi2b-brain"));
        load.setId("menu-open-model");
        load.setOnAction(e -> openModel());
        Menu menu = new Menu("Model", null, load, save);
        menu.setId("menu-model");
        return menu;
    }

    private Menu exportMenu() {
        MenuItem markdown = new MenuItem("Samples as Markdown…");
        markdown.setId("menu-export-samples-md");
        markdown.setOnAction(e -> exports.samples(bookName(), dashboard.samples(), true));
        MenuItem text = new MenuItem("Samples as text…");
        text.setId("menu-export-samples-txt");
        text.setOnAction(e -> exports.samples(bookName(), dashboard.samples(), false));
        MenuItem selected = new MenuItem("Selected samples as Markdown…");
        selected.setId("menu-export-selected-md");
        selected.setOnAction(e -> exportSelectedSamples(true));
        MenuItem selectedText = new MenuItem("Selected samples as text…");
        selectedText.setId("menu-export-selected-txt");
        selectedText.setOnAction(e -> exportSelectedSamples(false));
        MenuItem chart = new MenuItem("Loss chart as PNG…");
        chart.setId("menu-export-loss-png");
        chart.setOnAction(e -> exports.picture(lossPane, 1, "loss-chart.png"));
        MenuItem chart2 = new MenuItem("Loss chart as PNG, 2×…");
        chart2.setId("menu-export-loss-png-2x");
        chart2.setOnAction(e -> exports.picture(lossPane, 2, "loss-chart@2x.png"));
        MenuItem heatmap = new MenuItem("Heatmap as PNG…");
        heatmap.setId("menu-export-heatmap-png");
        heatmap.setOnAction(e -> exports.picture(explorerPane.heatmapNode(), 1, "heatmap-" + explorer.selectionName() + ".png"));
        MenuItem heatmap2 = new MenuItem("Heatmap as PNG, 2×…");
        heatmap2.setId("menu-export-heatmap-png-2x");
        heatmap2.setOnAction(e -> exports.picture(explorerPane.heatmapNode(), 2, "heatmap-" + explorer.selectionName() + "@2x.png"));
        MenuItem page = new MenuItem("Heatmap as HTML page…");
        page.setId("menu-export-heatmap-html");
        page.setOnAction(e -> {
            var render = explorer.heatmapPage();
            if (render == null) {
                dashboard.say("read a passage in the Neurons tab first");
            } else {
                exports.text("heatmap-" + explorer.selectionName() + ".html", "HTML page", "*.html", render);
            }
        });
        Menu menu = new Menu("Export", null, markdown, text, selected, selectedText, new SeparatorMenuItem(), chart, chart2, heatmap, heatmap2, page);
        menu.setId("menu-export");
        return menu;
    }

    /** The samples picked in the timeline, one or more, as Markdown or plain text. */
    private void exportSelectedSamples(boolean markdown) {
        var chosen = samplesPane.selectedSamples();
        if (chosen.isEmpty() && !dashboard.samples().isEmpty()) {
            dashboard.say("select one or more samples in the timeline first");
        } else {
            exports.samples(bookName(), chosen, markdown);
        }
    }

    private Menu helpMenu() {
        MenuItem about = new MenuItem("About CharScope");
        about.setId("menu-about");
        about.setOnAction(e -> AboutBox.show(stage));
        return new Menu("Help", null, about);
    }

    private String bookName() {
        var facts = book.factsProperty().get();
        return facts == null ? "book" : facts.displayName();
    }

    private void saveModel() {
        if (training.trainer() == null) {
            dashboard.say("no model yet: press Train or Step first");
            return;
        }
        var file = exports.choose(bookName().replaceAll("\\.txt$", "") + "-model.zip", "CharScope model", "*.zip");
        if (file != null) {
            training.trainer().saveCheckpoint(file).whenComplete((ok, failure) -> javafx.application.Platform.runLater(() ->
                    dashboard.say(failure == null ? "saved " + file.getFileName()
                            : "could not save " + file.getFileName() + ": " + Failures.oneLine(failure))));
        }
    }

    private void openModel() {
        if (!mayReplaceModel("Open another model?")) {
            return;
        }
        List<java.nio.file.Path> picked = dialogs.open(stage, "Open a CharScope model", "CharScope model", "*.zip", false);
        if (picked.isEmpty()) {
            return;
        }
        File chosen = picked.get(0).toFile();
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return org.charscope.train.Checkpoint.read(chosen.toPath());
            } catch (org.charscope.train.BadCheckpointException | java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).whenComplete((run, failure) -> javafx.application.Platform.runLater(() -> {
            if (failure != null) {
                showError("Could not open the model", Failures.oneLine(failure));
                return;
            }
            var text = book.corpusProperty().get();
            if (text == null || !java.util.Arrays.equals(run.codePoints(), text.vocabulary().codePoints())) {
                if (confirmOpenAlone(chosen.getName(), run.codePoints().length, text == null ? 0 : text.vocabulary().size())) {
                    training.reset();
                    dashboard.restore(new double[0][], run.evaluations().stream().map(ev -> new double[] {ev.iteration(),
                            0, ev.natsPerSymbol()}).toArray(double[][]::new), java.util.List.of(), run.iteration(),
                            run.trainingMillis());
                    training.openWithoutText(run, org.charscope.train.RunSettings.of(run, training.settingsProperty().get()));
                    dashboard.say(String.format(java.util.Locale.ROOT, "opened %s alone (iteration %,d): sample it and "
                            + "explore it; to train it, open the text it learned", chosen.getName(), run.iteration()));
                }
                return;
            }
            training.reset();
            dashboard.restore(new double[0][], run.evaluations().stream().map(ev -> new double[] {ev.iteration(),
                    0, ev.natsPerSymbol()}).toArray(double[][]::new), java.util.List.of(), run.iteration(), run.trainingMillis());
            training.resume(run, org.charscope.train.RunSettings.of(run, training.settingsProperty().get()));
            dashboard.say(String.format(java.util.Locale.ROOT, "opened %s at iteration %,d; Resume to keep training",
                    chosen.getName(), run.iteration()));
        }));
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

    private ScrollPane sidebar() {
        Label hint = new Label("Drop one or more Project Gutenberg .txt files anywhere on this window, "
                + "or use File ▸ Open.");
        hint.getStyleClass().add("hint");
        VBox side = new VBox(12, new BookFactsView(book), hint, new SettingsPanel(training, () -> stage));
        side.getStyleClass().add("side-panel");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(370);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setId("sidebar");
        return scroll;
    }

    private TabPane tabs() {
        samplesPane = new SamplesPane(dashboard.samples(), training::sampleNow);
        SplitPane trainingView = new SplitPane(lossPane, samplesPane);
        trainingView.setOrientation(Orientation.VERTICAL);
        trainingView.setDividerPositions(0.55);
        Tab trainingTab = new Tab("Training", trainingView);
        trainingTab.setId("tab-training");
        explorerPane = new ExplorerPane(explorer);
        Tab neuronsTab = new Tab("Neurons", explorerPane);
        neuronsTab.setId("tab-explorer");
        TabPane tabs = new TabPane();
        Tab textTab = new Tab("Text", new TextPreview(book, selection -> {
            tabs.getSelectionModel().select(1);
            explorerPane.explore(selection);
        }));
        textTab.setId("tab-text");
        Tab compareTab = new Tab("Compare", new org.charscope.ui.compare.ComparePane(compare, this::compareTexts,
                () -> training.settingsProperty().get(),
                javafx.beans.binding.Bindings.createBooleanBinding(() -> dashboard.stateProperty().get().running(),
                        dashboard.stateProperty()),
                book.corpusProperty().isNull()));
        compareTab.setId("tab-compare");
        tabs.getTabs().addAll(trainingTab, neuronsTab, textTab, compareTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("main-tabs");
        return tabs;
    }

    /** The loaded text as the trainer reads it, or null. */
    private org.charscope.train.TrainingData trainingData() {
        var corpus = book.corpusProperty().get();
        return corpus == null ? null
                : new org.charscope.train.TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation());
    }

    /**
     * The loaded text for the Compare tab: its characters, and a job that reads it as words (run
     * on the comparison's thread, never here), with the same held-out share.
     */
    private org.charscope.ui.compare.CompareModel.Texts compareTexts() {
        var corpus = book.corpusProperty().get();
        if (corpus == null) {
            return new org.charscope.ui.compare.CompareModel.Texts(null, null);
        }
        String text = corpus.text();   // already lower-cased if the options say so
        String name = corpus.book().displayName();
        var options = new org.charscope.text.TextOptions(false, 0, corpus.options().validationFraction());
        int fewest = training.settingsProperty().get().seqLength() * training.settingsProperty().get().batchSize() + 1;
        return new org.charscope.ui.compare.CompareModel.Texts(trainingData(), () -> {
            var words = org.charscope.text.WordCorpus.of(text, name, options, fewest,
                    org.charscope.text.WordVocabulary.DEFAULT_MAX_WORDS);
            return new org.charscope.train.TrainingData(words.vocabulary(), words.train(), words.validation(),
                    words.validationCosts());
        });
    }

    /** The Compare tab's runs. */
    public org.charscope.ui.compare.CompareModel compare() {
        return compare;
    }

    private StatusBar loadingBar() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(book.statusProperty());
        status.progressProperty().bind(book.progressProperty());
        return status;
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && !book.loadingProperty().get()) {
                event.acceptTransferModes(TransferMode.COPY);
                root.pseudoClassStateChanged(Styles.DRAG_OVER, true);
            }
            event.consume();
        });
        root.setOnDragExited(event -> root.pseudoClassStateChanged(Styles.DRAG_OVER, false));
        root.setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                List<Path> files = event.getDragboard().getFiles().stream().map(File::toPath).toList();
                // Ask after the drop has completed: a modal dialog inside the drop handler would stall the drag.
                javafx.application.Platform.runLater(() -> {
                    if (mayReplaceModel("Open another text?")) {
                        book.open(files);
                    }
                });
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    private void chooseFiles() {
        if (!mayReplaceModel("Open another text?")) {
            return;
        }
        List<java.nio.file.Path> chosen = dialogs.open(stage, "Open text files", "Text files", "*.txt", true);
        if (!chosen.isEmpty()) {
            book.open(chosen);
        }
    }

    /** A new text needs a new model (its vocabulary differs): ask before losing one that learned. */
    private boolean mayReplaceModel(String question) {
        return !training.hasProgress() || confirmDiscard(question);
    }

    /** The model's symbols differ from the loaded text's: open it anyway, to sample and explore only? */
    private boolean confirmOpenAlone(String name, int modelSymbols, int textSymbols) {
        ButtonType alone = new ButtonType("Open to sample and explore", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, String.format(java.util.Locale.ROOT,
                "%s learned another text: it reads %d symbols, this text has %d. It can be opened alone to sample "
                        + "and explore it (type a passage in the Neurons tab); to keep training it, open the text it "
                        + "learned first, then the model.", name, modelSymbols, textSymbols), alone, ButtonType.CANCEL);
        ask.setHeaderText("This model learned another text");
        ask.initOwner(stage);
        ask.getDialogPane().setId("open-alone-dialog");
        return ask.showAndWait().orElse(ButtonType.CANCEL) == alone;
    }

    private boolean confirmDiscard(String question) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                "The current model, its loss history and its samples will be discarded.",
                ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText(question);
        ask.initOwner(stage);
        ask.getDialogPane().setId("confirm-discard");
        return ask.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    /**
     * Training stopped on its own (diverged, or the training thread failed): say why, and offer to
     * save the model as it was kept at the stop. The loss history and the samples stay on screen.
     */
    private void offerToSaveAfterFailure(String reason) {
        ButtonType save = new ButtonType("Save model as…", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.ERROR, (reason == null || reason.isBlank() ? "" : reason + "\n\n")
                + "The loss history and the samples are kept. The model can be saved as it was when training stopped.",
                save, ButtonType.CLOSE);
        alert.setHeaderText("Training stopped");
        alert.initOwner(stage);
        alert.getDialogPane().setId("training-failed-dialog");
        alert.resultProperty().addListener((obs, old, chosen) -> {
            if (chosen == save) {
                javafx.application.Platform.runLater(this::saveModel);
            }
        });
        alert.show();
    }

    private void showError(String message) {
        showError("Could not open the text", message);
    }

    private void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.initOwner(stage);
        alert.getDialogPane().setId("error-dialog");
        alert.setOnHidden(e -> book.clearError());
        alert.show();
    }

    private void close() {
        keeper.stopAutosave();
        compare.cancel();
        training.stop();
        dashboard.stopFrames();
        memory.close();
    }
}
