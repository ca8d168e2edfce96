package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.charscope.explore.Discovery;
import org.charscope.explore.Neuron;
import org.charscope.explore.Probe;
import org.charscope.explore.SaturatedUnits;
import org.charscope.explore.StructuredModels;
import org.charscope.explore.TextFeature;
import org.charscope.model.Signal;
import org.charscope.text.Vocabulary;
import org.charscope.text.sample.StructuredTextGenerator;
import org.charscope.train.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The discoveries strip as a person meets it, on a model trained on the generated structured text
 * (1 × 64, 800 iterations, seed 7) reading a held-out passage: the Neurons tab opens on the first
 * card's unit, a click on a card shows its unit where its stretch is, and the switch hides the
 * saturated units from the grid and the lists.
 */
@ExtendWith(ApplicationExtension.class)
class DiscoveryStripTest {

    @TempDir
    static Path dir;
    private static Probed reading;

    private ExplorerModel model;
    private ExplorerPane pane;

    @BeforeAll
    static void train() throws Exception {
        TrainingRun run = StructuredModels.quoteModel(dir);
        String passage = StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED + 1, 2_000);
        reading = Probed.of(Probe.run(run.newModel(), (Vocabulary) run.vocabulary(), passage), 800);
    }

    @Start
    void start(Stage stage) {
        ExplorerOnStage shown = ExplorerOnStage.show(stage, reading);
        model = shown.model();
        pane = shown.pane();
    }

    @Test
    void theTabOpensOnTheFirstCardsUnit(FxRobot robot) {
        Discovery first = cards().get(0);

        assertTrue(first.finding().startsWith(TextFeature.INSIDE_QUOTES.displayName()), first.describe());
        assertEquals(first.neuron(), shownNeuron());
        assertTrue(cardText(robot, 0).startsWith(first.neuron().describe()), cardText(robot, 0));
        assertTrue(legend(robot).startsWith(legendStart(first.neuron())), legend(robot));
        assertTrue(robot.lookup("#discovery-card-0").query().getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")),
                "the card of the unit shown is outlined");
    }

    @Test
    void clickingACardShowsItsUnit(FxRobot robot) {
        for (int i : new int[] {3, 1}) {
            Discovery card = cards().get(i);
            robot.clickOn("#discovery-card-" + i);
            WaitForAsyncUtils.waitForFxEvents();

            assertEquals(card.neuron(), shownNeuron(), "card " + i + ": " + card.describe());
            assertTrue(legend(robot).startsWith(legendStart(card.neuron())), legend(robot));
            assertTrue(cardText(robot, i).contains(card.finding()), cardText(robot, i));
            int[] visible = pane.heatmap().visibleSteps();
            assertTrue(visible[0] <= card.from() && card.from() < visible[1],
                    "the heatmap shows the card's stretch from step " + card.from() + ": " + visible[0] + "–" + visible[1]);
        }
    }

    @Test
    void theSwitchHidesSaturatedUnitsFromTheGridAndTheLists(FxRobot robot) {
        // the quantity with the most saturated units in this reading, so that the switch has something to hide
        Signal quantity = Signal.FORGET_GATE;
        for (Signal q : List.of(Signal.INPUT_GATE, Signal.FORGET_GATE, Signal.OUTPUT_GATE, Signal.TANH_CELL, Signal.HIDDEN)) {
            if (saturated(q).count() > saturated(quantity).count()) {
                quantity = q;
            }
        }
        Signal chosen = quantity;
        robot.interact(() -> model.quantityProperty().set(chosen));
        SaturatedUnits saturated = saturated(chosen);
        assertTrue(saturated.count() > 0 && saturated.count() < saturated.units(), saturated.describe(0));
        assertEquals(saturated.describe(0), robot.lookup("#saturated-count").queryAs(Label.class).getText());
        ListView<ExplorerPane.Entry> neurons = list(robot, "#neuron-list");
        assertEquals(saturated.units(), neurons.getItems().size());

        robot.clickOn("#hide-saturated");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(saturated.units() - saturated.count(), neurons.getItems().size());
        neurons.getItems().forEach(e -> assertFalse(saturated.isSaturated(e.unit()), e.text()));
        NeuronGrid grid = pane.grid();
        assertEquals(neurons.getItems().size(), grid.rowAt(grid.getHeight() - 0.01) + 1, "the grid has a row per unit listed");
        for (ExplorerPane.Entry e : list(robot, "#detector-list").getItems()) {
            assertFalse(SaturatedUnits.isSaturated(reading.matrix(e.layer(), e.quantity()), e.quantity(), e.unit()), e.text());
        }
        for (Discovery card : cards()) {
            Neuron n = card.neuron();
            assertFalse(SaturatedUnits.isSaturated(reading.matrix(n.layer(), n.quantity()), n.quantity(), n.unit()), card.describe());
        }

        robot.clickOn("#hide-saturated");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(saturated.units(), neurons.getItems().size(), "all back");
    }

    private static SaturatedUnits saturated(Signal quantity) {
        return SaturatedUnits.of(reading.matrix(0, quantity), quantity);
    }

    private List<Discovery> cards() {
        return model.discovering().cardsProperty().get();
    }

    private Neuron shownNeuron() {
        return new Neuron(model.layerProperty().get(), model.quantityProperty().get(), model.unitProperty().get());
    }

    /** "colour: tanh(cell) 22 of layer 1 from", as the legend over the heatmap starts. */
    private static String legendStart(Neuron neuron) {
        return "colour: " + neuron.quantity().displayName() + " " + neuron.unit() + " of layer " + (neuron.layer() + 1) + " from";
    }

    private static String legend(FxRobot robot) {
        return robot.lookup("#explorer-legend").queryAs(Label.class).getText();
    }

    /** What the card's name says, its two lines joined by a space, its no-break spaces as spaces. */
    private static String cardText(FxRobot robot, int index) {
        return robot.lookup("#discovery-card-" + index + " .discovery-name").queryAs(Label.class).getText()
                .replace('\n', ' ').replace('\u00A0', ' ');
    }

    @SuppressWarnings("unchecked")
    private static ListView<ExplorerPane.Entry> list(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ListView.class);
    }
}
