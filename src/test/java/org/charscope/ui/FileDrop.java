package org.charscope.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.Toolkit;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drops files onto a node the way the desktop does: a drag-over, then a drop, each carrying a
 * dragboard with the files. Headless Monocle has no desktop to drag from, so the events are
 * fired directly; the window's own handlers decide what happens. Call on the FX thread.
 */
final class FileDrop {

    private FileDrop() {
    }

    static void drop(Node target, List<Path> files) {
        Dragboard dragboard = DragboardHelper.createDragboard(Toolkit.getToolkit().createLocalClipboard());
        dragboard.setContent(Map.of(DataFormat.FILES, files.stream().map(Path::toFile).toList()));
        fire(target, dragboard, DragEvent.DRAG_OVER);
        fire(target, dragboard, DragEvent.DRAG_DROPPED);
    }

    private static void fire(Node target, Dragboard dragboard, EventType<DragEvent> type) {
        var bounds = target.localToScene(target.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        target.fireEvent(new DragEvent(type, dragboard, x, y, x, y, TransferMode.COPY, null, null, null));
    }

    /** The files on a dragboard, for assertions. */
    static List<File> files(Dragboard dragboard) {
        return dragboard.getFiles();
    }
}
