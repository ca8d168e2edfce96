package org.charscope.ui.explorer;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.HBox;
import org.charscope.model.Signal;
import org.charscope.model.UnitSite;

/**
 * A unit's context menu, the same on every place a unit is shown (a grid row, the neuron list, the
 * detector list): hold it at a value typed in the menu, ablate it (hold it at its mean over the
 * passage), or release it. What it holds goes to the {@link HoldPanel}.
 */
final class HoldMenu {

    private final HoldPanel panel;
    private final ContextMenu menu = new ContextMenu();
    private final Label holdLabel = new Label();
    private final TextField value = new TextField("1");
    private final MenuItem ablate = new MenuItem();
    private final MenuItem release = new MenuItem();
    private UnitSite target;

    HoldMenu(HoldPanel panel) {
        this.panel = panel;
        value.setId("hold-value");
        value.setPrefColumnCount(5);
        Button hold = new Button("Hold");
        hold.setId("hold-at");
        hold.setOnAction(e -> holdAtValue());
        value.setOnAction(e -> holdAtValue());
        CustomMenuItem holdAt = new CustomMenuItem(new HBox(6, holdLabel, value, hold), false);
        holdAt.setId("menu-hold-at");
        ablate.setId("menu-hold-ablate");
        ablate.setOnAction(e -> panel.hold(HoldChoice.ablate(target)));
        release.setId("menu-hold-release");
        release.setOnAction(e -> panel.release(target));
        menu.setId("hold-menu");
        menu.getItems().addAll(holdAt, ablate, release);
    }

    /** The menu on a list's rows: for the row selected (a right click selects its row first). */
    void attachTo(ListView<ExplorerPane.Entry> list) {
        list.setOnContextMenuRequested(e -> {
            ExplorerPane.Entry entry = list.getSelectionModel().getSelectedItem();
            if (entry != null) {
                showFor(list, panel.siteOf(entry.layer(), entry.quantity(), entry.unit()), e);
            }
        });
    }

    /** The menu on the grid: for the row under the mouse. */
    void attachTo(NeuronGrid grid, ExplorerModel model) {
        grid.setOnContextMenuRequested(e -> {
            int row = grid.rowAt(e.getY());
            int[] units = model.orderedUnits();    // the grid's rows, in its order
            if (row >= 0 && row < units.length) {
                showFor(grid, panel.siteOf(model.layerProperty().get(), model.quantityProperty().get(), units[row]), e);
            }
        });
    }

    private void showFor(Node owner, UnitSite site, ContextMenuEvent e) {
        target = site;
        String unit = String.format(Locale.ROOT, "layer %d · %s %d", site.layer() + 1, site.quantity().displayName(),
                site.unit());
        holdLabel.setText("Hold " + unit + " at" + (site.quantity() == Signal.HIDDEN ? " (−1 to 1)" : ""));
        ablate.setText("Ablate " + unit + " (its mean over the passage)");
        release.setText("Release " + unit);
        release.setDisable(panel.choices().stream().noneMatch(c -> c.site().equals(site)));
        menu.show(owner, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    private void holdAtValue() {
        menu.hide();
        Double held = HoldPanel.number(value.getText());
        if (held == null) {
            panel.refuse("Hold at a number, not \"" + value.getText() + "\".");
            return;
        }
        try {
            panel.hold(HoldChoice.clamp(target, held));
        } catch (IllegalArgumentException e) {
            panel.refuse(e.getMessage());
        }
    }
}
