package org.charscope.ui.theme;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.charscope.explore.ColorScheme;
import org.charscope.io.AtomicFile;

/**
 * {@link ViewSettings} kept in {@code appearance.properties} (for now beside the last session,
 * {@code ~/.charscope/last-session/}; tests give a temporary folder). A missing or unreadable file,
 * or a value this version does not know, gives the default for it: a look is never worth an
 * error. Called off the FX thread.
 */
public record AppearanceFile(Path file) {

    public static final String NAME = "appearance.properties";

    /** The file in {@code folder}. */
    public static AppearanceFile in(Path folder) {
        return new AppearanceFile(folder.resolve(NAME));
    }

    public ViewSettings read() {
        ViewSettings standard = ViewSettings.defaults();
        Properties values = new Properties();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 16 * 1024) {
                return standard;
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(reader);
            }
        } catch (IOException | IllegalArgumentException e) {
            return standard;
        }
        Theme theme = Theme.parse(values.getProperty("theme")).orElse(standard.theme());
        ColorScheme scheme = standard.scheme();
        for (ColorScheme known : ColorScheme.values()) {
            if (known.name().equals(values.getProperty("colourScale"))) {
                scheme = known;
            }
        }
        return new ViewSettings(theme, scheme, Boolean.parseBoolean(values.getProperty("fiveGuessRows")),
                ZoomSteps.orNormal(percent(values.getProperty("zoomPercent"))));
    }

    /** The number written, or 100 for anything else. */
    private static int percent(String written) {
        try {
            return written == null ? ZoomSteps.NORMAL : Integer.parseInt(written.trim());
        } catch (NumberFormatException e) {
            return ZoomSteps.NORMAL;
        }
    }

    /** Writes atomically; a failure is swallowed (the look is only not remembered). */
    public void write(ViewSettings settings) {
        Properties values = new Properties();
        values.setProperty("theme", settings.theme().word());
        values.setProperty("colourScale", settings.scheme().name());
        values.setProperty("fiveGuessRows", Boolean.toString(settings.fiveGuessRows()));
        values.setProperty("zoomPercent", Integer.toString(settings.zoomPercent()));
        try {
            StringWriter text = new StringWriter();
            values.store(text, "CharScope's look (View menu)");
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // not being able to remember a look is no reason to bother anyone
        }
    }
}
