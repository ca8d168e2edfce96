package org.charscope.ui.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;
import org.charscope.io.AtomicFile;
import org.charscope.io.Failures;
import org.charscope.ui.background.DaemonThreads;
import org.charscope.ui.samples.SampleEntry;

/**
 * Saving what the window shows: each export asks where with a sensible default name, then
 * writes on a background thread (atomically: a temporary file renamed into place) and says in
 * one line whether it worked, naming the reason when it did not (read-only folder, disk full).
 */
public final class ExportActions {

    private final Supplier<Window> owner;
    private final Consumer<String> tell;
    private final Executor background = DaemonThreads.single("charscope-export");
    private final FileDialogs dialogs;
    private Path lastFolder;

    public ExportActions(Supplier<Window> owner, Consumer<String> tell, FileDialogs dialogs) {
        this.owner = owner;
        this.tell = tell;
        this.dialogs = dialogs;
    }

    /** The sample timeline as Markdown (or plain text). */
    public void samples(String bookName, List<SampleEntry> samples, boolean markdown) {
        if (samples.isEmpty()) {
            tell.accept("no samples yet: train for a while first");
            return;
        }
        String base = stem(bookName) + (samples.size() == 1 ? "-sample-" + samples.get(0).iteration() : "-samples");
        Path file = choose(markdown ? base + ".md" : base + ".txt", markdown ? "Markdown" : "Text",
                markdown ? "*.md" : "*.txt");
        if (file != null) {
            List<SampleEntry> copy = List.copyOf(samples);
            write(file, () -> (markdown ? SampleExport.markdown(bookName, copy) : SampleExport.plainText(bookName, copy))
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A pane as PNG at screen resolution or 2×; the picture is taken now, written in the background. */
    public void picture(Node node, double scale, String defaultName) {
        Path file = choose(defaultName, "PNG image", "*.png");
        if (file != null) {
            var image = PictureExport.snapshot(node, scale);
            run(file, () -> PictureExport.write(image, file));
        }
    }

    /** A text file (e.g. the heatmap page) made in the background by {@code content}. */
    public void text(String defaultName, String kind, String pattern, Supplier<String> content) {
        Path file = choose(defaultName, kind, pattern);
        if (file != null) {
            write(file, () -> content.get().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A file chosen by the user, or null if they cancelled. FX thread. */
    public Path choose(String defaultName, String kind, String pattern) {
        Path chosen = dialogs.save(owner.get(), defaultName, kind, pattern, lastFolder);
        if (chosen == null) {
            return null;
        }
        lastFolder = chosen.toAbsolutePath().getParent();
        return chosen;
    }

    /** Bytes made and written off the FX thread. */
    public CompletableFuture<Void> write(Path file, Supplier<byte[]> bytes) {
        return run(file, () -> AtomicFile.write(file, bytes.get()));
    }

    private CompletableFuture<Void> run(Path file, IoAction action) {
        return CompletableFuture.runAsync(() -> {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).whenComplete((ok, failure) -> Platform.runLater(() -> tell.accept(failure == null
                ? "saved " + file.getFileName()
                : "could not save " + file.getFileName() + ": " + Failures.oneLine(failure))));
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private static String stem(String name) {
        String stem = name.replaceAll("\\.[A-Za-z0-9]{1,4}$", "").replaceAll("[^A-Za-z0-9._-]+", "-");
        return stem.isEmpty() ? "charscope" : stem;
    }
}
