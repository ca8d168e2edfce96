package org.charscope.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.charscope.baseline.NgramBaseline;

/** {@code inspect --baseline}: the n-gram scores as JSON fields or as a small table. */
final class BaselineReport {

    private BaselineReport() {
    }

    /** {"smoothing": "…", "orders": [{"n", "natsPerChar", "bitsPerChar"}, …]} */
    static Map<String, Object> json(NgramBaseline baseline) {
        List<Map<String, Object>> orders = baseline.orders().stream().map(order -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", order.n());
            row.put("natsPerChar", order.natsPerChar());
            row.put("bitsPerChar", order.bitsPerChar());
            return row;
        }).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("smoothing", NgramBaseline.SMOOTHING);
        json.put("orders", orders);
        return json;
    }

    static String text(NgramBaseline baseline) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Baseline:    character n-grams, %s, fitted on %,d characters, scored on validation%n",
                NgramBaseline.SMOOTHING, baseline.trainingSymbols()));
        out.append(String.format(Locale.ROOT, "  %-3s %11s %11s%n", "n", "nats/char", "bits/char"));
        int best = baseline.best().n();
        for (NgramBaseline.Order order : baseline.orders()) {
            out.append(String.format(Locale.ROOT, "  %-3d %11.3f %11.3f%s%n", order.n(), order.natsPerChar(),
                    order.bitsPerChar(), order.n() == best ? "  best" : ""));
        }
        return out.toString();
    }
}
