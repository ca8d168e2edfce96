package org.charscope.history;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder of a run's snapshots, {@code <model file without .zip>.snapshots/} beside the model,
 * holding {@code iter-<iteration, 9 digits>.zip} files (more digits past a billion iterations).
 * Other files there (a writer's temporary file) are neither listed nor deleted.
 */
public final class SnapshotFolder {

    /** What the folder's name adds to the model file's name without {@code .zip}. */
    public static final String SUFFIX = ".snapshots";
    private static final Pattern NAME = Pattern.compile("iter-(\\d{9,18})\\.zip");

    private final Path path;

    public SnapshotFolder(Path path) {
        this.path = path;
    }

    /** The folder beside {@code modelFile}: {@code runs/book.zip} keeps {@code runs/book.snapshots/}. */
    public static SnapshotFolder beside(Path modelFile) {
        Path absolute = modelFile.toAbsolutePath();
        String name = absolute.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return new SnapshotFolder(absolute.resolveSibling(stem + SUFFIX));
    }

    public Path path() {
        return path;
    }

    /** Where the snapshot of {@code iteration} goes. */
    public Path fileFor(long iteration) {
        return path.resolve(String.format(Locale.ROOT, "iter-%09d.zip", iteration));
    }

    /** The snapshots, in iteration order; empty when the folder does not exist. */
    public List<SnapshotEntry> list() throws IOException {
        List<SnapshotEntry> found = new ArrayList<>();
        if (!Files.isDirectory(path)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
            for (Path file : files) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches() && Files.isRegularFile(file)) {
                    try {
                        found.add(new SnapshotEntry(Long.parseLong(name.group(1)), file, Files.size(file)));
                    } catch (NoSuchFileException deletedMeanwhile) {
                        // another writer thinned it between the listing and the size
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(SnapshotEntry::iteration));
        return found;
    }

    /** Bytes the snapshots take on disk. */
    public long bytes() throws IOException {
        long total = 0;
        for (SnapshotEntry entry : list()) {
            total += entry.bytes();
        }
        return total;
    }

    /** Deletes every snapshot, and the folder if nothing else is left in it. */
    public void deleteAll() throws IOException {
        deleteAfter(-1);
        if (!Files.isDirectory(path)) {
            return;   // nothing there, or a file of that name, which is not ours to delete
        }
        try {
            Files.deleteIfExists(path);
        } catch (DirectoryNotEmptyException othersThere) {
            // files that are not snapshots stay, and so does the folder
        }
    }

    /** Deletes the snapshots taken after {@code iteration}: another future than the run resumed now. */
    public void deleteAfter(long iteration) throws IOException {
        for (SnapshotEntry entry : list()) {
            if (entry.iteration() > iteration) {
                Files.deleteIfExists(entry.file());
            }
        }
    }

    /**
     * Deletes snapshots ({@link Thinning}) until the folder and a new file of {@code newBytes} fit in
     * {@code budgetBytes}, as far as the snapshots that are always kept allow.
     */
    public Thinning.Plan makeRoom(long newBytes, long budgetBytes) throws IOException {
        Thinning.Plan plan = Thinning.plan(list(), newBytes, budgetBytes);
        for (SnapshotEntry entry : plan.deleted()) {
            Files.deleteIfExists(entry.file());
        }
        return plan;
    }
}
