package org.charscope.bench;

import org.charscope.train.Trainer;

/**
 * How fast a started trainer goes: the iterations it completes over a measured time, after a
 * warm-up (the JIT, the first workspaces) that is not counted.
 *
 * @param iterations  completed while measured
 * @param seconds     measured, by the clock
 */
record TrainingSpeed(long iterations, double seconds) {

    /** Waits out the warm-up, runs {@code atStart}, then counts for {@code seconds}; the trainer keeps going. */
    static TrainingSpeed of(Trainer trainer, double warmupSeconds, double seconds, Runnable atStart)
            throws InterruptedException {
        Thread.sleep((long) (warmupSeconds * 1000));
        atStart.run();
        long iterationAtStart = trainer.iteration();
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        return new TrainingSpeed(trainer.iteration() - iterationAtStart, (System.nanoTime() - start) / 1e9);
    }

    double perSecond() {
        return iterations / seconds;
    }
}
