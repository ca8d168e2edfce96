package org.charscope.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.charscope.io.AtomicFile;
import org.charscope.ui.theme.WindowZoom;

/**
 * A pane as a PNG, at screen resolution or 2× for slides and print. The picture is taken on the
 * FX thread ({@link #snapshot}); encoding and writing it ({@link #write}) happen elsewhere, so
 * the window never waits on the disk.
 */
public final class PictureExport {

    private PictureExport() {
    }

    /**
     * What the node shows now at 100% zoom, scaled by {@code scale} (1 or 2): View ▸ Zoom suits
     * the screen and never changes a picture. Call on the FX thread.
     */
    public static BufferedImage snapshot(Node node, double scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage image = WindowZoom.atNormalSize(node, () -> node.snapshot(parameters, null));
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Encodes and writes the picture (atomically); call off the FX thread. */
    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFile.write(file, png -> {
            if (!ImageIO.write(image, "png", png)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
