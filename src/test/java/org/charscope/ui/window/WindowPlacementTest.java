package org.charscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1366, 0, 1920, 1050);

    private static WindowLayout at(double x, double y, double width, double height) {
        return new WindowLayout(x, y, width, height, false, Map.of(), null, List.of(), List.of());
    }

    @Test
    void theFirstStartTakesNineTenthsOfThePrimaryScreenCentred() {
        Rectangle2D placed = WindowPlacement.place(WindowLayout.firstStart(), List.of(LAPTOP, PROJECTOR));
        assertEquals(new Rectangle2D(68.5, 37, 1229, 666), placed);
    }

    @Test
    void aWindowOnAScreenThatStillExistsOpensWhereItWas() {
        Rectangle2D placed = WindowPlacement.place(at(1500, 100, 1400, 900), List.of(LAPTOP, PROJECTOR));
        assertEquals(new Rectangle2D(1500, 100, 1400, 900), placed);
    }

    @Test
    void aWindowLeftOnAnUnpluggedProjectorComesBackToTheLaptop() {
        Rectangle2D placed = WindowPlacement.place(at(1500, 100, 1400, 900), List.of(LAPTOP));
        assertEquals(new Rectangle2D(68.5, 37, 1229, 666), placed);
    }

    @Test
    void aWindowWhoseTitleBarIsAboveTheScreenIsFittedAgain() {
        Rectangle2D placed = WindowPlacement.place(at(100, -500, 1000, 700), List.of(LAPTOP));
        assertEquals(LAPTOP.getWidth() * 0.9, placed.getWidth(), 1);
    }

    @Test
    void aTinyOrHugeSavedSizeIsBroughtWithinLimits() {
        assertEquals(new Rectangle2D(10, 10, 800, 560), WindowPlacement.place(at(10, 10, 100, 50), List.of(LAPTOP)));
        Rectangle2D huge = WindowPlacement.place(at(10, 10, 5000, 4000), List.of(LAPTOP));
        assertEquals(1366, huge.getWidth());
        assertEquals(740, huge.getHeight());
    }
}
