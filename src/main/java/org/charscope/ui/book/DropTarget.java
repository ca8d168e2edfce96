package org.charscope.ui.book;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import org.charscope.text.BookReader;
import org.charscope.ui.background.DaemonThreads;

/**
 * Text files dropped anywhere on {@code area} are opened; while they are dragged over it, a note
 * says whether they will be, and why not. The files are glanced at on a thread of their own
 * ({@link DropDecision}); until the answer comes, the drop is accepted and the note says
 * "checking…", and a drop that comes first is opened and judged the usual way.
 */
public final class DropTarget {

    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private final Node area;
    private final BookModel book;
    private final Label note = new Label();
    private final ExecutorService glances = DaemonThreads.single("charscope-drop-glance");
    private List<Path> dragged = List.of();
    private DropDecision decision;

    /** @param open opens the dropped files (after asking whether the model may go, if it must) */
    public DropTarget(Node area, BookModel book, Consumer<List<Path>> open) {
        this.area = area;
        this.book = book;
        note.setId("drop-note");
        note.getStyleClass().add("drop-note");
        note.setVisible(false);
        note.setMouseTransparent(true);
        area.addEventHandler(DragEvent.DRAG_OVER, this::over);
        area.addEventHandler(DragEvent.DRAG_EXITED, e -> hide());
        area.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            boolean accepted = event.getDragboard().hasFiles() && (decision == null || decision.accepted());
            if (accepted) {
                List<Path> files = filesOf(event);
                // Ask after the drop has completed: a modal dialog inside the drop handler would stall the drag.
                Platform.runLater(() -> open.accept(files));
            }
            event.setDropCompleted(accepted);
            event.consume();
            hide();
        });
    }

    /** The note to lay over the window, top centre. */
    public Label note() {
        return note;
    }

    /** The decision for the files being dragged now, or null while it is being made. */
    public DropDecision decision() {
        return decision;
    }

    private void over(DragEvent event) {
        if (!event.getDragboard().hasFiles()) {
            return;
        }
        List<Path> files = filesOf(event);
        if (!files.equals(dragged)) {
            dragged = files;
            decision = null;
            boolean loading = book.loadingProperty().get();
            glances.submit(() -> {
                DropDecision made = DropDecision.of(files, loading, new BookReader());
                Platform.runLater(() -> {
                    if (files.equals(dragged)) {
                        decision = made;
                        show();
                    }
                });
            });
        }
        if (decision == null || decision.accepted()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        show();
        event.consume();
    }

    private void show() {
        if (dragged.isEmpty()) {
            return;
        }
        note.setText(decision == null ? "Checking " + dragged.get(0).getFileName() + "…" : decision.message());
        note.pseudoClassStateChanged(REFUSED, decision != null && !decision.accepted());
        note.setVisible(true);
        area.pseudoClassStateChanged(DRAG_OVER, decision == null || decision.accepted());
    }

    private void hide() {
        dragged = List.of();
        decision = null;
        note.setVisible(false);
        area.pseudoClassStateChanged(DRAG_OVER, false);
    }

    private static List<Path> filesOf(DragEvent event) {
        return event.getDragboard().getFiles().stream().map(File::toPath).toList();
    }
}
