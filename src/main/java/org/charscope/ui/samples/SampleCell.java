package org.charscope.ui.samples;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** A timeline row: the caption, then the first lines of the sample in a monospace font. */
final class SampleCell extends ListCell<SampleEntry> {

    /** Lines shown per row; the whole text is in the comparison below. */
    private static final int PREVIEW_LINES = 3;

    private final Label caption = new Label();
    private final Label text = new Label();
    private final VBox box = new VBox(2, caption, text);

    SampleCell() {
        caption.getStyleClass().add("sample-caption");
        text.getStyleClass().add("sample-text");
        text.setWrapText(true);
        // Wrap within the list's width rather than scrolling sideways.
        box.maxWidthProperty().bind(widthProperty().subtract(24));
        text.maxWidthProperty().bind(widthProperty().subtract(24));
        setText(null);
    }

    @Override
    protected void updateItem(SampleEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        caption.setText(entry.caption());
        text.setText(entry.text().lines().limit(PREVIEW_LINES).reduce((a, b) -> a + "\n" + b).orElse(""));
        setGraphic(box);
    }
}
