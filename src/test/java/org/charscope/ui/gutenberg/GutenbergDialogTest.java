package org.charscope.ui.gutenberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.charscope.gutenberg.BookCache;
import org.charscope.gutenberg.DownloadSettings;
import org.charscope.gutenberg.FakeGutenberg;
import org.charscope.gutenberg.GutenbergClient;
import org.charscope.ui.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The download window as a person uses it, against a fake Project Gutenberg on loopback. */
@ExtendWith(ApplicationExtension.class)
class GutenbergDialogTest {

    @TempDir
    Path folder;

    private final FakeGutenberg site = new FakeGutenberg();
    private final AtomicReference<Path> opened = new AtomicReference<>();
    private Path cacheFolder;

    @Start
    void start(Stage owner) {
        cacheFolder = folder.resolve("cache");
        // Timeouts long enough that only what a test does ends a download.
        GutenbergClient client = new GutenbergClient(new DownloadSettings(site.uri(), Duration.ofSeconds(5),
                Duration.ofSeconds(30), 1024 * 1024), new BookCache(cacheFolder));
        owner.setScene(new Scene(new StackPane(), 300, 200));
        owner.show();
        new GutenbergDialog(client, opened::set).show(owner);
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void aTypedNumberIsDownloadedAndHandedOn(FxRobot robot) throws Exception {
        site.serve("/cache/epub/1342/pg1342.txt", FakeGutenberg.book());

        robot.clickOn("#gutenberg-number").write("1342");
        robot.clickOn("#gutenberg-download");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> opened.get() != null);
        assertEquals(cacheFolder.resolve("pg1342.txt"), opened.get());
        assertEquals(FakeGutenberg.BOOK, Files.readString(opened.get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#gutenberg-number").tryQuery().isEmpty(), "the window closed");
    }

    @Test
    void aMissingBookShowsWhyInTheErrorLine(FxRobot robot) throws Exception {
        robot.clickOn("#gutenberg-number").write("https://www.gutenberg.org/ebooks/4242");
        robot.clickOn("#gutenberg-download");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !errorText(robot).isEmpty());
        assertEquals("book 4242 not found on Project Gutenberg", errorText(robot));
        assertNull(opened.get());
        assertFalse(robot.lookup("#gutenberg-download").query().isDisabled(), "ready to try another number");
        Screenshots.save(robot, root(robot), Path.of("target", "screenshots", "gutenberg-dialog-error.png"));
    }

    @Test
    void inputThatNamesNoBookIsRefusedWithoutARequest(FxRobot robot) {
        robot.clickOn("#gutenberg-number").write("pride and prejudice");
        robot.clickOn("#gutenberg-download");

        assertTrue(errorText(robot).startsWith("\"pride and prejudice\" is not a book number"), errorText(robot));
        assertEquals(List.of(), site.requested());
    }

    @Test
    void cancelStopsTheDownloadAndKeepsNothing(FxRobot robot) throws Exception {
        site.serve("/cache/epub/1342/pg1342.txt", site.stalling(3 * 1024, 1024));

        robot.clickOn("1342 · Pride and Prejudice · Jane Austen");
        assertEquals("1342", robot.lookup("#gutenberg-number").queryAs(TextField.class).getText(),
                "a classic fills in its number");
        robot.clickOn("#gutenberg-download");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#gutenberg-status").queryAs(Label.class).getText().equals("1 KB of 3 KB"));
        assertEquals(1.0 / 3, robot.lookup("#gutenberg-progress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        Screenshots.save(robot, root(robot), Path.of("target", "screenshots", "gutenberg-dialog.png"));

        robot.clickOn("#gutenberg-cancel");

        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS,
                () -> robot.lookup("#gutenberg-status").queryAs(Label.class).getText().equals("Cancelled"));
        assertEquals("", errorText(robot), "a cancel is not an error");
        assertNull(opened.get());
        assertFalse(Files.exists(cacheFolder) && Files.list(cacheFolder).findAny().isPresent(), "nothing cached");
        assertTrue(robot.lookup("#gutenberg-number").tryQuery().isPresent(), "the window stays open to try again");
    }

    private static String errorText(FxRobot robot) {
        return robot.lookup("#gutenberg-error").queryAs(Label.class).getText();
    }

    private static javafx.scene.Node root(FxRobot robot) {
        return robot.lookup("#gutenberg-dialog").query();
    }
}
