package org.charscope.os;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive of the window's classes (JavaFX, AtlantaFX, ControlsFX, ours), so
 * that a window started again maps them ready-parsed instead of loading and verifying some 6,000
 * classes: its first frame came 0.5 s sooner here (docs/installer.md). Used where CharScope starts
 * a second JVM anyway (the OpenBLAS relaunch), whose command line is ours to extend.
 *
 * <p>The first window started this way writes the archive when it closes
 * ({@code -XX:ArchiveClassesAtExit}) to a temporary name, which the launcher renames once the
 * window's JVM has exited cleanly; later windows read it ({@code -XX:SharedArchiveFile}). The
 * archive's name holds a key of the JVM and the class path (each file's size and time), so a new
 * version of the app or of Java makes a new archive instead of using one that no longer fits; the
 * others are deleted. CDS's own messages are turned off: a window's stderr is nobody's to read,
 * and an archive that cannot be used only costs the time it would have saved.
 */
public final class ClassDataArchive {

    private static final String LOGS_OFF = "-Xlog:cds=off -Xlog:cds+dynamic=off";

    private final Path archive;
    private final Path written;

    /** @param key from {@link #keyOf}: which JVM and class path the archive is for */
    public ClassDataArchive(Path folder, String key, long pid) {
        this.archive = folder.resolve("charscope-" + key + ".jsa");
        this.written = folder.resolve("charscope-" + key + ".jsa." + pid + ".tmp");
    }

    /** For this JVM: its home, version and class path (each file's size and modification time). */
    public static String keyOf(String javaHome, String javaVersion, String classPath) {
        StringBuilder text = new StringBuilder(javaHome).append('|').append(javaVersion);
        for (String entry : classPath.split(File.pathSeparator)) {
            File file = new File(entry);
            text.append('|').append(entry).append(':').append(file.length()).append(':').append(file.lastModified());
        }
        return String.format(Locale.ROOT, "%08x", text.toString().hashCode());
    }

    /**
     * Whether a JVM in {@code javaHome} can write and read an archive of ours: a dynamic archive
     * sits on the runtime's base archive ({@code lib/server/classes.jsa}), and without one (a
     * jlinked runtime such as the app-image's) {@code -XX:ArchiveClassesAtExit} stops the JVM
     * before it starts ("DynamicDumpSharedSpaces is unsupported when base CDS archive is not
     * loaded").
     */
    public static boolean usableIn(Path javaHome) {
        return Files.isRegularFile(javaHome.resolve("lib").resolve("server").resolve("classes.jsa"));
    }

    /** The JVM options that read the archive, or write it when there is none yet. */
    public String jvmOptions() {
        return Files.isRegularFile(archive)
                ? "-XX:SharedArchiveFile=" + archive + " " + LOGS_OFF
                : "-XX:ArchiveClassesAtExit=" + written + " " + LOGS_OFF;
    }

    /**
     * After the window's JVM exited: keeps what it wrote (exit status 0 only: a JVM killed while
     * writing leaves half an archive) under the archive's name, and deletes the archives of other
     * keys. Failures are ignored: the next window writes it again.
     */
    public void keepWritten(int exitStatus) {
        try {
            if (exitStatus == 0 && Files.isRegularFile(written) && Files.size(written) > 0) {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                deleteOthers();
            }
            Files.deleteIfExists(written);
        } catch (IOException | RuntimeException e) {
            // next time
        }
    }

    /**
     * Deletes the archives of other keys, and temporary files older than an hour (a window killed
     * while it wrote its archive); another window's file still being written is younger.
     */
    private void deleteOthers() throws IOException {
        long anHourAgo = System.currentTimeMillis() - 3_600_000L;
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path other : files.filter(f -> f.getFileName().toString().startsWith("charscope-")).toList()) {
                boolean temporary = other.getFileName().toString().endsWith(".tmp");
                if (!other.equals(archive) && (!temporary || Files.getLastModifiedTime(other).toMillis() < anHourAgo)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    /** Adds {@code options} to what {@code JAVA_TOOL_OPTIONS} already holds (tests set user.home there). */
    public static String withToolOptions(String existing, String options) {
        return existing == null || existing.isBlank() ? options : existing + " " + options;
    }

    /** The archive folder inside the data folder. */
    public static Path folderIn(Path dataFolder) {
        return dataFolder.resolve("class-data");
    }

    /** The archive, and the temporary file this JVM's window writes it to. */
    List<Path> paths() {
        return List.of(archive, written);
    }
}
