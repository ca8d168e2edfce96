package org.charscope.ui;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.charscope.model.NativeSetup;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Help ▸ About: what CharScope is and the versions under it (Java, JavaFX, ND4J's backend, the
 * BLAS and its threads). ND4J is asked in the background: loading it can take a second.
 */
final class AboutBox {

    private AboutBox() {
    }

    static void show(Window owner) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(owner);
        about.setHeaderText("CharScope " + version());
        about.getDialogPane().setId("about-dialog");
        about.getDialogPane().setMinWidth(560);
        about.setResizable(true);
        about.setContentText(text("ND4J: loading…"));
        about.show();
        CompletableFuture.supplyAsync(AboutBox::nd4j).thenAccept(nd4j -> Platform.runLater(() ->
                about.setContentText(text(nd4j))));
    }

    private static String text(String nd4j) {
        return "Watch a character-level LSTM learn a book.\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?")) + "\n"
                + nd4j + "\n"
                + "Processors: " + Runtime.getRuntime().availableProcessors();
    }

    private static String version() {
        String version = AboutBox.class.getPackage().getImplementationVersion();
        return version == null ? "(development)" : version;
    }

    private static String nd4j() {
        try {
            NativeSetup.ensureConfigured();
            var backend = Nd4j.getBackend();
            var blas = Nd4j.factory().blas();
            return "ND4J backend: " + backend.getClass().getSimpleName() + " · BLAS: " + blas.getBlasVendor()
                    + " · BLAS threads: " + blas.getMaxThreads() + " · OMP threads: "
                    + Nd4j.getEnvironment().maxThreads();
        } catch (Throwable e) {
            return "ND4J: not available (" + e.getMessage() + ")";
        }
    }
}
