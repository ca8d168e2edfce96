package org.charscope.model;

/**
 * A look at each step of a forward pass, right after a layer's cell has made it and before the
 * step's values feed the next step, the layer above and the output: where a held unit is written
 * ({@link HeldUnits}) and a unit's values are summed ({@link UnitMeans}). Called on the thread (or
 * lane) that runs the layer; the workspace belongs to the pass.
 */
interface StepHook {

    /** Step {@code t} of unit {@code layer} is in {@code w}: c_t in {@code cStep[layer][t+1]}, h_t in {@code hStep[layer][t+1]}. */
    void afterStep(Workspace w, int layer, int t);
}
