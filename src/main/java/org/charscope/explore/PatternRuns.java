package org.charscope.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import org.charscope.model.Signal;

/**
 * Finds where the units of an {@link OnOffPattern} show it, step by step as a stretch is read:
 * each step's units on as bits ({@code bit k}: unit k on), a run wherever all of them are on, and
 * for each run which units are also off over the pattern's steps just before and just after it.
 * Keeps the current batch's bits (and the few steps a run's context needs), never the values, and
 * the best {@code count} runs.
 *
 * <p>Runs rank by units fitting (most first), then by how far their length is from the brushed
 * span's (nearest first), then by position. Context steps before the stretch read are not
 * checked, nor those after its end.
 */
final class PatternRuns implements PassageStream.StepSink {

    /** Best first: the most units off around it, the length nearest the span's, the earliest. */
    static Comparator<PatternMatch> bestFirst(int spanLength) {
        return Comparator.comparingInt(PatternMatch::unitsFitting).reversed()
                .thenComparingInt(m -> Math.abs(m.length() - spanLength))
                .thenComparingInt(PatternMatch::start);
    }

    /** A run ended, waiting for the steps after it. */
    private record Ended(int start, int end, long offBefore) {
    }

    private final OnOffPattern pattern;
    private final int origin;
    private final int count;
    private final long allOn;
    private final Comparator<PatternMatch> bestFirst;
    private final PriorityQueue<PatternMatch> best;   // worst at the head, to be dropped
    private final Deque<Ended> ended = new ArrayDeque<>();
    private long[] pending = new long[PassageStream.CHUNK * PassageStream.WINDOWS_PER_BATCH]; // [position − base]
    private int base;        // first position held in pending
    private int scanned;     // positions before it are in runs already
    private int runStart = -1;
    private long runOffBefore;   // units off over every step just before the open run
    private int runs;
    private int whole;

    /** @param from the first position read, which is also where matches are counted from */
    PatternRuns(OnOffPattern pattern, int from, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("ask for at least one match, not " + count);
        }
        this.pattern = pattern;
        this.origin = from;
        this.base = from;
        this.scanned = from;
        this.count = count;
        this.allOn = pattern.size() == Long.SIZE ? -1L : (1L << pattern.size()) - 1;
        this.bestFirst = bestFirst(pattern.spanLength());
        this.best = new PriorityQueue<>(bestFirst.reversed());
    }

    @Override
    public void signal(int position, Signal signal, int layer, float[] from, int offset) {
        List<PatternUnit> units = pattern.units();
        for (int k = 0; k < units.size(); k++) {
            PatternUnit unit = units.get(k);
            if (unit.neuron().layer() != layer || unit.readSignal() != signal) {
                continue;
            }
            int at = position - base;
            if (at >= pending.length) {
                pending = Arrays.copyOf(pending, Math.max(at + 1, 2 * pending.length));
            }
            if (unit.isOn(unit.valueOf(from[offset + unit.neuron().unit()]))) {
                pending[at] |= 1L << k;
            }
        }
    }

    /** Every step before {@code position} is in: runs are extended, ended and, once their after-steps are in, ranked. */
    @Override
    public void readUpTo(int position) {
        for (int p = scanned; p < position; p++) {
            boolean allUnitsOn = pending[p - base] == allOn;
            if (allUnitsOn && runStart < 0) {
                runStart = p;
                runOffBefore = offOver(p - pattern.offBefore(), p);
            } else if (!allUnitsOn && runStart >= 0) {
                ended.add(new Ended(runStart, p, runOffBefore));
                runStart = -1;
            }
        }
        scanned = position;
        rankEnded(false);
        forgetBefore(Math.min(scanned - pattern.offBefore(), ended.isEmpty() ? scanned : ended.peekFirst().end()));
    }

    /** The result once the stretch is read: a run still open ends with it. */
    PatternMatches finish() {
        if (runStart >= 0) {
            ended.add(new Ended(runStart, scanned, runOffBefore));
            runStart = -1;
        }
        rankEnded(true);
        List<PatternMatch> sorted = new ArrayList<>(best);
        sorted.sort(bestFirst);
        return new PatternMatches(pattern, scanned - origin, runs, whole, sorted);
    }

    /** Ranks the ended runs whose after-steps are all in (all of them at the stretch's end). */
    private void rankEnded(boolean atEnd) {
        while (!ended.isEmpty() && (atEnd || ended.peekFirst().end() + pattern.offAfter() <= scanned)) {
            Ended run = ended.pollFirst();
            long off = run.offBefore() & offOver(run.end(), Math.min(scanned, run.end() + pattern.offAfter()));
            int fitting = Long.bitCount(off);
            runs++;
            if (fitting == pattern.size()) {
                whole++;
            }
            best.add(new PatternMatch(run.start() - origin, run.end() - origin, fitting, pattern.size()));
            if (best.size() > count) {
                best.poll();
            }
        }
    }

    /** Units off at every step of [from, to) that was read (steps before the stretch are not checked). */
    private long offOver(int from, int to) {
        long off = allOn;
        for (int p = Math.max(from, origin); p < to; p++) {
            off &= ~pending[p - base];
        }
        return off;
    }

    /** Drops the bits of positions before {@code keepFrom}: nothing will look at them again. */
    private void forgetBefore(int keepFrom) {
        int drop = Math.max(0, keepFrom - base);
        if (drop == 0) {
            return;
        }
        int kept = scanned - keepFrom;
        System.arraycopy(pending, drop, pending, 0, kept);
        Arrays.fill(pending, kept, pending.length, 0L);
        base += drop;
    }
}
