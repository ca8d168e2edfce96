package org.charscope.ui.book;

import java.nio.file.Path;
import java.util.List;
import org.charscope.text.BadTextException;
import org.charscope.text.BookReader;

/**
 * Whether files dragged over the window will be opened, and the sentence that says so before the
 * drop: "Drop to open pg1342.txt", or the reason they will not be ("photo.png looks like a binary
 * file…"). Decided by a {@link BookReader#glance}, which reads the start of each file: call it off
 * the FX thread.
 */
public record DropDecision(boolean accepted, String message) {

    public static DropDecision of(List<Path> files, boolean loading, BookReader reader) {
        if (loading) {
            return new DropDecision(false, "A text is still opening; drop again when it has.");
        }
        try {
            reader.glance(files);
        } catch (BadTextException e) {
            return new DropDecision(false, "Cannot open: " + e.getMessage());
        }
        String first = String.valueOf(files.get(0).getFileName());
        return new DropDecision(true, files.size() == 1 ? "Drop to open " + first
                : "Drop to open " + first + " and " + (files.size() - 1) + " more as one text");
    }
}
