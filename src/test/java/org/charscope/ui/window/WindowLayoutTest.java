package org.charscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowLayoutTest {

    @TempDir
    Path folder;

    @Test
    void aLayoutWrittenIsReadBackWhole() throws Exception {
        var layout = new WindowLayout(12, 34, 1000, 700, true, Map.of("training-split", new double[] {0.3}),
                "tab-explorer", List.of("first-reading"), List.of("settings-more"));
        layout.writeTo(folder);
        WindowLayout read = WindowLayout.readFrom(folder);
        assertEquals(12, read.x());
        assertEquals(700, read.height());
        assertTrue(read.maximized());
        assertArrayEquals(new double[] {0.3}, read.dividers().get("training-split"));
        assertEquals("tab-explorer", read.tab());
        assertEquals(List.of("first-reading"), read.dismissedHints());
        assertEquals(List.of("settings-more"), read.openSections());
    }

    @Test
    void noFileOrABrokenFileStartsAfresh() throws Exception {
        assertFalse(WindowLayout.readFrom(folder).hasBounds());
        Files.writeString(folder.resolve(WindowLayout.FILE), "{\"x\": [oops", StandardCharsets.UTF_8);
        assertFalse(WindowLayout.readFrom(folder).hasBounds());
        Files.writeString(folder.resolve(WindowLayout.FILE), "[1, 2]", StandardCharsets.UTF_8);
        assertFalse(WindowLayout.readFrom(folder).hasBounds());
        Files.writeString(folder.resolve(WindowLayout.FILE), "{\"x\":1,\"y\":2,\"width\":900,\"height\":600}",
                StandardCharsets.UTF_8);
        WindowLayout partial = WindowLayout.readFrom(folder);
        assertTrue(partial.hasBounds());
        assertTrue(partial.dividers().isEmpty(), "what a file lacks reads as nothing remembered");
        assertTrue(partial.dismissedHints().isEmpty());
        assertTrue(partial.openSections().isEmpty(), "a file from before sections were kept opens none");
    }
}
