package org.charscope.ui;

import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.charscope.ui.book.BookFactsView;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.training.SettingsPanel;
import org.charscope.ui.training.TrainingController;

/**
 * The panel on the left: the book's facts and the settings. View ▸ Side panel (Ctrl+Shift+B) hides
 * it, for a projector or a small screen: at 200% on a laptop it takes half the window, and a
 * narrower panel would break its words letter by letter, so it goes whole or stays whole.
 */
final class SidePanel extends ScrollPane {

    SidePanel(BookModel book, TrainingController training, Supplier<Window> owner) {
        Label hint = new Label("Drop one or more Project Gutenberg .txt files anywhere on this window, "
                + "or use File ▸ Open.");
        hint.getStyleClass().add("hint");
        VBox side = new VBox(12, new BookFactsView(book), hint, new SettingsPanel(training, owner));
        side.getStyleClass().add("side-panel");
        setContent(side);
        setFitToWidth(true);
        setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setId("sidebar");
        managedProperty().bind(visibleProperty());
    }

    /** View ▸ Side panel (Ctrl+Shift+B): shows or hides the panel. */
    CheckMenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem("Side panel");
        item.setId("menu-side-panel");
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+B"));
        item.selectedProperty().bindBidirectional(visibleProperty());
        return item;
    }
}
