package org.charscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer's per-OS launcher settings, as jpackage reads them: jpackage.cfg for every OS
 * plus jpackage-linux.cfg, jpackage-mac.cfg or jpackage-windows.cfg (docs/platforms.md). What
 * each OS's jpackage insists on is checked here, on any machine, since no machine can build
 * another OS's installer.
 */
class InstallerOptionsTest {

    private static final Map<Os, String> FILES = Map.of(Os.LINUX, "jpackage-linux.cfg", Os.MAC, "jpackage-mac.cfg",
            Os.WINDOWS, "jpackage-windows.cfg");
    private static final Map<Os, String> ICON_TYPES = Map.of(Os.LINUX, ".png", Os.MAC, ".icns", Os.WINDOWS, ".ico");

    /** One option line: {@code --name value}, the value unquoted ("" for a flag). */
    record Option(String name, String value) {
    }

    @Test
    void theCommonFileHoldsNothingThatDiffersByOs() throws IOException {
        for (Option option : options("jpackage.cfg")) {
            assertFalse(option.name().matches("--(icon|app-version|resource-dir|linux-.*|mac-.*|win-.*|add-launcher)"),
                    option.name() + " belongs in an OS's file");
        }
    }

    @Test
    void eachOsHasOneVersionAndAnIconOfTheTypeItsJpackageTakes() throws IOException {
        for (Os os : FILES.keySet()) {
            List<Option> options = options(FILES.get(os));
            assertEquals(1, count(options, "--app-version"), FILES.get(os));
            String icon = value(options, "--icon");
            assertTrue(icon.endsWith(ICON_TYPES.get(os)), os + ": " + icon);
            assertTrue(Files.size(Path.of(icon)) > 1000, icon + " is there");
            for (Option option : options) {
                String prefix = option.name().replaceAll("^--(linux|mac|win)-.*", "$1");
                assertTrue(option.name().equals(prefix) || prefix.equals(os == Os.MAC ? "mac" : os == Os.WINDOWS ? "win" : "linux"),
                        FILES.get(os) + " names another OS's option " + option.name());
            }
        }
    }

    @Test
    void eachLinuxPackageNamesWhatItNeedsInItsOwnWords() throws IOException {
        assertEquals(0, count(options(FILES.get(Os.LINUX)), "--linux-package-deps"), "deb and rpm name them differently");
        assertTrue(value(options("jpackage-linux-deb.cfg"), "--linux-package-deps").contains("libgtk-3-0"));
        assertTrue(value(options("jpackage-linux-rpm.cfg"), "--linux-package-deps").contains("libgtk-3.so.0()(64bit)"));
    }

    @Test
    void macOsGetsAVersionThatDoesNotStartWithZero() throws IOException {
        String version = value(options(FILES.get(Os.MAC)), "--app-version");
        assertTrue(Integer.parseInt(version.split("\\.")[0]) >= 1, "macOS refuses " + version);
    }

    @Test
    void windowsHasAConsoleLauncherForTheCommandLine() throws IOException {
        String launcher = value(options(FILES.get(Os.WINDOWS)), "--add-launcher");
        String[] nameAndFile = launcher.split("=", 2);
        assertFalse(nameAndFile[0].equalsIgnoreCase("CharScope"), "Windows file names ignore case: it would replace CharScope.exe");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(nameAndFile[1]))) {
            properties.load(reader);
        }
        assertEquals("true", properties.getProperty("win-console"));
    }

    @Test
    void onlyLinuxLoadsUnpackedNatives() throws IOException {
        // the pom unpacks ND4J's libraries into native/ on Linux only; elsewhere JavaCPP extracts them
        for (Os os : FILES.keySet()) {
            boolean pointsAtNative = options(FILES.get(os)).stream().anyMatch(o -> o.value().contains("$APPDIR/native"));
            assertEquals(os == Os.LINUX, pointsAtNative, FILES.get(os));
        }
    }

    @Test
    void theParserReadsQuotesAndSkipsComments(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("x.cfg"), "# --icon no\n--name CharScope\n--vendor \"Char Scope\"\n\n--linux-shortcut\n");
        assertEquals(List.of(new Option("--name", "CharScope"), new Option("--vendor", "Char Scope"), new Option("--linux-shortcut", "")),
                options(file.toString()));
    }

    private static List<Option> options(String file) throws IOException {
        List<Option> options = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            options.add(new Option(parts[0], parts.length < 2 ? "" : parts[1].replaceAll("^\"|\"$", "")));
        }
        return options;
    }

    private static long count(List<Option> options, String name) {
        return options.stream().filter(o -> o.name().equals(name)).count();
    }

    private static String value(List<Option> options, String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name)).value();
    }
}
