package org.charscope.model;

import java.util.List;

/**
 * The mean of some units' values over everything a model reads while it is measured
 * ({@link CharLstm#measure}): what ablation holds a unit at. Each (step, sequence) of every pass
 * counts once.
 */
public final class UnitMeans implements StepHook {

    private final List<UnitSite> sites;
    private final double[] sums;      // [sites]; a site's layer runs on one lane, so no two threads add to one
    private final long[] counts;      // [sites]

    public UnitMeans(List<UnitSite> sites) {
        this.sites = List.copyOf(sites);
        this.sums = new double[sites.size()];
        this.counts = new long[sites.size()];
    }

    @Override
    public void afterStep(Workspace w, int layer, int t) {
        for (int i = 0; i < sites.size(); i++) {
            UnitSite site = sites.get(i);
            if (site.layer() != layer) {
                continue;
            }
            Span values = site.quantity() == Signal.CELL ? w.cStep[layer][t + 1] : w.hStep[layer][t + 1];
            int hidden = Math.toIntExact(values.length() / w.batch);
            for (int b = 0; b < w.batch; b++) {
                sums[i] += HeldUnits.read(values, (long) b * hidden + site.unit());
            }
            counts[i] += w.batch;
        }
    }

    /** [sites] the mean of each over what was read; NaN for a site nothing was read for. */
    public double[] means() {
        double[] means = new double[sites.size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
        }
        return means;
    }
}
