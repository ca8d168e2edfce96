package org.charscope.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.charscope.gutenberg.Classic;
import org.charscope.gutenberg.GutenbergClient;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.book.RecentFiles;
import org.charscope.ui.export.FileDialogs;
import org.charscope.ui.gutenberg.GutenbergDialog;
import org.charscope.ui.start.StartCard;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's menu bar: File (open a text from a file, the recent list, Project Gutenberg or the
 * built-in sample; quit), Model, Export and Help. Each item gets its label, icon, shortcut and id
 * here; opening a text asks first when it would replace a model that learned.
 *
 * @param gutenbergClient one for the whole window: it holds an HTTP client and its connection pool
 */
record MainMenus(Stage stage, BookModel book, FileDialogs dialogs, RecentFiles recentFiles, WindowAlerts alerts,
        ModelFiles models, WindowExports exports, GutenbergClient gutenbergClient) {

    private static final String OPEN_ANOTHER_TEXT = "Open another text?";

    MenuBar bar() {
        return new MenuBar(fileMenu(), modelMenu(), exportMenu(), helpMenu());
    }

    private Menu fileMenu() {
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
            if (alerts.mayDiscardModel(OPEN_ANOTHER_TEXT)) {
                new GutenbergDialog(gutenbergClient, file -> book.open(List.of(file))).show(stage);
            }
        });
        gutenberg.disableProperty().bind(book.loadingProperty());
        MenuItem sample = new MenuItem("Open built-in sample", new FontIcon("mdi2b-book-outline"));
        sample.setOnAction(e -> {
            if (alerts.mayDiscardModel(OPEN_ANOTHER_TEXT)) {
                book.openBuiltIn();
            }
        });
        sample.disableProperty().bind(book.loadingProperty());
        MenuItem quit = new MenuItem("Quit", new FontIcon("mdi2e-exit-to-app"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        // as the window's close button: the run is saved first
        quit.setOnAction(e -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        Menu file = new Menu("File", null, open, recentMenu(), gutenberg, sample, new SeparatorMenuItem(), quit);
        file.setId("menu-file");
        return file;
    }

    /** The last files opened, remembered across starts; a file joins the list once it opened. */
    private Menu recentMenu() {
        Menu recent = new Menu("Open recent");
        recent.setId("menu-recent");
        Consumer<List<Path>> showRecent = paths -> recent.getItems().setAll(paths.stream().map(path -> {
            MenuItem item = new MenuItem(path.getFileName().toString());
            item.setOnAction(e -> {
                if (alerts.mayDiscardModel(OPEN_ANOTHER_TEXT)) {
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
        return recent;
    }

    /** The start card's three ways in, done as the File menu does them. */
    StartCard.Ways waysIn(Runnable train) {
        return new StartCard.Ways() {
            @Override
            public void trainOnSample() {
                train.run();
            }

            @Override
            public void openClassic(Classic classic) {
                new GutenbergDialog(gutenbergClient, file -> book.open(List.of(file)))
                        .showDownloading(stage, classic.number());
            }

            @Override
            public void openOwnFile() {
                chooseFiles();
            }
        };
    }

    private void chooseFiles() {
        if (!alerts.mayDiscardModel(OPEN_ANOTHER_TEXT)) {
            return;
        }
        List<Path> chosen = dialogs.open(stage, "Open text files", "Text files", "*.txt", true);
        if (!chosen.isEmpty()) {
            book.open(chosen);
        }
    }

    private Menu modelMenu() {
        MenuItem save = new MenuItem("Save model as…", new FontIcon("mdi2c-content-save-outline"));
        save.setId("menu-save-model");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> models.save());
        MenuItem load = new MenuItem("Open model…", new FontIcon("mdi2b-brain"));
        load.setId("menu-open-model");
        load.setOnAction(e -> models.open());
        Menu menu = new Menu("Model", null, load, save);
        menu.setId("menu-model");
        return menu;
    }

    private Menu exportMenu() {
        MenuItem markdown = item("Samples as Markdown…", "menu-export-samples-md", () -> exports.samples(true));
        markdown.setGraphic(new FontIcon("mdi2l-language-markdown-outline"));
        MenuItem text = item("Samples as text…", "menu-export-samples-txt", () -> exports.samples(false));
        text.setGraphic(new FontIcon("mdi2t-text-box-outline"));
        MenuItem selected = item("Selected samples as Markdown…", "menu-export-selected-md",
                () -> exports.selectedSamples(true));
        MenuItem selectedText = item("Selected samples as text…", "menu-export-selected-txt",
                () -> exports.selectedSamples(false));
        MenuItem chart = item("Loss chart as PNG…", "menu-export-loss-png", () -> exports.lossChart(1));
        chart.setGraphic(new FontIcon("mdi2i-image-outline"));
        MenuItem chart2 = item("Loss chart as PNG, 2×…", "menu-export-loss-png-2x", () -> exports.lossChart(2));
        MenuItem heatmap = item("Heatmap as PNG…", "menu-export-heatmap-png", () -> exports.heatmap(1));
        MenuItem heatmap2 = item("Heatmap as PNG, 2×…", "menu-export-heatmap-png-2x", () -> exports.heatmap(2));
        MenuItem page = item("Heatmap as HTML page…", "menu-export-heatmap-html", exports::heatmapPage);
        page.setGraphic(new FontIcon("mdi2l-language-html5"));
        Menu menu = new Menu("Export", null, markdown, text, selected, selectedText, new SeparatorMenuItem(),
                chart, chart2, heatmap, heatmap2, page);
        menu.setId("menu-export");
        return menu;
    }

    private Menu helpMenu() {
        MenuItem about = item("About CharScope", "menu-about", () -> AboutBox.show(stage));
        about.setGraphic(new FontIcon("mdi2i-information-outline"));
        return new Menu("Help", null, about);
    }

    private static MenuItem item(String label, String id, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
