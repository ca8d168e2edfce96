package org.charscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.charscope.ui.book.BookModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a person uses it: it opens on the built-in text, takes dropped files, and says what is wrong. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path dir;

    @TempDir
    Path sessionDir;

    private BookModel book;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        book = new BookModel();
        window = TestWindows.open(stage, book, sessionDir, new ScriptedDialogs());
    }

    @Test
    void opensOnTheBuiltInSampleText(FxRobot robot) throws Exception {
        waitForFile(robot, "the-lighthouse-keepers.txt");
        assertEquals("none found: text used whole", label(robot, "#fact-boilerplate"));
        String preview = preview(robot);
        assertTrue(preview.length() > 1000, "the preview shows the start of the text");
    }

    @Test
    void droppedGutenbergFileShowsItsFacts(FxRobot robot) throws Exception {
        waitForFile(robot, "the-lighthouse-keepers.txt");
        Path file = dir.resolve("pg-tiny.txt");
        Files.writeString(file, gutenbergBook(), StandardCharsets.UTF_8);

        robot.interact(() -> FileDrop.drop(window.root(), List.of(file)));

        waitForFile(robot, "pg-tiny.txt");
        assertEquals("The Tiny Tale", label(robot, "#fact-title"));
        assertEquals("A. Writer", label(robot, "#fact-author"));
        assertEquals("header and footer removed", label(robot, "#fact-boilerplate"));
        String preview = preview(robot);
        assertTrue(preview.startsWith("Chapter 1"), "the preview starts after the header: " + preview.substring(0, 40));
        assertTrue(!preview.contains("PROJECT GUTENBERG"), "no boilerplate left in the text");
        waitFor(10, TimeUnit.SECONDS, () -> recentNames(robot).contains("pg-tiny.txt"));
        assertTrue(java.nio.file.Files.readString(sessionDir.resolve("recent.txt")).contains("pg-tiny.txt"),
                "remembered for the next start");
    }

    @Test
    void droppedBinaryFileIsRefusedWithAMessageAndTheBookStays(FxRobot robot) throws Exception {
        waitForFile(robot, "the-lighthouse-keepers.txt");
        String charactersBefore = label(robot, "#fact-characters");
        Path fake = dir.resolve("photo.txt");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Files.write(fake, png);

        robot.interact(() -> FileDrop.drop(window.root(), List.of(fake)));

        waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#error-dialog").queryAll().isEmpty());
        DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("photo.txt"), dialog.getContentText());
        assertTrue(dialog.getContentText().toLowerCase().contains("binary")
                || dialog.getContentText().toLowerCase().contains("not a text"), dialog.getContentText());
        assertEquals("the-lighthouse-keepers.txt", label(robot, "#fact-file"), "the loaded book is kept");
        assertEquals(charactersBefore, label(robot, "#fact-characters"));
    }

    @Test
    void aBinaryFileDraggedOverTheWindowIsRefusedBeforeTheDrop(FxRobot robot) throws Exception {
        waitForFile(robot, "the-lighthouse-keepers.txt");
        Path fake = dir.resolve("photo.txt");
        Files.write(fake, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path good = dir.resolve("pg-tiny.txt");
        Files.writeString(good, gutenbergBook(), StandardCharsets.UTF_8);

        robot.interact(() -> FileDrop.dragOver(window.root(), List.of(fake)));
        waitFor(10, TimeUnit.SECONDS, () -> label(robot, "#drop-note").startsWith("Cannot open"));
        assertEquals("Cannot open: photo.txt looks like a binary file (it contains NUL bytes), not plain text",
                label(robot, "#drop-note"));
        assertTrue(robot.lookup("#drop-note").query().isVisible());

        robot.interact(() -> FileDrop.dragOver(window.root(), List.of(good)));
        waitFor(10, TimeUnit.SECONDS, () -> label(robot, "#drop-note").equals("Drop to open pg-tiny.txt"));
    }

    private static String gutenbergBook() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            body.append("The small boat went out at dawn and came back at dusk, every day of the year.\r\n");
        }
        return "The Project Gutenberg eBook of The Tiny Tale\r\n\r\n"
                + "Title: The Tiny Tale\r\n\r\nAuthor: A. Writer\r\n\r\n"
                + "*** START OF THE PROJECT GUTENBERG EBOOK THE TINY TALE ***\r\n\r\n"
                + "Chapter 1\r\n\r\n" + body
                + "\r\n*** END OF THE PROJECT GUTENBERG EBOOK THE TINY TALE ***\r\n"
                + "Updated editions will replace the previous one.\r\n";
    }

    private static java.util.List<String> recentNames(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().get(0).getItems().stream()
                .filter(item -> "menu-recent".equals(item.getId()))
                .flatMap(item -> ((javafx.scene.control.Menu) item).getItems().stream())
                .map(javafx.scene.control.MenuItem::getText).toList();
    }

    /** The Text tab's preview, read as a person reads it: the tab opened first. */
    private static String preview(FxRobot robot) {
        TabPane tabs = robot.lookup("#main-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> "tab-text".equals(t.getId())).findFirst().orElseThrow()));
        return robot.lookup("#preview-text").queryAs(TextArea.class).getText();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void waitForFile(FxRobot robot, String name) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> name.equals(label(robot, "#fact-file")) && !book.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
