package org.charscope.ui.gutenberg;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.charscope.gutenberg.Classic;
import org.charscope.gutenberg.Classics;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The dialog's content: number field and Download, the classics, progress with bytes, the error
 * line and Cancel. Every control has an id, for the stylesheet and for tests.
 */
final class GutenbergPane extends VBox {

    /** Rows of the classics list: all of them without scrolling. */
    private static final int CLASSICS_ROWS = Classics.ALL.size();

    /**
     * @param onDownloaded given the cached file when a download completes
     * @param onClose      closes the window (Cancel with no download running)
     */
    GutenbergPane(GutenbergDownload download, Consumer<Path> onDownloaded, Runnable onClose) {
        setId("gutenberg-dialog");
        getStyleClass().add("gutenberg-dialog");

        Label heading = new Label("Open from Project Gutenberg");
        heading.getStyleClass().add("heading");
        Label prompt = new Label("Book number or gutenberg.org address");
        TextField number = new TextField();
        number.setId("gutenberg-number");
        number.setPromptText("1342 or https://www.gutenberg.org/ebooks/1342");
        number.textProperty().bindBidirectional(download.inputProperty());
        number.disableProperty().bind(download.runningProperty());
        prompt.setLabelFor(number);
        HBox.setHgrow(number, Priority.ALWAYS);
        Button start = new Button("Download", new FontIcon("mdi2d-download"));
        start.setId("gutenberg-download");
        start.setDefaultButton(true);
        start.disableProperty().bind(download.runningProperty().or(download.inputProperty().isEmpty()));
        start.setOnAction(e -> download.start(onDownloaded));
        HBox numberRow = new HBox(8, number, start);
        numberRow.setAlignment(Pos.CENTER_LEFT);

        Label classicsHeading = new Label("Classics");
        classicsHeading.getStyleClass().add("subheading");
        ListView<Classic> classics = new ListView<>();
        classics.setId("gutenberg-classics");
        classics.getItems().setAll(Classics.ALL);
        classics.setCellFactory(list -> new ClassicCell());
        classics.setFixedCellSize(26);
        classics.setPrefHeight(CLASSICS_ROWS * 26 + 4);
        classics.setMinHeight(Region.USE_PREF_SIZE); // an error line must not squeeze it into scrolling
        classics.disableProperty().bind(download.runningProperty());
        classics.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null) {
                download.inputProperty().set(picked.number().toString());
            }
        });
        classics.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && classics.getSelectionModel().getSelectedItem() != null) {
                download.start(onDownloaded);
            }
        });

        ProgressBar progress = new ProgressBar(0);
        progress.setId("gutenberg-progress");
        progress.progressProperty().bind(download.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label bytes = new Label();
        bytes.setId("gutenberg-status");
        bytes.textProperty().bind(download.statusProperty());
        bytes.setMinWidth(Region.USE_PREF_SIZE);
        HBox progressRow = new HBox(8, progress, bytes);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("gutenberg-error");
        error.getStyleClass().add("gutenberg-error");
        error.setWrapText(true);
        error.textProperty().bind(download.errorProperty());
        error.setMinHeight(Region.USE_PREF_SIZE); // holds its line even when empty, so nothing jumps

        Label hint = new Label("Books are kept on this computer after the first download, so they open again"
                + " without the network.");
        hint.getStyleClass().add("hint");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("gutenberg-cancel");
        cancel.setCancelButton(true);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> {
            if (download.runningProperty().get()) {
                download.cancel();
            } else {
                onClose.run();
            }
        });
        HBox buttons = new HBox(8, hint, spacer, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(hint, Priority.SOMETIMES);

        getChildren().addAll(heading, prompt, numberRow, classicsHeading, classics, progressRow, error, buttons);
    }

    /** "1342 · Pride and Prejudice · Jane Austen". */
    private static final class ClassicCell extends ListCell<Classic> {
        @Override
        protected void updateItem(Classic classic, boolean empty) {
            super.updateItem(classic, empty);
            setText(empty || classic == null ? null : classic.label());
        }
    }
}
