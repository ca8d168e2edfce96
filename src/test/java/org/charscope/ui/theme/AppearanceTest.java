package org.charscope.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.charscope.explore.ColorScheme;
import org.charscope.explore.Palette;
import org.charscope.explore.Shade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The look is remembered, except a theme given for one start; a bad file gives the defaults. */
class AppearanceTest {

    @TempDir
    Path folder;

    @Test
    void settingsSurviveAWriteAndARead() {
        AppearanceFile file = AppearanceFile.in(folder);
        ViewSettings chosen = new ViewSettings(Theme.DARK, ColorScheme.CLASSIC, true);

        file.write(chosen);

        assertEquals(chosen, file.read());
    }

    @Test
    void aMissingOrStrangeFileGivesTheDefaults() throws IOException {
        AppearanceFile file = AppearanceFile.in(folder);
        assertEquals(ViewSettings.defaults(), file.read());

        Files.writeString(file.file(), "theme=sepia\ncolourScale=RAINBOW\nfiveGuessRows=maybe\n");

        assertEquals(ViewSettings.defaults(), file.read());
    }

    @Test
    void aThemeForThisStartIsShownButNotRemembered() {
        AppearanceFile file = AppearanceFile.in(folder);
        Appearance appearance = new Appearance(ViewSettings.defaults(), Theme.DARK, file, Runnable::run);
        assertEquals(new Palette(ColorScheme.standard(), Shade.DARK), appearance.paletteProperty().get());

        appearance.schemeProperty().set(ColorScheme.BLUE_RED);
        assertEquals(new ViewSettings(Theme.LIGHT, ColorScheme.BLUE_RED, false), file.read(), "still light on disk");

        appearance.themeProperty().set(Theme.LIGHT);
        appearance.themeProperty().set(Theme.DARK);   // now a person's choice
        assertEquals(Theme.DARK, file.read().theme());
        appearance.fiveGuessRowsProperty().set(true);
        assertEquals(new ViewSettings(Theme.DARK, ColorScheme.BLUE_RED, true), file.read());
        assertEquals(new Palette(ColorScheme.BLUE_RED, Shade.DARK), appearance.paletteProperty().get());
    }

    @Test
    void theZoomStepsBetween75And250PercentAndIsRemembered() {
        AppearanceFile file = AppearanceFile.in(folder);
        Appearance appearance = new Appearance(ViewSettings.defaults(), null, file, Runnable::run);
        appearance.zoomIn();
        appearance.zoomIn();
        assertEquals(125, appearance.zoomPercentProperty().get());
        assertEquals(125, file.read().zoomPercent());
        for (int k = 0; k < 20; k++) {
            appearance.zoomIn();
        }
        assertEquals(250, file.read().zoomPercent(), "no further than 250%");
        for (int k = 0; k < 20; k++) {
            appearance.zoomOut();
        }
        assertEquals(75, file.read().zoomPercent(), "no smaller than 75%");
        appearance.resetZoom();
        assertEquals(ViewSettings.defaults(), file.read());
    }

    @Test
    void anAbsurdZoomInTheFileReadsAs100Percent() throws IOException {
        AppearanceFile file = AppearanceFile.in(folder);
        for (String written : new String[] {"5000", "-3", "0", "abc", "", "99"}) {
            Files.writeString(file.file(), "theme=dark\nzoomPercent=" + written + "\n");
            assertEquals(new ViewSettings(Theme.DARK, ColorScheme.standard(), false, 100), file.read(), written);
        }
        Files.writeString(file.file(), "theme=dark\nzoomPercent= 175\n");
        assertEquals(175, file.read().zoomPercent());
    }
}
