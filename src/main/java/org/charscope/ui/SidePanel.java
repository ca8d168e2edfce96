package org.charscope.ui;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.charscope.ui.book.BookFactsView;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.theme.WindowZoom;
import org.charscope.ui.training.SettingsPanel;
import org.charscope.ui.training.TrainingController;

/**
 * The panel on the left: the book's facts and the settings. View ▸ Side panel (Ctrl+Shift+B) hides
 * it, for a projector or a small screen: at 200% on a laptop it takes half the window, and a
 * narrower panel would break its words letter by letter, so it goes whole or stays whole.
 *
 * <p>It also makes way by itself where the window is too narrow for it and the tabs
 * ({@link #makeWayForTheTabs}), as a sidebar collapses under a breakpoint: the panel is about
 * {@value #PANEL_EM} em wide at any zoom, the tabs need some {@value #TABS_EM} em beside it, so
 * below {@value #PANEL_EM} + {@value #TABS_EM} em of window (962 px at 100%, 1,443 px at 150%)
 * the panel hides, and it comes back when the window has the room again, unless the person has
 * shown or hidden it in between: their choice stands until the window next crosses the line.
 */
final class SidePanel extends ScrollPane {

    /** The panel's width in em (of the window's font, 13 px at 100%): 370 px at 100% on a book's facts. */
    static final int PANEL_EM = 29;
    /** The least width in em the tabs keep beside the panel: the loss chart and the samples side by side. */
    static final int TABS_EM = 45;

    private Boolean roomy;           // null until the window has a width
    private boolean hiddenForRoom;   // hidden by makeWayForTheTabs, not by the person
    private boolean deciding;

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

    /**
     * Hides the panel when the window becomes too narrow for it and the tabs at its zoom, and
     * shows it again when the room comes back, if this hid it.
     *
     * @param windowWidth the window's width in px
     * @param zoomPercent View ▸ Zoom, 100 for actual size
     * @param hidden      runs when this has hidden the panel: say where it went
     */
    void makeWayForTheTabs(ReadOnlyDoubleProperty windowWidth, ReadOnlyIntegerProperty zoomPercent, Runnable hidden) {
        Runnable decide = () -> {
            if (windowWidth.get() <= 0) {
                return;
            }
            double emPx = WindowZoom.NORMAL_FONT_PX * zoomPercent.get() / 100.0;
            boolean roomyNow = windowWidth.get() >= (PANEL_EM + TABS_EM) * emPx;
            if (roomy != null && roomy == roomyNow) {
                return;
            }
            roomy = roomyNow;
            deciding = true;
            if (!roomyNow && isVisible()) {
                setVisible(false);
                hiddenForRoom = true;
                hidden.run();
            } else if (roomyNow && hiddenForRoom) {
                setVisible(true);
                hiddenForRoom = false;
            }
            deciding = false;
        };
        visibleProperty().addListener((obs, was, now) -> {
            if (!deciding) {
                hiddenForRoom = false;   // the person's choice
            }
        });
        windowWidth.addListener((obs, old, now) -> decide.run());
        zoomPercent.addListener((obs, old, now) -> decide.run());
        decide.run();
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
