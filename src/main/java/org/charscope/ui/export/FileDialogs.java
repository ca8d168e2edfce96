package org.charscope.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The questions "where to save?" and "which file?", asked of the person. Every menu of the window
 * goes through one of these, so that a test can answer for the person: the platform's file
 * choosers are native dialogs that do not run headless. FX thread only.
 */
public interface FileDialogs {

    /**
     * A file to write, or null if the person cancelled.
     *
     * @param defaultName the name proposed, e.g. {@code "book-samples.md"}
     * @param kind        what the filter is called, e.g. {@code "Markdown"}
     * @param pattern     the filter, e.g. {@code "*.md"}
     * @param folder      where to start, or null for the platform's choice
     */
    Path save(Window owner, String defaultName, String kind, String pattern, Path folder);

    /** Files to read (one or several when {@code multiple}), or an empty list if the person cancelled. */
    List<Path> open(Window owner, String title, String kind, String pattern, boolean multiple);

    /** The platform's own file choosers. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public Path save(Window owner, String defaultName, String kind, String pattern, Path folder) {
                FileChooser chooser = new FileChooser();
                chooser.setInitialFileName(defaultName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
                if (folder != null && folder.toFile().isDirectory()) {
                    chooser.setInitialDirectory(folder.toFile());
                }
                File chosen = chooser.showSaveDialog(owner);
                return chosen == null ? null : chosen.toPath();
            }

            @Override
            public List<Path> open(Window owner, String title, String kind, String pattern, boolean multiple) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(kind, pattern),
                        new FileChooser.ExtensionFilter("All files", "*"));
                List<File> chosen = multiple ? chooser.showOpenMultipleDialog(owner)
                        : Optional.ofNullable(chooser.showOpenDialog(owner)).map(List::of).orElse(null);
                return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
            }
        };
    }
}
