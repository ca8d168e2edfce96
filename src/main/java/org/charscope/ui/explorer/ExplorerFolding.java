package org.charscope.ui.explorer;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.charscope.ui.theme.WindowZoom;

/**
 * On a short screen (a 1366 × 768 laptop) the heatmap comes first: when the Neurons tab first
 * shows less than {@value #SHORT_PX} px high (at 100%; more at a larger zoom), the discovery
 * cards fold to their header line, the passage field to one row and the pane below (all units,
 * emergence, …) to its tabs. A click on one of those tabs opens the pane again; the fold button
 * opens the cards.
 *
 * @param split  the text above, {@code below} under it
 * @param text   the passage field, the scrubber, the cards, the legend, the heatmap and its hover line
 */
record ExplorerFolding(SplitPane split, TabPane below, VBox text, DiscoveryStrip strip, TextArea typed) {

    /** Below this height (px at 100%) of the whole tab, the lower parts fold. */
    static final double SHORT_PX = 640;
    /** Where the divider goes when the folded pane opens: the heatmap keeps two thirds. */
    private static final double OPEN_DIVIDER = 0.68;

    /** Folds once, when {@code pane} is first laid out short; a person's later choices stay theirs. */
    void foldWhenShort(Region pane) {
        ChangeListener<Number> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> obs, Number old, Number height) {
                if (height.doubleValue() <= 0) {
                    return;
                }
                pane.heightProperty().removeListener(this);
                if (height.doubleValue() < SHORT_PX * WindowZoom.factor(pane)) {
                    fold();
                }
            }
        };
        pane.heightProperty().addListener(once);
        below.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            Node header = below.lookup(".tab-header-area");
            if (header != null && e.getY() <= header.getBoundsInParent().getMaxY()
                    && split.getDividerPositions()[0] > 0.9) {
                split.setDividerPositions(OPEN_DIVIDER);
            }
        });
    }

    private void fold() {
        strip.openProperty().set(false);
        text.setSpacing(2);
        typed.setPrefRowCount(1);
        typed.getStyleClass().add("one-row");
        Platform.runLater(this::foldBelowToTabs);   // once the split has its height
    }

    /** The divider as low as leaves {@code below} its row of tabs. */
    private void foldBelowToTabs() {
        split.applyCss();
        split.layout();
        Node header = below.lookup(".tab-header-area");
        double tabs = header == null ? 36 : header.prefHeight(-1) + 2;
        double height = split.getHeight();
        if (height > 0) {
            split.setDividerPositions(Math.max(OPEN_DIVIDER, 1 - tabs / height));
        }
    }
}
