/**
 * The recurrent model on ND4J: forward, hand-written backpropagation through time, the optimizer and
 * sampling. Knows nothing of training threads, the explorer or the window (ArchitectureTest).
 *
 * <h2>Where to read what</h2>
 * <ul>
 *   <li><b>The math of one step</b>: {@link org.charscope.model.LstmCell}, {@code GruCell} and
 *       {@code RnnCell}, each a step forward and backward with its equations in the Javadoc; the
 *       element-wise lines of those equations as plain double-precision loops in
 *       {@code ReferenceKernels} (the tests' oracle, beside the test sources' {@code NaiveLstm}).</li>
 *   <li><b>The model over time</b>: {@link org.charscope.model.CharLstm} (input, layers, dropout,
 *       the bidirectional first layer), {@code SoftmaxOutput} (logits and loss),
 *       {@code BackpropThroughTime} (the backward pass), {@link org.charscope.model.Optimizer}
 *       (Adam, RMSProp, clipping), {@link org.charscope.model.Sampler}.</li>
 *   <li><b>The fast path</b>, package-private: {@code FloatKernels} and {@code FloatUpdates} (the
 *       same math in float32, streamed through Java arrays the JIT vectorizes), {@code Workspace}
 *       and {@code Workspaces} (every buffer of a pass, made once per shape), {@code Span} (a view
 *       of native memory), {@code Blas} (OpenBLAS calls), {@code Lanes} (two cores pipelining
 *       layers), {@code WindowReading} (the explorer's batched reading).</li>
 * </ul>
 */
package org.charscope.model;
