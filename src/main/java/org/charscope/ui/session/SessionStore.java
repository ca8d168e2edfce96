package org.charscope.ui.session;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.charscope.io.AtomicFile;
import org.charscope.os.DataFolder;

/**
 * Keeps the last session in a folder ({@code last-session} in the {@link DataFolder} by default): the
 * session as {@code session.json}, the model as {@code model.zip} beside it. Writes go to a
 * temporary file that is flushed to disk and then renamed over the old one, so a crash or a full
 * disk mid-write leaves the previous session whole. Called off the FX thread.
 */
public record SessionStore(Path folder) {

    public static final String SESSION_FILE = "session.json";
    public static final String MODEL_FILE = "model.zip";
    /** A session file larger than this is not a session we wrote: refuse before reading it. */
    static final long MAX_SESSION_BYTES = 256L * 1024 * 1024;

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** The default place: {@code last-session} in the data folder ({@code ~/.charscope/last-session} on Linux). */
    public static SessionStore inDataFolder() {
        return new SessionStore(DataFolder.current().resolve("last-session"));
    }

    /** Where the model checkpoint of the session goes. */
    public Path modelFile() {
        return folder.resolve(MODEL_FILE);
    }

    /** Saves atomically; the previous session stays whole if this fails. */
    public void save(SavedSession session) throws IOException {
        Files.createDirectories(folder);
        AtomicFile.write(folder.resolve(SESSION_FILE), GSON.toJson(session).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The saved session, or empty when there is none or it cannot be used (a message says why
     * in {@code problem}; a broken session is never fatal, it is only not offered).
     */
    public Optional<SavedSession> load(StringBuilder problem) {
        Path file = folder.resolve(SESSION_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_SESSION_BYTES) {
                problem.append("the last session file is too large to be ours");
                return Optional.empty();
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                SavedSession session = GSON.fromJson(reader, SavedSession.class);
                if (session == null || session.version() != SavedSession.VERSION || session.texts() == null
                        || session.settings() == null || session.settings().check() != null
                        || session.training() == null || session.validation() == null || session.samples() == null) {
                    problem.append("the last session was saved by another version of CharScope");
                    return Optional.empty();
                }
                return Optional.of(session);
            }
        } catch (IOException | JsonParseException e) {
            problem.append("the last session cannot be read: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    /** Forgets the saved session (the user declined to resume, or started afresh). */
    public void delete() throws IOException {
        Files.deleteIfExists(folder.resolve(SESSION_FILE));
        Files.deleteIfExists(folder.resolve(MODEL_FILE));
    }
}
