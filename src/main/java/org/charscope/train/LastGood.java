package org.charscope.train;

import org.charscope.model.CharLstm;
import org.charscope.model.LstmState;
import org.charscope.model.Optimizer;
import org.charscope.model.OptimizerConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What an iteration that goes bad is undone to: the weights and optimizer moments before the last
 * good update, and the hidden state before the failed iteration. Kept by copying into buffers
 * allocated once, so keeping costs one array copy per iteration and no allocation.
 */
final class LastGood {

    private final INDArray parameters;     // [1, parameterCount]
    private final Optimizer optimizer;     // moments and step count
    private final LstmState state;         // [batch, hidden] per layer

    LastGood(CharLstm model, Optimizer current, OptimizerConfig config, int batchSize) {
        state = model.newState(batchSize);
        optimizer = new Optimizer(config, model);
        optimizer.copyFrom(current);
        parameters = model.parameters().dup();
    }

    /** Before an iteration: the hidden state it starts from. */
    void keepState(LstmState trainState) {
        state.copyFrom(trainState);
    }

    /** Before an update that the checks passed: the weights and moments it starts from. */
    void keepWeights(CharLstm model, Optimizer current) {
        parameters.assign(model.parameters());
        optimizer.copyFrom(current);
    }

    /** After a failed iteration: everything back to what was kept. */
    void restore(CharLstm model, Optimizer current, LstmState trainState) {
        model.parameters().assign(parameters);
        current.copyFrom(optimizer);
        trainState.copyFrom(state);
    }
}
