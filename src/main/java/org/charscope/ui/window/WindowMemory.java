package org.charscope.ui.window;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the window where {@link WindowLayout} says, and writes down where it is when it closes.
 * Split panes and sections (titled panes) are remembered by their id (a pane without one is not:
 * its dividers come and go);
 * the tabs are those of the {@link TabPane} with the id given.
 */
public final class WindowMemory {

    private final Stage stage;
    private final Parent root;
    private final String tabsId;
    private final Path folder;
    private final WindowLayout remembered;
    private Rectangle2D normalBounds;

    /**
     * @param stage      with its scene set
     * @param folder     where {@link WindowLayout#FILE} is kept
     * @param remembered what was read from it at start (off the FX thread)
     */
    public WindowMemory(Stage stage, String tabsId, Path folder, WindowLayout remembered) {
        this.stage = stage;
        this.root = stage.getScene().getRoot();
        this.tabsId = tabsId;
        this.folder = folder;
        this.remembered = remembered;
    }

    /** Sizes and places the stage before it shows; call {@link #restoreInside()} once it shows. */
    public void placeStage() {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        List<Rectangle2D> primaryFirst = new ArrayList<>(screens);
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        primaryFirst.remove(primary);
        primaryFirst.add(0, primary);
        Rectangle2D bounds = WindowPlacement.place(remembered, primaryFirst);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        normalBounds = bounds;
        stage.setMaximized(remembered.maximized());
        trackNormalBounds();
    }

    /** Tab and dividers, once the window shows and its panes have their sizes. */
    public void restoreInside() {
        TabPane tabs = tabs();
        if (tabs != null && remembered.tab() != null) {
            tabs.getTabs().stream().filter(t -> remembered.tab().equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
        restoreDividersIn(root);
    }

    /**
     * The remembered dividers of the split panes inside {@code node} (a tab's content, shown late),
     * and its sections left open. Sections open after the first frame, so one left open costs
     * the window's start nothing.
     */
    public void restoreDividersIn(Node node) {
        splitPanesIn(node).forEach((id, pane) -> {
            double[] positions = remembered.dividers().get(id);
            if (positions != null && positions.length == pane.getDividers().size()) {
                pane.setDividerPositions(positions);
            }
        });
        sectionsIn(node).forEach((id, section) -> {
            if (remembered.openSections().contains(id)) {
                section.setExpanded(true);
            }
        });
    }

    /** The window as it is now, with the dismissed hints given. */
    public WindowLayout capture(List<String> dismissedHints) {
        // A pane never laid out (the content of a tab not yet opened) has no positions worth
        // keeping: what was remembered for it stays.
        Map<String, double[]> dividers = new LinkedHashMap<>(remembered.dividers());
        splitPanesIn(root).forEach((id, pane) -> {
            if (pane.getWidth() > 0 && pane.getHeight() > 0) {
                dividers.put(id, pane.getDividerPositions());
            }
        });
        // likewise a section in a tab not yet opened stays as it was remembered
        Set<String> openSections = new LinkedHashSet<>(remembered.openSections());
        sectionsIn(root).forEach((id, section) -> {
            if (section.isExpanded()) {
                openSections.add(id);
            } else {
                openSections.remove(id);
            }
        });
        TabPane tabs = tabs();
        Tab selected = tabs == null ? null : tabs.getSelectionModel().getSelectedItem();
        Rectangle2D bounds = normalBounds != null ? normalBounds
                : new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        return new WindowLayout(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight(),
                stage.isMaximized(), dividers, selected == null ? null : selected.getId(), dismissedHints,
                List.copyOf(openSections));
    }

    /**
     * Writes {@code layout} on a thread of its own. Not a daemon: when the window closes as the app
     * exits, the JVM waits for the few bytes to reach the disk. A failure is reported, never thrown.
     */
    public void save(WindowLayout layout, Consumer<String> problem) {
        Thread writer = new Thread(() -> {
            try {
                layout.writeTo(folder);
            } catch (IOException e) {
                problem.accept("could not remember the window's layout: " + e.getMessage());
            }
        }, "window-layout-writer");
        writer.start();
    }

    /** The bounds before maximising: a maximised window reopened and restored gets its old size back. */
    private void trackNormalBounds() {
        InvalidationListener note = changed -> {
            Rectangle2D now = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            // Maximising may report the new size before the maximised flag: a window exactly the
            // size of a screen's visual bounds is taken as maximised, not as a size to remember.
            boolean screenSized = Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().equals(now));
            if (!stage.isMaximized() && !stage.isIconified() && now.getWidth() > 0 && !screenSized) {
                normalBounds = now;
            }
        };
        stage.xProperty().addListener(note);
        stage.yProperty().addListener(note);
        stage.widthProperty().addListener(note);
        stage.heightProperty().addListener(note);
    }

    private static Map<String, SplitPane> splitPanesIn(Node parent) {
        return withIds(parent, ".split-pane", SplitPane.class);
    }

    private static Map<String, TitledPane> sectionsIn(Node parent) {
        return withIds(parent, ".titled-pane", TitledPane.class);
    }

    /** The nodes of {@code type} matching {@code selector} inside {@code parent} that have an id, by id. */
    private static <T extends Node> Map<String, T> withIds(Node parent, String selector, Class<T> type) {
        Map<String, T> found = new LinkedHashMap<>();
        for (Node node : parent.lookupAll(selector)) {
            if (type.isInstance(node) && node.getId() != null) {
                found.put(node.getId(), type.cast(node));
            }
        }
        return found;
    }

    private TabPane tabs() {
        return root.lookup("#" + tabsId) instanceof TabPane tabs ? tabs : null;
    }
}
