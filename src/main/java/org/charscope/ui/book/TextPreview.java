package org.charscope.ui.book;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The beginning of the text exactly as the model will read it (boilerplate gone, LF line ends). */
public final class TextPreview extends VBox {

    public TextPreview(BookModel model) {
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
        getChildren().addAll(heading, text);
        getStyleClass().add("preview-pane");
    }
}
