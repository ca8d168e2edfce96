package org.charscope.ui.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.charscope.train.RunSettings;
import org.charscope.ui.samples.SampleEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last session survives a restart, and a broken one is never fatal. */
class SessionStoreTest {

    @TempDir
    Path folder;

    private static SavedSession session() {
        return new SavedSession(SavedSession.VERSION, 1_700_000_000_000L, List.of("/books/a.txt", "/books/b.txt"),
                RunSettings.defaults(),
                new double[][] {{10, 0.01, 4.1, 3.5}, {20, 0.02, Double.NaN, 2.0}},
                new double[][] {{20, 0.02, 3.9}},
                List.of(new SampleEntry(20, 0.02, Double.NaN, 0.8, "", "th e\n\"q\" ü 😀")));
    }

    @Test
    void aSavedSessionLoadsAsItWas() throws Exception {
        SessionStore store = new SessionStore(folder.resolve("last"));
        SavedSession saved = session();

        store.save(saved);
        StringBuilder problem = new StringBuilder();
        SavedSession loaded = store.load(problem).orElseThrow();

        assertEquals("", problem.toString());
        assertEquals(saved.texts(), loaded.texts());
        assertEquals(saved.samples(), loaded.samples());
        assertEquals(RunSettings.defaults(), loaded.settings());
        assertArrayEquals(saved.training()[0], loaded.training()[0]);
        assertTrue(Double.isNaN(loaded.training()[1][2]), "a NaN loss stays NaN");
        assertArrayEquals(saved.validation()[0], loaded.validation()[0]);
        assertFalse(Files.exists(folder.resolve("last").resolve("session.json.tmp")), "no temporary file left");
        try (var files = Files.list(folder.resolve("last"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "nor one of today's names");
        }
    }

    @Test
    void savingAgainReplacesTheSession() throws Exception {
        SessionStore store = new SessionStore(folder);
        store.save(session());
        SavedSession newer = new SavedSession(SavedSession.VERSION, 2, List.of(), RunSettings.defaults(), new double[0][],
                new double[0][], List.of());

        store.save(newer);

        assertEquals(List.of(), store.load(new StringBuilder()).orElseThrow().texts());
    }

    @Test
    void noSessionIsNothingToOffer() {
        StringBuilder problem = new StringBuilder();
        assertTrue(new SessionStore(folder.resolve("none")).load(problem).isEmpty());
        assertEquals("", problem.toString());
    }

    @Test
    void aCorruptSessionIsNotOfferedAndSaysWhy() throws Exception {
        Files.writeString(folder.resolve(SessionStore.SESSION_FILE), "{\"version\": 1, \"texts\": [tru");
        StringBuilder problem = new StringBuilder();

        assertTrue(new SessionStore(folder).load(problem).isEmpty());
        assertTrue(problem.toString().startsWith("the last session cannot be read"), problem.toString());
    }

    @Test
    void aSessionFromAnotherVersionIsNotOffered() throws Exception {
        Files.writeString(folder.resolve(SessionStore.SESSION_FILE), "{\"version\": 99, \"texts\": []}");
        StringBuilder problem = new StringBuilder();

        assertTrue(new SessionStore(folder).load(problem).isEmpty());
        assertTrue(problem.toString().contains("another version"), problem.toString());
    }

    @Test
    void deleteForgetsSessionAndModel() throws Exception {
        SessionStore store = new SessionStore(folder);
        store.save(session());
        Files.writeString(store.modelFile(), "model");

        store.delete();

        assertTrue(store.load(new StringBuilder()).isEmpty());
        assertFalse(Files.exists(store.modelFile()));
    }
}
