package org.charscope.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thinning a snapshot folder to its budget, on fake files: no training needed. */
class ThinningTest {

    @TempDir
    Path dir;

    private static List<SnapshotEntry> entries(long bytesEach, long... iterations) {
        List<SnapshotEntry> entries = new ArrayList<>();
        for (long iteration : iterations) {
            entries.add(new SnapshotEntry(iteration, Path.of("iter-" + iteration + ".zip"), bytesEach));
        }
        return entries;
    }

    private static List<Long> iterations(List<SnapshotEntry> entries) {
        return entries.stream().map(SnapshotEntry::iteration).toList();
    }

    @Test
    void nothingIsDeletedWhileTheNewFileFits() {
        Thinning.Plan plan = Thinning.plan(entries(10, 0, 25, 50, 100, 300), 10, 60);
        assertEquals(List.of(), plan.deleted());
        assertTrue(plan.fits());
    }

    @Test
    void theSmallestGapGoesFirstSoTheTimelineThinsEvenly() {
        // deletable: 300 (neighbours 256 and 310: gap 54), 310 (300..600: 300), 600 (310..900: 590)
        Thinning.Plan plan = Thinning.plan(entries(10, 0, 25, 256, 300, 310, 600, 900), 10, 70);
        assertEquals(List.of(300L), iterations(plan.deleted()));
        assertTrue(plan.fits());

        // two to go: after 300, 310 has neighbours 256 and 600 (344), 600 has 310 and 900 (590)
        plan = Thinning.plan(entries(10, 0, 25, 256, 300, 310, 600, 900), 10, 60);
        assertEquals(List.of(300L, 310L), iterations(plan.deleted()));
    }

    @Test
    void iterationZeroTheNewestAndThePowersOfTwoAreNeverDeleted() {
        long[] run = {0, 25, 50, 64, 100, 200, 400, 500, 1000, 1024, 1500, 1600, 2000, 2500};
        Thinning.Plan plan = Thinning.plan(entries(10, run), 10, 1);

        assertFalse(plan.fits(), "only the kept ones are left, and they are over the budget");
        assertEquals(List.of(500L, 1000L, 1500L, 2000L), iterations(plan.deleted()).stream().sorted().toList());
        for (long kept : new long[] {0, 25, 50, 64, 100, 200, 400, 1024, 1600, 2500}) {
            assertFalse(iterations(plan.deleted()).contains(kept), kept + " is always kept");
        }
    }

    @Test
    void aTieGoesToTheEarliest() {
        Thinning.Plan plan = Thinning.plan(entries(10, 0, 500, 1000, 1500, 2000), 10, 50);
        assertEquals(List.of(500L), iterations(plan.deleted()), "500, 1000 and 1500 each leave a gap of 1000");
    }

    @Test
    void theFolderDeletesWhatThePlanSaysAndStaysWithinTheBudget() throws IOException {
        SnapshotFolder folder = new SnapshotFolder(dir.resolve("book.snapshots"));
        Files.createDirectories(folder.path());
        for (long iteration : new long[] {0, 25, 50, 100, 200, 400, 500, 1000, 1500, 2000, 2500, 3000}) {
            Files.write(folder.fileFor(iteration), new byte[1000]);
        }
        Files.writeString(folder.path().resolve("notes.txt"), "not a snapshot");

        Thinning.Plan plan = folder.makeRoom(1000, 9000);

        assertTrue(plan.fits());
        assertEquals(8000, folder.bytes(), "room for the new one: 8 files + 1 within 9000 bytes");
        assertEquals(List.of(0L, 25L, 50L, 100L, 200L, 400L, 2000L, 3000L), iterations(folder.list()));
        assertTrue(Files.exists(folder.path().resolve("notes.txt")), "other files are left alone");
    }

    @Test
    void theFolderLiesBesideTheModelAndNamesFilesByIteration() throws IOException {
        SnapshotFolder folder = SnapshotFolder.beside(dir.resolve("runs/book.zip"));
        assertEquals(dir.resolve("runs/book.snapshots").toAbsolutePath(), folder.path());
        assertEquals("iter-000001500.zip", folder.fileFor(1500).getFileName().toString());
        assertEquals(List.of(), folder.list(), "no folder yet: no snapshots");

        Files.createDirectories(folder.path());
        Files.write(folder.fileFor(3), new byte[7]);
        Files.write(folder.fileFor(20), new byte[5]);
        Files.write(folder.fileFor(100), new byte[3]);
        folder.deleteAfter(20);
        assertEquals(List.of(3L, 20L), iterations(folder.list()));
        assertEquals(12, folder.bytes());
        folder.deleteAll();
        assertFalse(Files.exists(folder.path()));
    }
}
