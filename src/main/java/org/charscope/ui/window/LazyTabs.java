package org.charscope.ui.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Tabs whose content is built after the window's first frame and joins the scene the first time
 * the tab is selected. A tab pane styles and skins the content of every tab, shown or not, before
 * the first frame, and building the Neurons, Text and Compare panes (hundreds of controls nobody
 * sees in the first minute) took a tenth of it; so the window shows first. The window calls
 * {@link #buildAll()} right after it shows, before anything can change (no text is open yet, no
 * run started), so each pane still follows its models from the start; a content asked for
 * sooner (a test, an export) is built then.
 */
public final class LazyTabs {

    private final List<Supplier<?>> contents = new ArrayList<>();

    /**
     * @param content  builds the tab's content (once)
     * @param attached told the content once it is in the scene (e.g. to restore its dividers)
     * @return the content, built when first asked for
     */
    public <T extends Node> Supplier<T> add(Tab tab, Supplier<T> content, Consumer<Node> attached) {
        Supplier<T> once = new Once<>(content);
        contents.add(once);
        if (tab.isSelected()) {
            tab.setContent(once.get());
            attached.accept(once.get());
        }
        tab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected && tab.getContent() != once.get()) {
                tab.setContent(once.get());
                attached.accept(once.get());
            }
        });
        return once;
    }

    /** Builds every content not built yet. FX thread, once the window shows. */
    public void buildAll() {
        contents.forEach(Supplier::get);
    }

    /** A value built by its first {@link #get()}; FX thread only. */
    private static final class Once<T> implements Supplier<T> {
        private Supplier<T> builder;
        private T value;

        Once(Supplier<T> builder) {
            this.builder = builder;
        }

        @Override
        public T get() {
            if (builder != null) {
                value = builder.get();
                builder = null;
            }
            return value;
        }
    }
}
