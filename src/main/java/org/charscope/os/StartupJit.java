package org.charscope.os;

import java.util.List;

/**
 * The JIT settings of a window's JVM: HotSpot's optimising compiler (C2) waits ten times longer
 * than by default before it takes a method over from the quick one (C1).
 *
 * <p>Building and styling the first window runs thousands of JavaFX methods a few hundred times
 * each: enough for C2 at HotSpot's default thresholds, though none of them will run again soon.
 * On a two-core laptop, C2 then spent as much CPU time as the FX thread itself before the window
 * showed, taking the core the FX thread and C1 needed: 0.7 s of C2 against 0.7 s of FX thread, and
 * 0.2 s of C2 with these settings; the window's JVM showed its window about 0.25 s sooner
 * (docs/installer.md, "Session 12").
 *
 * <p>Training is not slowed: its kernels run millions of times a minute and cross the raised
 * thresholds within their first seconds, so they are compiled by C2 as before ({@code bench} W1
 * and W2 with and without these options, docs/engine-performance.md). The four are product flags
 * of HotSpot (the runtime of the jar's JDK and of the app-image alike).
 */
public final class StartupJit {

    /** Ten times HotSpot's defaults for a method's promotion to C2 (5,000, 600, 15,000 and 40,000). */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");

    private StartupJit() {
    }
}
