package org.charscope.ui.window;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: where it was, if that place is still on a screen, else centred on the
 * primary screen at {@value #FIRST_START_SHARE} of it. A screen unplugged since the last start
 * (a projector, a second monitor) must not leave the window out of sight.
 */
public final class WindowPlacement {

    /** The share of the primary screen's width and height the window takes at its first start. */
    static final double FIRST_START_SHARE = 0.9;

    /** How much of the title bar must lie on some screen for the window to be reachable. */
    static final double REACHABLE_PIXELS = 60;

    /** Smaller than this and the panes no longer fit; a saved size below it is raised. */
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 560;

    private WindowPlacement() {
    }

    /**
     * @param layout  what was remembered
     * @param screens the visual bounds of the screens there are now, the primary first
     * @return the bounds to open at
     */
    public static Rectangle2D place(WindowLayout layout, List<Rectangle2D> screens) {
        Rectangle2D primary = screens.get(0);
        if (layout.hasBounds()) {
            double width = Math.min(Math.max(layout.width(), MIN_WIDTH), widest(screens));
            double height = Math.min(Math.max(layout.height(), MIN_HEIGHT), tallest(screens));
            Rectangle2D titleBar = new Rectangle2D(layout.x(), layout.y(), width, Math.min(height, 30));
            for (Rectangle2D screen : screens) {
                if (overlap(titleBar, screen) >= REACHABLE_PIXELS) {
                    return new Rectangle2D(layout.x(), layout.y(), width, height);
                }
            }
        }
        double width = Math.round(primary.getWidth() * FIRST_START_SHARE);
        double height = Math.round(primary.getHeight() * FIRST_START_SHARE);
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height);
    }

    /** The width of the part of {@code bar} that lies on {@code screen}, or 0 when it is above or below it. */
    private static double overlap(Rectangle2D bar, Rectangle2D screen) {
        boolean rowsMeet = bar.getMinY() >= screen.getMinY() && bar.getMinY() < screen.getMaxY() - 10;
        double left = Math.max(bar.getMinX(), screen.getMinX());
        double right = Math.min(bar.getMaxX(), screen.getMaxX());
        return rowsMeet ? Math.max(0, right - left) : 0;
    }

    private static double widest(List<Rectangle2D> screens) {
        return screens.stream().mapToDouble(Rectangle2D::getWidth).max().orElseThrow();
    }

    private static double tallest(List<Rectangle2D> screens) {
        return screens.stream().mapToDouble(Rectangle2D::getHeight).max().orElseThrow();
    }
}
