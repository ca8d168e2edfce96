package org.charscope.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.charscope.model.CharLstm;
import org.charscope.model.HeldUnits;
import org.charscope.model.Signal;
import org.charscope.model.UnitMeans;
import org.charscope.model.UnitSite;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --clamp L:Q:U=V} and {@code --ablate L:Q:U} (both repeatable): units held while a model
 * reads ({@link HeldUnits}); L the layer from 1, Q {@code cell} or {@code hidden}, U the unit from
 * 0. An ablated unit is held at its mean over what the command reads first (eval: the text; sample:
 * the prime).
 */
final class HeldUnitOptions {

    private static final Pattern SITE = Pattern.compile("(\\d{1,4}):([A-Za-z]+):(\\d{1,5})");

    @Option(names = "--clamp", paramLabel = "L:Q:U=V", converter = ClampConverter.class,
            description = "Hold unit U (from 0) of layer L (from 1)'s cell or hidden state at V at every step (repeatable).")
    List<HeldUnits.Held> clamps = new ArrayList<>();

    @Option(names = "--ablate", paramLabel = "L:Q:U", converter = SiteConverter.class,
            description = "Hold unit U of layer L's cell or hidden state at its mean over what is read (repeatable).")
    List<UnitSite> ablations = new ArrayList<>();

    boolean any() {
        return !clamps.isEmpty() || !ablations.isEmpty();
    }

    /**
     * Holds the units on {@code model}: first measures the ablated ones while {@code read} reads
     * freely, then holds them at their means with the clamped ones.
     *
     * @return what is held, for the output
     * @throws IllegalArgumentException if the model has no such layer or unit, or a unit is held twice
     */
    HeldUnits holdOn(CharLstm model, Runnable read) {
        clamps.forEach(h -> h.site().checkAgainst(model.config()));
        ablations.forEach(s -> s.checkAgainst(model.config()));
        new HeldUnits(all(new double[ablations.size()]));   // a unit held twice is refused before any reading
        double[] means = new double[ablations.size()];
        if (!ablations.isEmpty()) {
            UnitMeans measured = new UnitMeans(ablations);
            model.measure(measured);
            read.run();
            model.measure(null);
            means = measured.means();
        }
        HeldUnits held = new HeldUnits(all(means));
        model.hold(held);
        return held;
    }

    private List<HeldUnits.Held> all(double[] means) {
        List<HeldUnits.Held> all = new ArrayList<>(clamps);
        for (int i = 0; i < ablations.size(); i++) {
            UnitSite site = ablations.get(i);
            all.add(new HeldUnits.Held(site, site.quantity() == Signal.HIDDEN ? Math.max(-1, Math.min(1, means[i])) : means[i]));
        }
        return all;
    }

    /** {@code "clamps": [{"layer", "quantity", "unit", "value", "ablated"}]}, as the JSON outputs echo them. */
    List<Map<String, Object>> echo(HeldUnits held) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HeldUnits.Held h : held.units()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", h.site().layer() + 1);
            row.put("quantity", h.site().quantity().name().toLowerCase(Locale.ROOT));
            row.put("unit", h.site().unit());
            row.put("value", h.value());
            row.put("ablated", ablations.contains(h.site()));
            rows.add(row);
        }
        return rows;
    }

    static UnitSite site(String text) {
        Matcher m = SITE.matcher(text);
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not L:Q:U (layer from 1, cell or hidden, unit from 0)");
        }
        int layer = Integer.parseInt(m.group(1));
        if (layer < 1) {
            throw new TypeConversionException("layers count from 1, not " + layer);
        }
        Signal quantity = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "cell" -> Signal.CELL;
            case "hidden" -> Signal.HIDDEN;
            default -> throw new TypeConversionException("'" + m.group(2) + "': a unit is held in its cell or hidden state");
        };
        return new UnitSite(layer - 1, quantity, Integer.parseInt(m.group(3)));
    }

    /** {@code L:Q:U}. */
    static final class SiteConverter implements ITypeConverter<UnitSite> {
        @Override
        public UnitSite convert(String text) {
            return site(text);
        }
    }

    /** {@code L:Q:U=V}. */
    static final class ClampConverter implements ITypeConverter<HeldUnits.Held> {
        @Override
        public HeldUnits.Held convert(String text) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw new TypeConversionException("'" + text + "' is not L:Q:U=V");
            }
            double value;
            try {
                value = Double.parseDouble(text.substring(equals + 1));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text.substring(equals + 1) + "' is not a number");
            }
            try {
                return new HeldUnits.Held(site(text.substring(0, equals)), value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
