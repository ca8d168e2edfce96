package org.charscope.ui.explorer;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.charscope.explore.Attribution;
import org.charscope.model.CharLstm;
import org.charscope.text.Vocabulary;
import org.charscope.ui.background.DaemonThreads;
import org.charscope.ui.background.LatestOnly;

/**
 * Explains the guess at the character cursor ({@link Attribution}) on a thread of its own, with a
 * model of its own made from the weights of the reading shown (never the training thread's model):
 * made once per reading, then one backward pass per cursor position. While one explanation runs,
 * only the latest position asked for is explained next, so the cursor moves freely.
 */
final class AttributionReader {

    /**
     * The weights a reading was made with, and how to make a model of them on the reader's thread.
     *
     * @param key  what identifies them (a reading, a snapshot file): the model is made again only when it changes
     * @param make makes the model; may read a file
     */
    record Weights(Object key, Callable<CharLstm> make) {
    }

    /** One explanation asked for. */
    record Request(Weights weights, Vocabulary vocabulary, int[] codePoints, int at) {
    }

    private final LatestOnly<Request> latest = new LatestOnly<>(DaemonThreads.single("charscope-attribution"), this::explainOne);
    private final Consumer<Result> answer;
    private Object modelKey;      // reader thread
    private CharLstm model;       // reader thread

    /** What came of a request: an attribution, or why there is none. */
    record Result(Request request, Attribution attribution, String problem) {
    }

    /** @param answer hears each result on the FX thread */
    AttributionReader(Consumer<Result> answer) {
        this.answer = answer;
    }

    /** Explains {@code request} soon; a request still waiting is replaced. */
    void explain(Request request) {
        latest.submit(request);
    }

    /** On the reader's thread. */
    private void explainOne(Request next) {
        Result result;
        try {
            if (model == null || modelKey != next.weights().key()) {
                model = next.weights().make().call();
                modelKey = next.weights().key();
            }
            result = new Result(next, Attribution.explain(model, next.vocabulary(), next.codePoints(), next.at(), false),
                    null);
        } catch (Exception | OutOfMemoryError e) {
            result = new Result(next, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Result done = result;
        Platform.runLater(() -> answer.accept(done));
    }
}
