package org.charscope.ui.book;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.charscope.io.AtomicFile;
import org.charscope.ui.background.DaemonThreads;

/**
 * The last texts opened, newest first, kept in a file beside the last session ({@code last-session/recent.txt} in the data folder) (one path a line)
 * for File ▸ Open recent. Read and written on a background thread; missing files are dropped.
 */
public final class RecentFiles {

    /** Entries kept. */
    static final int LIMIT = 8;

    private final Path store;
    private final Executor background = DaemonThreads.single("charscope-recent-files");

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The list as kept, given to {@code show} on the FX thread. */
    public void load(Consumer<List<Path>> show) {
        CompletableFuture.supplyAsync(this::read, background).thenAccept(paths -> Platform.runLater(() -> show.accept(paths)));
    }

    /** Puts {@code files} first, keeps {@link #LIMIT}, saves; then gives the new list to {@code show}. */
    public void remember(List<Path> files, Consumer<List<Path>> show) {
        CompletableFuture.supplyAsync(() -> {
            List<Path> paths = new ArrayList<>(files.stream().map(Path::toAbsolutePath).toList());
            for (Path old : read()) {
                if (!paths.contains(old) && paths.size() < LIMIT) {
                    paths.add(old);
                }
            }
            try {
                Files.createDirectories(store.getParent());
                AtomicFile.write(store, String.join("\n", paths.stream().map(Path::toString).toList())
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // not being able to remember is no reason to bother anyone
            }
            return paths;
        }, background).thenAccept(paths -> Platform.runLater(() -> show.accept(paths)));
    }

    List<Path> read() {
        try {
            if (!Files.isRegularFile(store) || Files.size(store) > 64 * 1024) {
                return List.of();
            }
            return Files.readAllLines(store, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(Path::of).filter(Files::isRegularFile).limit(LIMIT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
