package org.charscope.app;

import java.lang.management.ManagementFactory;

/**
 * Makes the JVM hand back heap it no longer needs, so that resident memory follows what is live
 * over a run of hours rather than the highest it ever reached.
 *
 * <p>G1 grows its heap whenever collections come often (an explorer reading a passage every few
 * seconds while two cores train), and by default shrinks it only when more than 70% is free after
 * a marking cycle, so a heap of mostly free space stays committed. With at most 30% kept free,
 * every marking cycle gives the rest back. And since a long run can go minutes without a
 * collection, and longer without a marking cycle, a concurrent cycle is also started after
 * {@link #PERIODIC_GC_MILLIS} without any collection (JEP 346), and each ends by giving back what is
 * free. The soaks that showed both: docs/reliability.md. All three flags are "manageable", so this works however the JVM was
 * started (plain {@code java -jar}, the relaunch, or the installer's launcher) and a user's own
 * {@code -XX:MaxHeapFreeRatio} is left alone.
 */
final class HeapReturn {

    /** Heap kept free after a collection, at least and at most, in percent of the heap. */
    static final int MIN_FREE_PERCENT = 10;
    static final int MAX_FREE_PERCENT = 30;
    /** A marking cycle after this long without a collection: the one that shrinks the heap. */
    static final long PERIODIC_GC_MILLIS = 30_000;

    private HeapReturn() {
    }

    /** @return whether the flags were set (false on a JVM without them, or one a user already tuned) */
    static boolean apply() {
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotspot == null || !hotspot.getVMOption("MaxHeapFreeRatio").getOrigin().equals(
                    com.sun.management.VMOption.Origin.DEFAULT)) {
                return false;
            }
            // the minimum first: the maximum may never go below it
            hotspot.setVMOption("MinHeapFreeRatio", Integer.toString(MIN_FREE_PERCENT));
            hotspot.setVMOption("MaxHeapFreeRatio", Integer.toString(MAX_FREE_PERCENT));
            if (hotspot.getVMOption("G1PeriodicGCInterval").getOrigin() == com.sun.management.VMOption.Origin.DEFAULT) {
                hotspot.setVMOption("G1PeriodicGCInterval", Long.toString(PERIODIC_GC_MILLIS));
            }
            return true;
        } catch (RuntimeException e) {
            return false; // another JVM or a locked-down one: memory is then only less tidy
        }
    }
}
