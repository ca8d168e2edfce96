package org.charscope.ui.window;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content joins the scene the first time the tab is selected. A tab pane styles and
 * skins the content of every tab, shown or not, before the window's first frame; the Neurons,
 * Text and Compare tabs hold hundreds of controls nobody sees in the first minute, so the window
 * appears sooner without them. The content is built beforehand (the window wires it); only its
 * skins wait.
 */
public final class LazyTabs {

    private LazyTabs() {
    }

    /** @param attached told the content once it is in the scene (e.g. to restore its dividers) */
    public static void contentOnFirstShow(Tab tab, Node content, Consumer<Node> attached) {
        if (tab.isSelected()) {
            tab.setContent(content);
            attached.accept(content);
            return;
        }
        tab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected && tab.getContent() != content) {
                tab.setContent(content);
                attached.accept(content);
            }
        });
    }
}
