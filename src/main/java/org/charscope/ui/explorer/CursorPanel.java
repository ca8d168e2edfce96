package org.charscope.ui.explorer;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.charscope.explore.Attribution;
import org.charscope.explore.ShownSymbol;
import org.charscope.explore.StepPrediction;

/**
 * What the character cursor shows beside the passage: the character and the true next one, the
 * model's five guesses with probability bars (the true next one marked), the ten units of the
 * shown layer that changed most at that step (click to show one), and which earlier characters
 * raised or lowered the probability of the true next one most.
 */
final class CursorPanel extends VBox {

    private static final double BAR_WIDTH = 120;
    private static final int STRONGEST = 6;

    private final ExplorerModel model;
    private final CharacterCursor cursor;
    private final Label header = new Label("Click a character of the passage, or hover it; ← and → move along.");
    private final VBox guesses = new VBox(2);
    private final VBox units = new VBox(1);
    private final Label why = new Label();
    private final Label status = new Label();
    private final Button occlusion = new Button("Cross-check by occlusion");

    CursorPanel(ExplorerModel model) {
        super(6);
        this.model = model;
        this.cursor = model.cursor();
        setId("cursor-panel");
        header.setId("cursor-header");
        header.setWrapText(true);
        guesses.setId("cursor-guesses");
        units.setId("cursor-units");
        why.setId("cursor-why");
        why.setWrapText(true);
        status.setId("cursor-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        status.textProperty().bind(cursor.statusProperty());
        Label changed = new Label("Changed most at this step");
        changed.getStyleClass().add("heading");
        Label explained = new Label("Why this guess");
        explained.getStyleClass().add("heading");
        occlusion.setId("cursor-occlusion");
        occlusion.setOnAction(e -> cursor.crossCheck());
        occlusion.disableProperty().bind(cursor.attributionProperty().isNull());
        getChildren().addAll(header, guesses, changed, units, explained, why, occlusion, status);
        cursor.stepProperty().addListener(o -> refresh());
        model.probedProperty().addListener(o -> refresh());
        model.layerProperty().addListener(o -> refresh());
        model.quantityProperty().addListener(o -> refresh());
        cursor.attributionProperty().addListener(o -> showWhy());
    }

    private void refresh() {
        guesses.getChildren().clear();
        units.getChildren().clear();
        Probed probed = model.probedProperty().get();
        int t = cursor.stepProperty().get();
        if (probed == null || t < 0 || t >= probed.steps()) {
            header.setText("Click a character of the passage, or hover it; ← and → move along.");
            showWhy();
            return;
        }
        StepPrediction guess = probed.predictions().step(t);
        header.setText(String.format(Locale.ROOT, "%s at %,d%s", ShownSymbol.of(probed.codePoints()[t]), t,
                guess.hasTrueNext() ? String.format(Locale.ROOT, " · next %s, p %.3f",
                        ShownSymbol.of(CellDescription.codePointOf(probed, guess.trueNextId())), guess.trueNextProbability())
                        : ""));
        int[] ids = guess.topIds();
        float[] ps = guess.topProbabilities();
        for (int k = 0; k < ids.length; k++) {
            boolean trueNext = guess.hasTrueNext() && ids[k] == guess.trueNextId();
            Region bar = new Region();
            bar.setMinWidth(Math.max(1, ps[k] * BAR_WIDTH));
            bar.setMaxWidth(Math.max(1, ps[k] * BAR_WIDTH));
            bar.setMinHeight(10);
            bar.getStyleClass().add("cursor-guess-bar");
            if (trueNext) {
                bar.getStyleClass().add("true-next");
            }
            Label symbol = new Label(ShownSymbol.of(CellDescription.codePointOf(probed, ids[k])));
            symbol.setMinWidth(28);
            Label p = new Label(String.format(Locale.ROOT, "%.3f%s", ps[k], trueNext ? "  ✓ true next" : ""));
            HBox row = new HBox(6, symbol, bar, p);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("cursor-guess-" + k);
            guesses.getChildren().add(row);
        }
        var values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        for (int unit : cursor.mostChangedUnits()) {
            double before = t == 0 ? 0 : values.value(t - 1, unit);
            Button show = new Button(String.format(Locale.ROOT, "%s %d: %+.3f → %.3f",
                    model.quantityProperty().get().displayName(), unit, values.value(t, unit) - before,
                    values.value(t, unit)));
            show.getStyleClass().add("flat");
            show.setOnAction(e -> model.unitProperty().set(unit));
            units.getChildren().add(show);
        }
        showWhy();
    }

    private void showWhy() {
        Attribution a = cursor.attributionProperty().get();
        if (a == null) {
            why.setText("");
            return;
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "p(%s next) = %.3f after reading characters %,d to %,d. Strongest (gradient × input):",
                ShownSymbol.of(a.target()), a.probability(), a.from(), a.at()));
        for (Attribution.Contribution c : a.strongest(STRONGEST)) {
            text.append(String.format(Locale.ROOT, "\n  %s at %,d  %+.3f%s", ShownSymbol.of(c.codePoint()), c.position(),
                    c.score(), Double.isNaN(c.occlusion()) ? ""
                            : String.format(Locale.ROOT, "   occluded by a space: %+.3f", c.occlusion())));
        }
        why.setText(text.toString());
    }
}
