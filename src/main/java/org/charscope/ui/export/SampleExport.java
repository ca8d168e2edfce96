package org.charscope.ui.export;

import java.util.List;
import java.util.Locale;
import org.charscope.ui.samples.SampleEntry;

/**
 * The sample timeline as a file a person keeps: plain text (a caption line, then the sample) or
 * Markdown (a heading per sample with its iteration, loss and temperature, the text in a fenced
 * block so that no character of it is read as Markdown).
 */
public final class SampleExport {

    private SampleExport() {
    }

    public static String plainText(String bookName, List<SampleEntry> samples) {
        StringBuilder out = new StringBuilder();
        out.append("Samples from CharScope, learning ").append(bookName).append("\n\n");
        for (SampleEntry sample : samples) {
            out.append("=== ").append(sample.caption()).append(primeNote(sample)).append(" ===\n");
            out.append(sample.text());
            if (!sample.text().endsWith("\n")) {
                out.append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String markdown(String bookName, List<SampleEntry> samples) {
        StringBuilder out = new StringBuilder();
        out.append("# Samples from CharScope\n\n");
        out.append("Learning *").append(escapeInline(bookName)).append("*; ").append(samples.size())
                .append(samples.size() == 1 ? " sample.\n\n" : " samples.\n\n");
        out.append("| iteration | epoch | validation loss (nats/char) | temperature |\n");
        out.append("| ---: | ---: | ---: | ---: |\n");
        for (SampleEntry sample : samples) {
            out.append(String.format(Locale.ROOT, "| %,d | %.2f | %s | %.2f |%n", sample.iteration(), sample.epoch(),
                    Double.isNaN(sample.validationLoss()) ? "—" : String.format(Locale.ROOT, "%.3f", sample.validationLoss()),
                    sample.temperature()));
        }
        for (SampleEntry sample : samples) {
            out.append(String.format(Locale.ROOT, "%n## Iteration %,d%n%n", sample.iteration()));
            out.append(String.format(Locale.ROOT, "Epoch %.2f · ", sample.epoch()));
            out.append(Double.isNaN(sample.validationLoss()) ? "no validation yet"
                    : String.format(Locale.ROOT, "validation %.3f nats/char (%.3f bits/char)", sample.validationLoss(),
                    sample.validationLoss() / Math.log(2)));
            out.append(String.format(Locale.ROOT, " · temperature %.2f", sample.temperature()));
            out.append(escapeInline(primeNote(sample))).append("\n\n");
            String fence = fenceFor(sample.text());
            out.append(fence).append("text\n").append(sample.text());
            if (!sample.text().endsWith("\n")) {
                out.append('\n');
            }
            out.append(fence).append('\n');
        }
        return out.toString();
    }

    private static String primeNote(SampleEntry sample) {
        return sample.prime() == null || sample.prime().isEmpty() ? "" : " · primed with \"" + sample.prime() + "\"";
    }

    /** A fence longer than any run of backticks in the text, so the text cannot close it. */
    static String fenceFor(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static String escapeInline(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]#|<>])", "\\\\$1");
    }
}
