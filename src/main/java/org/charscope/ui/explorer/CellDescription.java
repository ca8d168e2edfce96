package org.charscope.ui.explorer;

import java.util.Locale;
import org.charscope.explore.NeuronMatrix;
import org.charscope.explore.ShownSymbol;
import org.charscope.explore.StepPrediction;

/** The line under the heatmap for the character under the mouse: its value and the guesses after it. */
final class CellDescription {

    private CellDescription() {
    }

    /** "'e' · layer 1 · tanh(cell) 37 = 0.832 · next: space 0.41, n 0.12, …" */
    static String of(ExplorerModel model, int step) {
        Probed probed = model.probedProperty().get();
        NeuronMatrix values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        StepPrediction guess = probed.predictions().step(step);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s · layer %d · %s %d = %.3f · next:",
                ShownSymbol.of(probed.codePoints()[step]), model.layerProperty().get() + 1,
                model.quantityProperty().get().displayName(), model.unitProperty().get(),
                values.value(step, model.unitProperty().get())));
        int[] ids = guess.topIds();
        float[] ps = guess.topProbabilities();
        for (int k = 0; k < ids.length; k++) {
            text.append(String.format(Locale.ROOT, " %s %.2f", ShownSymbol.of(codePointOf(probed, ids[k])), ps[k]));
        }
        if (guess.hasTrueNext()) {
            text.append(String.format(Locale.ROOT, " · true next %s: p %.3f, %.1f bits",
                    ShownSymbol.of(codePointOf(probed, guess.trueNextId())), guess.trueNextProbability(), guess.surprisalBits()));
        }
        return text.toString();
    }

    static int codePointOf(Probed probed, int id) {
        return probed.vocabularyCodePoints()[id];
    }
}
