package org.charscope.ui.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.charscope.ui.MainWindow;
import org.charscope.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline: samples appear, one selected is read in full, two are compared, one is copied. */
@ExtendWith(ApplicationExtension.class)
class SamplesPaneTest {

    private final ObservableList<SampleEntry> samples = FXCollections.observableArrayList();
    private String lastPrime;
    private SamplesPane pane;

    @Start
    void start(Stage stage) {
        samples.addAll(
                new SampleEntry(100, 0.05, Double.NaN, 0.8, "", "tha hoe sn  t e woe"),
                new SampleEntry(500, 0.25, 2.41, 0.8, "", "The bout wis gone to the harbour"),
                new SampleEntry(2000, 1.0, 1.62, 0.8, "", "\"Where is the boat?\" said Nell.\nThe keeper laughed."));
        pane = new SamplesPane(samples, (temperature, prime) -> {
            lastPrime = prime;
            return CompletableFuture.supplyAsync(() -> prime + " and the light went round at " + temperature);
        });
        Scene scene = new Scene(pane, 820, 560);
        scene.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private ListView<SampleEntry> timeline(FxRobot robot) {
        return robot.lookup("#sample-timeline").queryAs(ListView.class);
    }

    @Test
    void selectingTwoComparesThemSideBySide(FxRobot robot) {
        robot.clickOn("iteration 500 · epoch 0.25 · val 2.410 nats · T 0.80");
        assertEquals("The bout wis gone to the harbour", robot.lookup("#sample-left").queryAs(TextArea.class).getText());
        assertTrue(robot.lookup("#sample-right").queryAll().isEmpty(), "one selected: no second column");

        robot.press(KeyCode.CONTROL).clickOn("iteration 2,000 · epoch 1.00 · val 1.620 nats · T 0.80").release(KeyCode.CONTROL);

        assertEquals("\"Where is the boat?\" said Nell.\nThe keeper laughed.",
                robot.lookup("#sample-right").queryAs(TextArea.class).getText());
        assertEquals("The bout wis gone to the harbour", robot.lookup("#sample-left").queryAs(TextArea.class).getText());
        Screenshots.save(robot, pane, Path.of("target", "screenshots", "samples.png"));
    }

    @Test
    void copyPutsTheSelectedSampleOnTheClipboard(FxRobot robot) {
        robot.clickOn("iteration 100 · epoch 0.05 · no validation yet · T 0.80");
        robot.clickOn("#sample-copy");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("tha hoe sn  t e woe", copied[0]);
    }

    @Test
    void sampleNowShowsTheTextWithItsPrime(FxRobot robot) throws Exception {
        robot.clickOn("#sample-prime").write("Nell");
        robot.clickOn("#sample-now");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#sample-left").queryAs(TextArea.class).getText().startsWith("Nell and the light"));
        assertEquals("Nell", lastPrime);
        assertEquals("", robot.lookup("#sample-status").queryAs(Label.class).getText());
    }

    @Test
    void newSamplesJoinTheTimeline(FxRobot robot) {
        robot.interact(() -> samples.add(new SampleEntry(4000, 2.0, 1.5, 0.8, "", "A new one")));
        assertEquals(4, timeline(robot).getItems().size());
        assertTrue(robot.lookup("A new one").tryQuery().isPresent(), "the new sample is visible");
    }
}
