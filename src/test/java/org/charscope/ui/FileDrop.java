package org.charscope.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Drops files onto a node the way a desktop file manager does: a drag-over, then a drop, each
 * carrying a dragboard that offers the files for copying. Headless Monocle has no desktop to
 * drag from, so the two events are fired directly; the window's own handlers decide what
 * happens. Call on the FX thread.
 */
public final class FileDrop {

    private FileDrop() {
    }

    public static void drop(Node target, List<Path> files) {
        Dragboard dragboard = DragboardHelper.createDragboard(new FilesOnDragboard(files));
        fire(target, dragboard, DragEvent.DRAG_OVER);
        fire(target, dragboard, DragEvent.DRAG_DROPPED);
    }

    /** Files dragged over {@code target} and held there, not dropped: what the window says before a drop. */
    public static void dragOver(Node target, List<Path> files) {
        fire(target, DragboardHelper.createDragboard(new FilesOnDragboard(files)), DragEvent.DRAG_OVER);
    }

    private static void fire(Node target, Dragboard dragboard, EventType<DragEvent> type) {
        var bounds = target.localToScene(target.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        target.fireEvent(new DragEvent(type, dragboard, x, y, x, y, TransferMode.COPY, null, null, null));
    }

    /** The toolkit's side of a dragboard from another application: files, offered for copy. */
    private static final class FilesOnDragboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        FilesOnDragboard(List<Path> files) {
            content.put(DataFormat.FILES, files.stream().map(Path::toFile).toList());
        }

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            for (Pair<DataFormat, Object> pair : pairs) {
                content.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
