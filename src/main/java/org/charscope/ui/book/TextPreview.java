package org.charscope.ui.book;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The beginning of the text exactly as the model will read it (boilerplate gone, LF line ends). */
public final class TextPreview extends VBox {

    public TextPreview(BookModel model) {
        this(model, null);
    }

    /** @param exploreSelection given the selected text when the user asks to look at it in the explorer; may be null */
    public TextPreview(BookModel model, Consumer<String> exploreSelection) {
        setId("text-preview");
        Label heading = new Label("Text");
        heading.getStyleClass().add("heading");
        TextArea text = new TextArea();
        text.setId("preview-text");
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("preview");
        text.textProperty().bind(model.previewProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren().add(heading);
        if (exploreSelection != null) {
            javafx.scene.control.Button explore = new javafx.scene.control.Button("Look at the selection in the Neurons tab");
            explore.setId("preview-explore-selection");
            explore.disableProperty().bind(text.selectedTextProperty().isEmpty());
            explore.setOnAction(e -> exploreSelection.accept(text.getSelectedText()));
            getChildren().add(explore);
        }
        getChildren().add(text);
        getStyleClass().add("preview-pane");
    }
}
