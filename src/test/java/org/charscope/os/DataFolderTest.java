package org.charscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    private static final Map<String, String> NO_VARIABLES = Map.of();

    @Test
    void linuxKeepsTheFolderItAlwaysHad() {
        assertEquals(Path.of("/home/ann/.charscope"), DataFolder.of(Os.LINUX, "/home/ann", NO_VARIABLES, null));
        assertEquals(Path.of("/home/ann/.charscope"), DataFolder.of(Os.OTHER, "/home/ann", NO_VARIABLES, null));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of("/Users/ann/Library/Application Support/CharScope"),
                DataFolder.of(Os.MAC, "/Users/ann", NO_VARIABLES, null));
    }

    @Test
    void windowsUsesLocalAppDataOrItsUsualPlace() {
        String local = "C:\\Users\\ann\\AppData\\Local";
        assertEquals(Path.of(local, "CharScope"),
                DataFolder.of(Os.WINDOWS, "C:\\Users\\ann", Map.of("LOCALAPPDATA", local), null));
        assertEquals(Path.of("C:\\Users\\ann", "AppData", "Local", "CharScope"),
                DataFolder.of(Os.WINDOWS, "C:\\Users\\ann", NO_VARIABLES, null));
        assertEquals(Path.of("C:\\Users\\ann", "AppData", "Local", "CharScope"),
                DataFolder.of(Os.WINDOWS, "C:\\Users\\ann", Map.of("LOCALAPPDATA", " "), null), "blank counts as unset");
    }

    @Test
    void charscopeHomeOverridesEveryOs() {
        for (Os os : Os.values()) {
            assertEquals(Path.of("/tmp/profile"), DataFolder.of(os, "/home/ann", Map.of("LOCALAPPDATA", "L"), "/tmp/profile"), os.name());
            assertEquals(DataFolder.of(os, "/home/ann", NO_VARIABLES, null), DataFolder.of(os, "/home/ann", NO_VARIABLES, ""),
                    "an empty -Dcharscope.home= is no override");
        }
    }

    @Test
    void theCurrentFolderFollowsTheProperty() {
        String before = System.getProperty(DataFolder.PROPERTY);
        try {
            System.setProperty(DataFolder.PROPERTY, "/tmp/charscope-test-home");
            assertEquals(Path.of("/tmp/charscope-test-home"), DataFolder.current());
        } finally {
            if (before == null) {
                System.clearProperty(DataFolder.PROPERTY);
            } else {
                System.setProperty(DataFolder.PROPERTY, before);
            }
        }
    }
}
