package org.charscope.app.cli;

import java.util.Locale;
import org.charscope.text.TextFacts;

/** {@code inspect}'s human-readable report, one fact a line. */
final class FactsText {

    private FactsText() {
    }

    static String format(TextFacts facts) {
        StringBuilder out = new StringBuilder();
        for (var file : facts.files()) {
            out.append(String.format(Locale.ROOT, "File:        %s (%,d bytes, %s)%n", file.name(), file.bytes(), file.encoding()));
            out.append(String.format(Locale.ROOT, "  Gutenberg: %s%n", boilerplate(file.headerStripped(), file.footerStripped())));
        }
        out.append(String.format(Locale.ROOT, "Title:       %s%n", orNotFound(facts.title())));
        out.append(String.format(Locale.ROOT, "Author:      %s%n", orNotFound(facts.author())));
        out.append(String.format(Locale.ROOT, "Characters:  %,d%n", facts.characters()));
        out.append(String.format(Locale.ROOT, "Vocabulary:  %d symbols: %s%n", facts.vocabularySize(), String.join(" ", facts.symbols())));
        out.append(String.format(Locale.ROOT, "Train:       %,d characters%n", facts.trainCharacters()));
        out.append(String.format(Locale.ROOT, "Validation:  %,d characters%n", facts.validationCharacters()));
        return out.toString();
    }

    private static String orNotFound(String value) {
        return value == null ? "(not found)" : value;
    }

    private static String boilerplate(boolean header, boolean footer) {
        if (header && footer) {
            return "header and footer removed";
        }
        if (header) {
            return "header removed; no footer found (truncated download?)";
        }
        return footer ? "footer removed; no header found" : "no Gutenberg header or footer; text used whole";
    }
}
