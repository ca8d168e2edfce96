package org.charscope.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.charscope.train.Progress;
import org.charscope.ui.samples.SampleEntry;

/**
 * The hand-over between the training thread and the FX Application Thread: the run writes events
 * into a lock-free queue, and the window takes them all once per frame (chart-fx's pattern), so a
 * fast run never floods the FX thread with one {@code Platform.runLater} per step.
 */
public final class RunInbox implements RunEvents {

    /** One queued event, applied to the dashboard on the FX thread. */
    @FunctionalInterface
    interface Event extends Consumer<DashboardModel> {
    }

    private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void progress(Progress progress) {
        queue.add(model -> model.onProgress(progress));
    }

    @Override
    public void evaluated(long iteration, double epoch, double validationLoss) {
        queue.add(model -> model.onEvaluated(iteration, epoch, validationLoss));
    }

    @Override
    public void sampled(SampleEntry sample) {
        queue.add(model -> model.onSample(sample));
    }

    @Override
    public void stateChanged(RunState state, String reason) {
        queue.add(model -> model.onState(state, reason));
    }

    /** Everything queued so far, oldest first; FX thread. */
    List<Event> takeAll() {
        List<Event> events = new ArrayList<>();
        for (Event event = queue.poll(); event != null; event = queue.poll()) {
            events.add(event);
        }
        return events;
    }
}
