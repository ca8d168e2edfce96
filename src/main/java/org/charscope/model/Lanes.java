package org.charscope.model;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Two lanes of work for one model: lane 0 is the calling thread, lane 1 a helper thread borrowed
 * from a small shared pool for the length of one {@link #run}. Each lane calls OpenBLAS with one
 * thread, so the two cores each run their own products and Java kernels instead of one core
 * waiting on the other (OpenBLAS's own second thread would spin while the Java kernels run).
 *
 * <p>A helper spins for a short while after its work (the next phase usually follows within
 * microseconds), then parks. Lanes synchronise inside a phase through counters the phase keeps.
 */
final class Lanes {

    /** One phase of work: called once with lane 0 on the caller and once with lane 1 on a helper. */
    @FunctionalInterface
    interface Work {
        void run(int lane) throws Exception;
    }

    /** Work on chunk {@code chunk} of layer {@code layer}, on lane {@code lane}. */
    @FunctionalInterface
    interface ChunkWork {
        void run(int layer, int chunk, int lane);
    }

    /** What follows the last chunk of a layer, on the layer's lane. */
    @FunctionalInterface
    interface LayerWork {
        void run(int layer, int lane);
    }

    /** Everything on the calling thread: for one layer, one chunk, or one step at a time. */
    static final Lanes SINGLE = new Lanes(1);

    private static final ConcurrentLinkedQueue<Helper> IDLE = new ConcurrentLinkedQueue<>();
    /** How long a helper spins for its next phase before parking, in nanoseconds. */
    private static final long SPIN_NANOS = 200_000;

    private final int count;
    private volatile boolean failed;  // set when a lane throws, so the other stops waiting

    /** @param count 1 (everything on the caller) or 2 */
    Lanes(int count) {
        if (count != 1 && count != 2) {
            throw new IllegalArgumentException("1 or 2 lanes");
        }
        this.count = count;
    }

    int count() {
        return count;
    }

    /** Runs {@code work} on every lane and returns when all are done; rethrows the first failure. */
    void run(Work work) {
        failed = false;
        if (count == 1) {
            call(work, 0);
            return;
        }
        Helper helper = IDLE.poll();
        if (helper == null) {
            helper = new Helper();
        }
        helper.submit(this, work);
        Throwable mine = null;
        try {
            work.run(0);
        } catch (Throwable e) {
            failed = true;
            mine = e;
        }
        Throwable theirs = helper.await();
        IDLE.add(helper);
        Throwable first = mine != null ? mine : theirs;
        if (first != null) {
            failed = true;
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(first);
        }
    }

    /**
     * Every chunk of every layer, layer l on lane {@code l % count}: upward (the forward pass) the
     * layers from the first, chunks from the first, each chunk once the layer below has made it;
     * downward (the backward pass) the layers from the top, chunks from the last, each once the
     * layer above has sent its gradient back. With one layer or one chunk there is nothing to
     * overlap, and everything runs on the calling thread.
     *
     * @param progress  [layers] scratch: the chunks each layer has finished in this pass
     */
    void pipeline(int layers, int chunks, boolean upward, AtomicIntegerArray progress, ChunkWork chunk,
                  LayerWork afterLayer) {
        Lanes used = chunks > 1 && layers > 1 ? this : SINGLE;
        for (int l = 0; l < layers; l++) {
            progress.set(l, 0);
        }
        used.run(lane -> {
            for (int k = 0; k < layers; k++) {
                int layer = upward ? k : layers - 1 - k;
                if (layer % used.count != lane) {
                    continue;
                }
                int dependsOn = upward ? layer - 1 : layer + 1;
                for (int done = 0; done < chunks; done++) {
                    if (dependsOn >= 0 && dependsOn < layers) {
                        int needed = done + 1;
                        used.await(() -> progress.get(dependsOn) >= needed);
                    }
                    chunk.run(layer, upward ? done : chunks - 1 - done, lane);
                    progress.set(layer, done + 1);
                }
                afterLayer.run(layer, lane);
            }
        });
    }

    /** Start of part {@code k} of {@code n} items split in {@code parts} near-equal parts. */
    static int part(int n, int k, int parts) {
        return (int) ((long) n * k / parts);
    }

    /**
     * Waits (spinning) until {@code ready} holds; gives up with an exception if the other lane has
     * failed, so a failure never leaves a lane waiting forever.
     */
    void await(BooleanSupplier ready) {
        int spins = 0;
        while (!ready.getAsBoolean()) {
            if (failed) {
                throw new IllegalStateException("the other lane failed");
            }
            if (++spins < 10_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private static void call(Work work, int lane) {
        try {
            work.run(lane);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A daemon thread that runs lane 1 of one phase at a time. */
    private static final class Helper implements Runnable {
        private final Thread thread;
        private volatile Work work;
        private volatile Lanes owner;
        private volatile boolean done = true;
        private volatile Throwable failure;

        Helper() {
            thread = new Thread(this, "charscope-lane");
            thread.setDaemon(true);
            thread.start();
        }

        void submit(Lanes lanes, Work next) {
            failure = null;
            done = false;
            owner = lanes;
            work = next;           // published last: the helper starts when it sees the work
            LockSupport.unpark(thread);
        }

        Throwable await() {
            int spins = 0;
            while (!done) {
                if (++spins < 10_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return failure;
        }

        @Override
        public void run() {
            NativeSetup.ensureConfigured();
            while (true) {
                Work next = waitForWork();
                try {
                    next.run(1);
                } catch (Throwable e) {
                    owner.failed = true;
                    failure = e;
                }
                done = true;
            }
        }

        private Work waitForWork() {
            long start = System.nanoTime();
            while (true) {
                Work next = work;
                if (next != null) {
                    work = null;
                    return next;
                }
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
