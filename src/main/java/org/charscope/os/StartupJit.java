package org.charscope.os;

import java.util.List;

/**
 * The JIT settings of a window's JVM: HotSpot's optimising compiler (C2) waits ten times longer
 * than by default before it takes a method over from the quick one (C1), except in the engine.
 *
 * <p>Building and styling the first window runs thousands of JavaFX and JDK methods a few hundred
 * times each: enough for C2 at HotSpot's default thresholds, though few of them will run again
 * soon. On a two-core laptop, C2 then spent as much CPU time as the FX thread itself before the
 * window showed, taking the core the FX thread and C1 needed: 0.7 s of C2 against 0.7 s of FX
 * thread by the first frame, and 0.2 s of C2 with these settings; the window's JVM showed its
 * window some 0.25 s sooner (docs/installer.md, "First start, session 12").
 *
 * <p>The engine's own methods (our model and trainer, ND4J, JavaCPP) keep HotSpot's thresholds
 * through a per-method {@code CompileThresholdScaling} of a tenth. With the raised thresholds
 * alone, the methods a training step calls once per time step stayed with C1 through
 * {@code bench} W2's iterations, and W2 ran some 13% slower; what the engine calls of the JDK is
 * inlined into the engine's methods when C2 compiles them. What is left is warm-up: {@code bench}
 * W1, which times half a second of training, ran some 10% slower with these options in one
 * comparison and no slower in another (docs/engine-performance.md, "Session 12" and "Session 13"),
 * so only a window's JVM gets them, where training runs for minutes; a command's JVM keeps
 * HotSpot's defaults (the jar's relaunch and the Linux app-image's launcher both decide so). All
 * are product options of HotSpot, the runtime of the jar's JDK and of the app-image alike.
 */
public final class StartupJit {

    /**
     * Ten times HotSpot's defaults for a method's promotion to C2 (5,000, 600, 15,000 and 40,000),
     * and a tenth of them again for the engine's code (our model and trainer, ND4J, JavaCPP): the per-method
     * {@code CompileThresholdScaling} multiplies the thresholds, so the engine is compiled as it
     * would be without these options. {@code quiet}: a compile command is otherwise echoed on
     * standard output.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000",
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling,org/charscope/model/*.*,0.1",
            "-XX:CompileCommand=CompileThresholdScaling,org/charscope/train/*.*,0.1",
            "-XX:CompileCommand=CompileThresholdScaling,org/nd4j/*.*,0.1",
            "-XX:CompileCommand=CompileThresholdScaling,org/bytedeco/*.*,0.1");

    private StartupJit() {
    }
}
