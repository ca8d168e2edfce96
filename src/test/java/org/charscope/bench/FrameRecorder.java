package org.charscope.bench;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Records the intervals between JavaFX pulses (frames) for the window benchmarks: a smooth window
 * pulses every ~16.7 ms; a stalled FX thread shows as long intervals. Keeps every interval.
 */
final class FrameRecorder extends AnimationTimer {

    private long[] intervalsNanos = new long[4096];
    private int count;
    private long lastNanos = -1;

    @Override
    public void handle(long now) {
        if (lastNanos >= 0) {
            if (count == intervalsNanos.length) {
                intervalsNanos = Arrays.copyOf(intervalsNanos, count * 2);
            }
            intervalsNanos[count++] = now - lastNanos;
        }
        lastNanos = now;
    }

    /** Forgets what was recorded (after a warm-up). */
    public void reset() {
        count = 0;
        lastNanos = -1;
    }

    public int frames() {
        return count;
    }

    /** The q-quantile of the frame intervals in milliseconds (q = 0.5 median, 0.99 the 99th percentile). */
    public double quantileMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(intervalsNanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(q * count) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    public double maxMillis() {
        return count == 0 ? Double.NaN : Arrays.stream(intervalsNanos, 0, count).max().getAsLong() / 1e6;
    }
}
