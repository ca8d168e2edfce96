package org.charscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.charscope.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeOptionTest {

    @Test
    void theOptionComesOffTheFilesToOpen(@TempDir Path folder) throws IOException {
        String book = Files.writeString(folder.resolve("book.txt"), "text").toString();

        ThemeOption option = ThemeOption.read(new String[] {"--theme", "dark", book}, null);
        ThemeOption joined = ThemeOption.read(new String[] {book, "--theme=LIGHT"}, "dark");

        assertEquals(Optional.of(Theme.DARK), option.theme());
        assertArrayEquals(new String[] {book}, option.rest());
        assertNull(option.problem());
        assertEquals(Optional.of(Theme.LIGHT), joined.theme(), "the flag wins over the property");
    }

    @Test
    void anotherValueOrACommandIsRefusedInOneLine() {
        ThemeOption sepia = ThemeOption.read(new String[] {"--theme", "sepia"}, null);
        ThemeOption missing = ThemeOption.read(new String[] {"--theme"}, null);
        ThemeOption command = ThemeOption.read(new String[] {"--theme", "dark", "inspect", "book.txt"}, null);
        ThemeOption property = ThemeOption.read(new String[0], "blue");

        assertEquals("charscope: --theme must be light or dark, not 'sepia'", sepia.problem());
        assertEquals("charscope: --theme must be light or dark, not ''", missing.problem());
        assertTrue(command.problem().startsWith("charscope: --theme is for the window"), command.problem());
        assertTrue(command.problem().endsWith("not with 'inspect'"), command.problem());
        assertEquals("charscope: -Dcharscope.theme must be light or dark, not 'blue'", property.problem());
        assertTrue(sepia.problem().lines().count() == 1 && command.problem().lines().count() == 1);
    }

    @Test
    void thePropertyAloneOpensTheWindowInItsThemeAndACommandIgnoresIt() {
        ThemeOption window = ThemeOption.read(new String[0], "dark");
        ThemeOption command = ThemeOption.read(new String[] {"inspect", "book.txt"}, "sepia");

        assertEquals(Optional.of(Theme.DARK), window.theme());
        assertNull(command.problem());
        assertArrayEquals(new String[] {"inspect", "book.txt"}, command.rest());
    }
}
