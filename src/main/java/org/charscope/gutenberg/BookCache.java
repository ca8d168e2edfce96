package org.charscope.gutenberg;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.charscope.io.AtomicFile;
import org.charscope.io.Failures;
import org.charscope.os.DataFolder;

/**
 * Books downloaded before, as {@code pgN.txt} in one folder ({@code gutenberg} in the
 * {@link DataFolder} by default), so opening one again needs no network and costs the site nothing.
 *
 * <p>A book is written to a temporary file beside its final name, forced to disk and then
 * renamed: a file named {@code pgN.txt} is always a whole book, and a download that fails or is
 * cancelled leaves nothing a later open would mistake for one.
 */
public record BookCache(Path folder) {

    /** The default place: {@code gutenberg} in the data folder ({@code ~/.charscope/gutenberg} on Linux). */
    public static BookCache inDataFolder() {
        return new BookCache(DataFolder.current().resolve("gutenberg"));
    }

    /** Where book {@code number} is kept: {@code pgN.txt}, the name Project Gutenberg gives it. */
    public Path fileFor(BookNumber number) {
        return folder.resolve("pg" + number + ".txt");
    }

    /** The cached book, if it was downloaded before. */
    public Optional<Path> find(BookNumber number) {
        Path file = fileFor(number);
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0 ? Optional.of(file) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable counts as absent: it is downloaded again
        }
    }

    /**
     * Keeps {@code bytes} as book {@code number}, replacing any earlier copy.
     *
     * @return the cached file
     * @throws DownloadException if the folder cannot be written; nothing is left behind
     */
    public Path store(BookNumber number, byte[] bytes) throws DownloadException {
        Path target = fileFor(number);
        try {
            Files.createDirectories(folder);
            AtomicFile.write(target, bytes);
            return target;
        } catch (IOException e) {
            throw new DownloadException("book " + number + " cannot be kept in " + folder + ": " + reason(e));
        }
    }

    /** Why a write failed, in words: "the disk is full", "permission denied (is the folder read-only?)". */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage() + " is in the way (a file, not a folder)";
        }
        return Failures.oneLine(e);
    }

}
