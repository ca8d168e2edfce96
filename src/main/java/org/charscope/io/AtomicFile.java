package org.charscope.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file whole or not at all, the one way every file CharScope keeps is written: the bytes
 * go to a temporary file beside the target (named by {@link Temporaries}), which is forced to disk
 * and renamed over the target, and then the folder itself is forced, so that the rename survives a
 * power cut too. A full disk, a failure while the content is made, or a crash leaves the old file
 * and, once the next write has swept it, no temporary file.
 */
public final class AtomicFile {

    /** Writes a file's content to a stream; closing the stream is allowed and does not end the write. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFile() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes what {@code content} streams (a zip, an image) without holding it all in memory. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        String name = absolute.getFileName().toString();
        Temporaries.sweep(folder, name);
        Path temporary;
        try {
            temporary = Temporaries.create(folder, name);
        } catch (IOException e) {
            // the file system names the temporary file, which the person never asked for
            throw new IOException("cannot write " + name + " in " + folder + ": " + Failures.oneLine(e), e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
                content.writeTo(new KeptOpen(out));
                out.flush();
                channel.force(true);
            }
            rename(temporary, absolute);
            forceFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void rename(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable: a folder's entries are data of the folder. */
    private static void forceFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform opens a folder (Windows refuses); the file itself is already on disk
        }
    }

    /**
     * The stream a {@link Content} writes to: its close only flushes, so that a writer that closes
     * its own wrapper (a zip stream in try-with-resources) leaves the file open to be forced.
     */
    private static final class KeptOpen extends OutputStream {

        private final OutputStream out;

        KeptOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
