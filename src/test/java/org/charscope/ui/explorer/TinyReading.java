package org.charscope.ui.explorer;

import org.charscope.explore.Probe;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.Precision;
import org.charscope.text.Vocabulary;

/** A reading of a short repeated passage by an untrained one-layer LSTM of 16 units: enough to lay a heatmap out. */
final class TinyReading {

    /** Sixty lines of quotes, brackets and capitals. */
    static final String PASSAGE = "\"Where is the boat?\" said Nell. (The keeper laughed.)\n".repeat(60);

    private TinyReading() {
    }

    static Probed of() {
        Vocabulary vocabulary = Vocabulary.of(PASSAGE);
        CharLstm lstm = new CharLstm(new LstmConfig(vocabulary.size(), 1, 16, 0, 0, Precision.FLOAT), 5);
        return Probed.of(Probe.run(lstm, vocabulary, PASSAGE), 0);
    }
}
