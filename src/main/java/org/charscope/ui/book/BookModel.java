package org.charscope.ui.book;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.charscope.text.BadTextException;
import org.charscope.text.Book;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.TextFacts;
import org.charscope.text.TextOptions;
import org.charscope.ui.background.DaemonThreads;

/**
 * The loaded book, as the window shows it. Reading and decoding run on a background thread;
 * the properties change on the FX Application Thread only. A text that cannot be opened leaves
 * the current book in place and sets {@link #lastErrorProperty()} to a one-line message.
 */
public final class BookModel {

    /** The built-in text the app opens on: the project's own prose, with dialogue. */
    public static final String BUILT_IN_RESOURCE = "/sample-texts/" + BuiltInTexts.DEFAULT;

    /** How much of the text the preview shows: enough to read, little enough to lay out at once. */
    static final int PREVIEW_CHARS = 20_000;

    private final ReadOnlyObjectWrapper<TextFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Corpus> corpus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Path>> sources = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    private final Executor background;
    private final TextOptions options = TextOptions.defaults();

    public BookModel() {
        this(DaemonThreads.single("charscope-book-loader"));
    }

    /** @param background where reading runs; never the FX Application Thread */
    public BookModel(Executor background) {
        this.background = background;
    }

    /** Reads and joins the files in the background; the current book stays until they are ready. */
    public void open(List<Path> files) {
        String name = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " files";
        List<Path> absolute = files.stream().map(Path::toAbsolutePath).toList();
        load(name, absolute, new LoadTask(progress -> new BookReader().read(absolute, progress::accept)));
    }

    /** Opens the built-in sample text shipped inside the application. */
    public void openBuiltIn() {
        load(BuiltInTexts.DEFAULT, List.of(), new LoadTask(BUILT_IN));
    }

    private static final BookSource BUILT_IN = progress -> {
        try (InputStream in = BookModel.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new BadTextException("the built-in sample text is missing from this build");
            }
            return new BookReader().read(BuiltInTexts.DEFAULT, in.readAllBytes());
        } catch (IOException e) {
            throw new BadTextException("the built-in sample text cannot be read: " + e.getMessage());
        }
    };

    private void load(String name, List<Path> files, LoadTask task) {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        status.set("Opening " + name + "…");
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            Loaded loaded = task.getValue();
            sources.set(files);
            corpus.set(loaded.corpus());
            facts.set(loaded.facts());
            preview.set(loaded.preview());
            finish("Opened " + loaded.facts().displayName());
        });
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            String message = failure instanceof BadTextException
                    ? failure.getMessage()
                    : name + " could not be opened: " + failure;
            lastError.set(message);
            finish("Could not open " + name);
            if (corpus.get() == null && task.source != BUILT_IN) {
                openBuiltIn(); // never leave a first-time user in an empty window
            }
        });
        background.execute(task);
    }

    private void finish(String statusText) {
        progress.unbind();
        progress.set(0);
        loading.set(false);
        status.set(statusText);
    }

    /** Marks the last error as seen (the dialog was closed). */
    public void clearError() {
        lastError.set(null);
    }

    public ReadOnlyObjectProperty<TextFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** The loaded text as symbols, split for training; null before the first book. */
    public ReadOnlyObjectProperty<Corpus> corpusProperty() {
        return corpus.getReadOnlyProperty();
    }

    /** The files the loaded text came from, absolute; empty for the built-in sample. */
    public ReadOnlyObjectProperty<List<Path>> sourcesProperty() {
        return sources.getReadOnlyProperty();
    }

    /** The first {@value #PREVIEW_CHARS} characters of the text as the model will read it. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** 0 to 1 while a file loads, 0 otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The one-line message of the last failed open, or null. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** What a background load hands back to the FX thread: plain values only. */
    private record Loaded(Corpus corpus, TextFacts facts, String preview) {
    }

    @FunctionalInterface
    private interface BookSource {
        Book read(BiConsumer<Long, Long> progress) throws BadTextException;
    }

    private final class LoadTask extends Task<Loaded> {
        private final BookSource source;

        LoadTask(BookSource source) {
            this.source = source;
        }

        @Override
        protected Loaded call() throws BadTextException {
            Book book = source.read((done, total) -> updateProgress(done, Math.max(1, total)));
            Corpus loaded = Corpus.of(book, options, Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
            String text = loaded.text();
            int end = text.offsetByCodePoints(0, Math.min(PREVIEW_CHARS, text.codePointCount(0, text.length())));
            return new Loaded(loaded, TextFacts.of(loaded), text.substring(0, end));
        }
    }
}
