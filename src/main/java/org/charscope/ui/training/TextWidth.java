package org.charscope.ui.training;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a line of text is in a font, rounded up to whole pixels: what a label needs for it, less its insets. */
final class TextWidth {

    private TextWidth() {
    }

    static double of(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return Math.ceil(measured.getLayoutBounds().getWidth());
    }
}
