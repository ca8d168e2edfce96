package org.charscope.ui;

import javafx.css.PseudoClass;

/** Pseudo-classes the stylesheet {@code charscope.css} styles. */
final class Styles {

    /** Files are being dragged over the window. */
    static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");

    private Styles() {
    }
}
