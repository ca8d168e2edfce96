package org.charscope.ui.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.charscope.baseline.CopiedRuns;

/**
 * A timeline row: the caption (with the share copied from the book, once the book's index is
 * built), then the first lines of the sample in a monospace font, the copied runs underlined.
 */
final class SampleCell extends ListCell<SampleEntry> {

    /** Lines shown per row; the whole text is in the comparison below. */
    private static final int PREVIEW_LINES = 3;

    private final SampleCopies copies;
    private final Label caption = new Label();
    private final Label share = new Label(); // "12% copied", apart so the caption stays the sample's own
    private final TextFlow text = new TextFlow();
    private final VBox box = new VBox(2, new HBox(8, caption, share), text);

    SampleCell(SampleCopies copies) {
        this.copies = copies;
        caption.getStyleClass().add("sample-caption");
        share.getStyleClass().addAll("sample-caption", "sample-copied-share");
        text.getStyleClass().add("sample-text");
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
        CopiedRuns copied = copies.of(entry);
        caption.setText(entry.caption());
        share.setText(copied == null ? "" : String.format(Locale.ROOT, "%.0f%% copied", 100 * copied.fraction()));
        String preview = entry.text().lines().limit(PREVIEW_LINES).reduce((a, b) -> a + "\n" + b).orElse("");
        text.getChildren().setAll(pieces(preview, copied));
        setGraphic(box);
    }

    /** The preview cut at the copied runs' ends, the runs underlined. */
    private static Text[] pieces(String preview, CopiedRuns copied) {
        if (copied == null || copied.runs().isEmpty()) {
            return new Text[] {piece(preview, false)};
        }
        int codePoints = preview.codePointCount(0, preview.length());
        List<Text> pieces = new ArrayList<>();
        int at = 0; // code points
        for (CopiedRuns.Run run : copied.runs()) {
            int start = Math.min(run.start(), codePoints);
            int end = Math.min(run.end(), codePoints);
            pieces.add(piece(slice(preview, at, start), false));
            pieces.add(piece(slice(preview, start, end), true));
            at = end;
        }
        pieces.add(piece(slice(preview, at, codePoints), false));
        return pieces.stream().filter(t -> !t.getText().isEmpty()).toArray(Text[]::new);
    }

    private static String slice(String text, int fromCodePoint, int toCodePoint) {
        return text.substring(text.offsetByCodePoints(0, fromCodePoint), text.offsetByCodePoints(0, toCodePoint));
    }

    private static Text piece(String content, boolean copied) {
        Text piece = new Text(content);
        piece.getStyleClass().add(copied ? "sample-copied" : "sample-written");
        piece.setUnderline(copied);
        return piece;
    }
}
