package org.charscope.ui.window;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.charscope.io.AtomicFile;

/**
 * What the window looks like when it closes, so the next start looks the same: its bounds (the
 * bounds it had before it was maximised, when it is), whether it is maximised, the divider
 * positions of every split pane with an id, the selected tab and the hints dismissed for good. The
 * look (theme, colours, zoom) is kept apart, in {@code AppearanceFile}. Kept as
 * {@value #FILE} in the app's data folder, never in {@code java.util.prefs}, so that a test can
 * give the window a folder of its own.
 *
 * @param dividers split pane id → its divider positions (0..1), left to right or top to bottom
 * @param tab      the selected tab's id, or null
 * @param dismissedHints the ids of the hints not to show again
 * @param openSections   the ids of the sections (titled panes) left open, e.g. "More settings"
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized,
                           Map<String, double[]> dividers, String tab, List<String> dismissedHints,
                           List<String> openSections) {

    public static final String FILE = "window.json";

    /** Beyond this the file cannot be ours, and it is not read. */
    private static final long MAX_BYTES = 64 * 1024;

    private static final Gson GSON = new Gson();

    public WindowLayout {
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
        dismissedHints = dismissedHints == null ? List.of() : List.copyOf(dismissedHints);
        openSections = openSections == null ? List.of() : List.copyOf(openSections);   // null: a file from before them
    }

    /** The first start: no bounds yet (NaN), so the window fits the screen. */
    public static WindowLayout firstStart() {
        return new WindowLayout(Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, Map.of(), null, List.of(),
                List.of());
    }

    /** Whether there are bounds to restore. */
    public boolean hasBounds() {
        return Double.isFinite(x) && Double.isFinite(y) && width > 0 && height > 0;
    }

    /**
     * The layout kept in {@code folder}, or {@link #firstStart()} when there is none or it cannot
     * be read: a broken file costs the person their window size, never their start. Reads a
     * file: call it off the FX thread.
     */
    public static WindowLayout readFrom(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return firstStart();
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                WindowLayout read = GSON.fromJson(reader, WindowLayout.class);
                return read == null ? firstStart() : read;
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return firstStart();
        }
    }

    /** Writes the layout to {@code folder} atomically. */
    public void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFile.write(folder.resolve(FILE), GSON.toJson(this).getBytes(StandardCharsets.UTF_8));
    }
}
