package org.charscope.ui.explorer;

import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.charscope.ui.MainWindow;
import org.charscope.ui.history.SnapshotShelf;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.TrainingController;

/** The Neurons tab alone on a stage, at the window's opening size (1180 × 760), showing a reading. */
record ExplorerOnStage(ExplorerModel model, ExplorerPane pane) {

    static ExplorerOnStage show(Stage stage, Probed reading) {
        ExplorerModel model = new ExplorerModel(new TrainingController(new DashboardModel(System::currentTimeMillis, () -> { })),
                new SnapshotShelf());
        ExplorerPane pane = new ExplorerPane(model, FXCollections.observableArrayList());
        Scene scene = new Scene(pane, 1180, 760);
        scene.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.show(reading);
        return new ExplorerOnStage(model, pane);
    }
}
