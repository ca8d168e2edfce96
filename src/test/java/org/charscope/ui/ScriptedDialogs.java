package org.charscope.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.charscope.ui.export.FileDialogs;

/**
 * File dialogs answered by the test instead of a person: each question takes the next answer
 * queued with {@link #answer} (an empty answer is a cancel), and what was proposed is kept.
 */
public final class ScriptedDialogs implements FileDialogs {

    private final Deque<Optional<Path>> answers = new ArrayDeque<>();
    private final List<String> proposedNames = new ArrayList<>();

    /** The next dialog picks {@code file}, or cancels when it is null. */
    public ScriptedDialogs answer(Path file) {
        answers.add(Optional.ofNullable(file));
        return this;
    }

    /** Default names the save dialogs proposed, in order. */
    public List<String> proposedNames() {
        return proposedNames;
    }

    @Override
    public Path save(Window owner, String defaultName, String kind, String pattern, Path folder) {
        proposedNames.add(defaultName);
        return next().orElse(null);
    }

    @Override
    public List<Path> open(Window owner, String title, String kind, String pattern, boolean multiple) {
        return next().map(List::of).orElse(List.of());
    }

    private Optional<Path> next() {
        if (answers.isEmpty()) {
            throw new AssertionError("a file dialog opened that the test did not expect");
        }
        return answers.poll();
    }
}
