package org.charscope.ui.start;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.charscope.gutenberg.Classic;
import org.charscope.gutenberg.Classics;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.RunState;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The first minute: while the window shows the built-in sample and nothing has been trained, a
 * card over the loss chart offers three ways in (the sample, a classic in one click, a file of
 * one's own) and says in one sentence what Train will do. It goes as soon as training starts or
 * another text opens, and never blocks the window: everything else stays usable around it.
 */
public final class StartCard extends VBox {

    /** What the three ways in do; the window knows how. */
    public interface Ways {
        void trainOnSample();

        void openClassic(Classic classic);

        void openOwnFile();
    }

    public StartCard(BookModel book, DashboardModel dashboard, Ways ways) {
        setId("start-card");
        getStyleClass().add("start-card");
        setSpacing(12);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // Where the tab is shorter than the card (200% on a laptop) the card is cut at its own
        // edge rather than making the tab taller than the window; clipped only then, since a clip
        // also cuts away the card's shadow.
        setMinHeight(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        heightProperty().addListener((obs, old, height) ->
                setClip(height.doubleValue() < prefHeight(getWidth()) - 0.5 ? clip : null));

        Label title = new Label("Watch a neural network learn to write");
        title.getStyleClass().add("start-title");
        Label what = new Label("Press Train and a small LSTM reads the text one character at a time, guessing the "
                + "next: the loss below falls as it learns, and every few hundred steps it writes a sample of its own.");
        what.setWrapText(true);
        what.getStyleClass().add("start-what");   // its width in em: zoomed, it keeps its lines rather than adding more

        Button sample = new Button("Train on the built-in story", new FontIcon("mdi2p-play"));
        sample.setId("start-sample");
        sample.setDefaultButton(true);
        sample.setOnAction(e -> ways.trainOnSample());
        Button own = new Button("Open your own .txt file…", new FontIcon("mdi2f-folder-open-outline"));
        own.setId("start-own-file");
        own.setOnAction(e -> ways.openOwnFile());
        HBox buttons = new HBox(10, sample, own);
        buttons.setAlignment(Pos.CENTER_LEFT);

        FlowPane classics = new FlowPane(4, 2);
        classics.prefWrapLengthProperty().bind(what.maxWidthProperty());
        classics.getChildren().add(new Label("Or a classic from Project Gutenberg:"));
        for (Classic classic : Classics.ALL) {
            Hyperlink link = new Hyperlink(classic.title());
            link.setId("start-classic-" + classic.number());
            link.setOnAction(e -> ways.openClassic(classic));
            classics.getChildren().add(link);
        }
        getChildren().addAll(title, what, buttons, classics);

        BooleanBinding firstMinute = Bindings.createBooleanBinding(
                () -> book.sourcesProperty().get().isEmpty() && !book.loadingProperty().get()
                        && dashboard.stateProperty().get() == RunState.IDLE
                        && dashboard.iterationProperty().get() == 0,
                book.sourcesProperty(), book.loadingProperty(), dashboard.stateProperty(),
                dashboard.iterationProperty());
        visibleProperty().bind(firstMinute);
        managedProperty().bind(firstMinute);
    }
}
