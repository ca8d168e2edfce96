package org.charscope.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads text files into a {@link Book}. For each file, in order:
 * <ol>
 *   <li>refuse what is not a readable regular file, is empty, or is over the size limit, before
 *       reading a byte of it;</li>
 *   <li>read it in chunks, reporting bytes to a {@link LoadProgress};</li>
 *   <li>decode it ({@link TextDecoder}: UTF-8 or UTF-16 by byte-order mark, else UTF-8 if valid,
 *       else windows-1252) and refuse binary files ({@link PlainTextCheck});</li>
 *   <li>turn CRLF and lone CR line ends into LF, so a model never learns two ways to end a
 *       line;</li>
 *   <li>strip a Project Gutenberg header and footer and blank lines at either end
 *       ({@link GutenbergBoilerplate}), and refuse a file with no text left.</li>
 * </ol>
 * Every refusal is a {@link BadTextException} whose message is one line naming the file.
 */
public final class BookReader {

    /** The largest file read: at a few tens of thousands of characters a second, one epoch over
     *  256 MB already takes hours, and the decoded text and its symbol ids need a few GB. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    /** Bytes read between progress reports. */
    private static final int CHUNK_BYTES = 1024 * 1024;

    private final long maxFileBytes;

    public BookReader() {
        this(MAX_FILE_BYTES);
    }

    /** @param maxFileBytes the size limit; tests use a small one */
    public BookReader(long maxFileBytes) {
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and the largest Java array, was "
                    + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    /** Reads one file, without progress reports. */
    public Book read(Path file) throws BadTextException {
        return read(List.of(file), LoadProgress.NONE);
    }

    /**
     * Reads files into one book, in the order given, joined as {@link Book} describes.
     *
     * @param progress told the bytes read over all files, from (0, total) to (total, total)
     * @throws BadTextException         if any file cannot be used; its message names the file
     * @throws IllegalArgumentException if {@code files} is empty
     */
    public Book read(List<Path> files, LoadProgress progress) throws BadTextException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to read");
        }
        long[] sizes = new long[files.size()];
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            sizes[i] = checkedSize(files.get(i));
            total += sizes[i];
        }
        progress.update(0, total);
        List<SourceFile> sources = new ArrayList<>(files.size());
        List<String> parts = new ArrayList<>(files.size());
        long done = 0;
        for (int i = 0; i < files.size(); i++) {
            byte[] bytes = readBytes(files.get(i), sizes[i], done, total, progress);
            done += sizes[i];
            Part part = partOf(fileName(files.get(i)), bytes);
            sources.add(part.source());
            parts.add(part.text());
        }
        progress.update(total, total);
        return new Book(sources, String.join("\n", parts));
    }

    /**
     * A glance before reading, quick enough for a file dragged over the window: the checks
     * {@link #read(List, LoadProgress)} makes first (exists, a regular file, not empty, within the
     * limit) and the start of each file ({@value PlainTextCheck#SAMPLE_CHARS} bytes at most) for
     * binary content. A file that passes may still be refused when read whole (e.g. nothing but a
     * Project Gutenberg header), with the same message as ever.
     *
     * @throws BadTextException naming the first file that will not do, and why
     */
    public void glance(List<Path> files) throws BadTextException {
        if (files.isEmpty()) {
            throw new BadTextException("no files");
        }
        for (Path file : files) {
            long size = checkedSize(file);
            byte[] start = new byte[(int) Math.min(size, PlainTextCheck.SAMPLE_CHARS)];
            int filled = 0;
            try (InputStream in = Files.newInputStream(file)) {
                filled = in.readNBytes(start, 0, start.length);
            } catch (IOException e) {
                throw unreadable(file, e);
            }
            byte[] read = Arrays.copyOf(start, filled);
            String name = fileName(file);
            PlainTextCheck.requirePlainText(name, read, TextDecoder.decode(read, name).text());
        }
    }

    /**
     * Reads a text that is already in memory (the built-in sample texts, packed in the jar),
     * with the same decoding, checks and stripping as a file.
     */
    public Book read(String name, byte[] bytes) throws BadTextException {
        if (bytes.length > maxFileBytes) {
            throw new BadTextException(name + " is " + ByteCount.format(bytes.length) + "; CharScope reads files up to "
                    + ByteCount.format(maxFileBytes));
        }
        if (bytes.length == 0) {
            throw new BadTextException(name + " is empty");
        }
        Part part = partOf(name, bytes);
        return new Book(List.of(part.source()), part.text());
    }

    /** The file's size, once it is known to be a non-empty regular file within the limit. */
    private long checkedSize(Path file) throws BadTextException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        String name = fileName(file);
        if (attributes.isDirectory()) {
            throw new BadTextException(name + " is a folder, not a text file");
        }
        if (!attributes.isRegularFile()) {
            throw new BadTextException(name + " is not a regular file");
        }
        long size = attributes.size();
        if (size > maxFileBytes) {
            throw new BadTextException(name + " is " + ByteCount.format(size) + "; CharScope reads files up to "
                    + ByteCount.format(maxFileBytes));
        }
        if (size == 0) {
            throw new BadTextException(name + " is empty");
        }
        return size;
    }

    /**
     * The file's first {@code size} bytes (fewer if it shrank since its size was taken; a file
     * still being written is read as it was when checked).
     */
    private static byte[] readBytes(Path file, long size, long doneBefore, long total, LoadProgress progress)
            throws BadTextException {
        byte[] bytes = new byte[(int) size];
        int filled = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (filled < bytes.length) {
                int read = in.read(bytes, filled, Math.min(CHUNK_BYTES, bytes.length - filled));
                if (read < 0) {
                    break;
                }
                filled += read;
                progress.update(doneBefore + filled, total);
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (filled == 0) {
            throw new BadTextException(fileName(file) + " is empty");
        }
        return filled == bytes.length ? bytes : Arrays.copyOf(bytes, filled);
    }

    /** One file's contribution to the book: what was found, and its text ending in one line feed. */
    private record Part(SourceFile source, String text) {
    }

    /** Decodes, checks and strips one file. */
    private static Part partOf(String name, byte[] bytes) throws BadTextException {
        DecodedText decoded = TextDecoder.decode(bytes, name);
        PlainTextCheck.requirePlainText(name, bytes, decoded.text());
        String lineFeedsOnly = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
        StrippedText stripped = GutenbergBoilerplate.strip(lineFeedsOnly);
        if (stripped.body().isEmpty()) {
            throw new BadTextException(stripped.headerStripped() || stripped.footerStripped()
                    ? name + " has no text besides its Project Gutenberg header and footer"
                    : name + " contains only blank space, no text");
        }
        String text = stripped.body() + "\n";
        SourceFile source = new SourceFile(name, bytes.length, decoded.encoding(), stripped.headerStripped(),
                stripped.footerStripped(), stripped.title(), stripped.author(),
                text.codePointCount(0, text.length()));
        return new Part(source, text);
    }

    private static BadTextException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new BadTextException(file + " not found");
        }
        if (e instanceof AccessDeniedException) {
            return new BadTextException(fileName(file) + " cannot be read: permission denied");
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null
                ? fse.getReason() : String.valueOf(e.getMessage());
        return new BadTextException(fileName(file) + " cannot be read: " + reason.replaceAll("\\s+", " ").strip());
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
