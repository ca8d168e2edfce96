package org.charscope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A folder no file can be created in, for as long as it is open. Taking the write permission away
 * does it for a user; root ignores permissions (the tests run as root in CI), so there the folder
 * is made immutable ({@code chattr +i}, which binds root too). Where neither is possible, or the
 * file system has no POSIX permissions (Windows), the test is aborted, not passed.
 */
final class ReadOnlyFolder implements AutoCloseable {

    private final Path folder;
    private boolean immutable;

    ReadOnlyFolder(Path folder) throws IOException, InterruptedException {
        this.folder = folder;
        Assumptions.assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "no POSIX permissions on this file system (Windows): a read-only folder is not made this way");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (refusesNewFiles()) {
            return;
        }
        immutable = chattr("+i");
        if (!immutable || !refusesNewFiles()) {
            close();
            Assumptions.abort("no way to make a folder read-only here (root without chattr)");
        }
    }

    private boolean refusesNewFiles() {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    private boolean chattr(String change) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder("chattr", change, folder.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException noChattr) {
            return false;
        }
    }

    /** Writable again, so that the test's temporary folder can be deleted. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            chattr("-i");
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
