package org.charscope.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files {@link AtomicFile} writes beside a target, named {@code .NAME.PID.RANDOM.tmp}:
 * the process id says whose a file is, so two processes never write the same one and a later
 * writer can tell a dead writer's leftover from a live writer's work; the random part keeps two
 * writes of one process apart (a checkpoint's periodic save and its final one).
 */
final class Temporaries {

    /** A leftover of this process that no write of the last hour is still using. */
    private static final long OWN_STALE_MILLIS = 3_600_000L;

    private Temporaries() {
    }

    /** Creates a new, empty temporary file for {@code name} in {@code folder}, with the folder's usual permissions. */
    static Path create(Path folder, String name) throws IOException {
        while (true) {
            String random = Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);
            try {
                return Files.createFile(folder.resolve("." + name + "." + ProcessHandle.current().pid() + "." + random + ".tmp"));
            } catch (FileAlreadyExistsException taken) {
                // another write of this process drew the same number: draw again
            }
        }
    }

    /**
     * Deletes the temporary files of {@code name} that writers left when they were killed mid-write
     * ({@code kill -9}, a power cut): those whose process is gone. Each can be as large as the file,
     * and an overnight run killed a few times would otherwise leave them piling up. Files of other
     * targets, and names without a process id, are left alone.
     */
    static void sweep(Path folder, String name) {
        // .NAME.PID.tmp or .NAME.PID.RANDOM.tmp; no dot in RANDOM, so "NAME.5"'s files are not NAME's
        Pattern ours = Pattern.compile("\\." + Pattern.quote(name) + "\\.(\\d{1,18})(\\.[0-9a-z]+)?\\.tmp");
        long self = ProcessHandle.current().pid();
        // every entry, matched here rather than by a glob: a name may hold a glob's own characters ("loss[2].png")
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher match = ours.matcher(file.getFileName().toString());
                if (!match.matches()) {
                    continue;
                }
                long pid = Long.parseLong(match.group(1));
                // our own pid: another thread may be writing it now, unless it is old (an earlier process had our pid)
                boolean abandoned = pid == self ? isStale(file) : !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (abandoned) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // tidying is a courtesy: never a reason not to write
        }
    }

    private static boolean isStale(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - OWN_STALE_MILLIS;
    }
}
