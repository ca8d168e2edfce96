package org.charscope.text.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.charscope.io.AtomicFile;

/**
 * Writes a toy configuration language, a "lighthouse register", whose structure is known at every
 * character, so that the neurons a small LSTM grows on it can be checked against ground truth
 * ({@link #bracketDepth}, {@link #insideQuotes}). A prose book hides its structure; here every
 * state a char-rnn is known to learn is present, frequent and unambiguous:
 *
 * <pre>
 * ; gale warning at dusk
 * light "north pier" {
 *   period 9
 *   flash (on 1.5) (off 7.5) [white red] ; lamp lit at dusk
 *   keeper "ada pell" {
 *     route [(from 18) (to 6)] "log every 4 hours"
 *   }
 * }
 * </pre>
 *
 * <ul>
 *   <li>Bracket depth: {@code { }} blocks span lines and nest to depth {@value #MAX_BLOCK_DEPTH};
 *       {@code ( )} and {@code [ ]} open and close within one line and take the total to at most
 *       {@value #MAX_DEPTH}, so a depth counter must really count rather than remember one
 *       bracket.</li>
 *   <li>Inside quotes: strings in straight double quotes, never spanning a line, never holding a
 *       bracket or a quote, so the quote state and the depth state are independent.</li>
 *   <li>Line position: lines of widely varying length, at most {@value #MAX_LINE_CHARS}
 *       characters.</li>
 *   <li>Indentation: two spaces per open brace, so the start of each line announces the depth.</li>
 *   <li>Digits, keywords and {@code ;} comments, which give the model easy wins early on.</li>
 * </ul>
 *
 * <p>Deterministic: the same seed gives the same text on every JVM, since
 * {@link SplittableRandom}'s algorithm is fixed by its specification and only
 * {@code nextInt(bound)} is used.
 */
public final class StructuredTextGenerator {

    /** The seed of the committed sample {@code sample-texts/structured-brackets-and-quotes.txt}. */
    public static final long DEFAULT_SEED = 42;
    /** Length of the committed sample: about as long as a short story, a few minutes of training. */
    public static final int DEFAULT_TARGET_CHARS = 60_000;
    /** Deepest nesting of all bracket kinds together. */
    public static final int MAX_DEPTH = 4;
    /** Deepest nesting of {@code { }} blocks; the levels above it come from brackets in a line. */
    public static final int MAX_BLOCK_DEPTH = 3;
    /** Longest line, close to the 70 columns of the prose sample, so line neurons transfer. */
    public static final int MAX_LINE_CHARS = 72;

    private static final String INDENT = "  ";
    private static final String[] BLOCK_KEYWORDS = {
        "light", "keeper", "vessel", "station", "log", "stores", "watch"};
    private static final String[] FIELD_KEYS = {
        "period", "height", "count", "bearing", "crew", "range", "wind", "tide", "name", "note",
        "motto", "flash", "colours", "route", "signal", "entry", "lamp", "cargo"};
    private static final String[] PAIR_KEYS = {"on", "off", "from", "to", "at", "by", "min", "max", "id"};
    private static final String[] WORDS = {
        "lamp", "wick", "lens", "glass", "tide", "gale", "north", "south", "east", "west",
        "harbour", "pier", "rock", "gull", "rope", "oil", "brass", "bell", "flare", "mast",
        "sail", "keel", "net", "quay", "cliff", "fog", "spray", "dawn", "dusk", "clock",
        "chain", "weight", "red", "white", "green", "amber", "calm", "storm", "mail", "coal"};

    private final SplittableRandom random;
    private final StringBuilder text = new StringBuilder();

    private StructuredTextGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * A register of whole top-level blocks, each followed by a blank line, stopping at the first
     * block boundary at or after {@code targetChars}; so the text always ends balanced, at depth
     * 0 and outside quotes, and is a little longer than asked.
     */
    public static String generate(long seed, int targetChars) {
        if (targetChars < 0) {
            throw new IllegalArgumentException("targetChars must be 0 or more, was " + targetChars);
        }
        StructuredTextGenerator generator = new StructuredTextGenerator(seed);
        generator.writeHeader(seed);
        while (generator.text.length() < targetChars) {
            generator.writeEntry();
        }
        return generator.text.toString();
    }

    /**
     * Bracket depth after reading each character: {@code ( [ {} each add one, {@code ) ] }} each
     * take one away, whatever the kind and whether inside quotes or not (the generated text never
     * puts brackets in strings). It is the state a recurrent cell holds once it has read that
     * character, so an opening bracket already counts and a closing one no longer does. A closer
     * with nothing open, as in prose ("1) first"), leaves the depth at 0 rather than going below.
     *
     * @return one entry per code point of {@code text}
     */
    public static int[] bracketDepth(String text) {
        int[] depths = new int[text.codePointCount(0, text.length())];
        int depth = 0;
        int position = 0;
        for (int codePoint : text.codePoints().toArray()) {
            if (codePoint == '(' || codePoint == '[' || codePoint == '{') {
                depth++;
            } else if ((codePoint == ')' || codePoint == ']' || codePoint == '}') && depth > 0) {
                depth--;
            }
            depths[position++] = depth;
        }
        return depths;
    }

    /**
     * Whether each character is read inside a double-quoted string, after reading it: the opening
     * {@code "} is inside, the closing {@code "} is not. Only the straight ASCII quote counts, and
     * the state does not reset at line ends, because prose dialogue wraps over lines.
     *
     * @return one entry per code point of {@code text}
     */
    public static boolean[] insideQuotes(String text) {
        boolean[] inside = new boolean[text.codePointCount(0, text.length())];
        boolean quoted = false;
        int position = 0;
        for (int codePoint : text.codePoints().toArray()) {
            if (codePoint == '"') {
                quoted = !quoted;
            }
            inside[position++] = quoted;
        }
        return inside;
    }

    /**
     * Writes the sample to {@code args[0]}; {@code args[1]} and {@code args[2]}, if given, replace
     * the seed ({@value #DEFAULT_SEED}) and the target length ({@value #DEFAULT_TARGET_CHARS}).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: StructuredTextGenerator OUTPUT_FILE [SEED [TARGET_CHARS]]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        int targetChars = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_TARGET_CHARS;
        Path output = Path.of(args[0]);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String sample = generate(seed, targetChars);
        AtomicFile.write(output, sample.getBytes(StandardCharsets.UTF_8));
        System.out.printf("wrote %d characters (seed %d) to %s%n", sample.length(), seed, output);
    }

    private void writeHeader(long seed) {
        text.append("; lighthouse register, written by CharScope from seed ").append(seed).append('\n');
        text.append("; blocks nest in braces, lists in square brackets, pairs in parentheses\n\n");
    }

    /** One top-level block, sometimes with a comment above it, and the blank line after it. */
    private void writeEntry() {
        if (random.nextInt(2) == 0) {
            text.append("; ").append(phrase(2 + random.nextInt(5))).append('\n');
        }
        writeBlock(0, 2 + random.nextInt(5));
        text.append('\n');
    }

    /** A block at {@code depth} open braces: a keyword line ending in an opening brace, members, a closing brace. */
    private void writeBlock(int depth, int memberCount) {
        StringBuilder line = new StringBuilder(indent(depth)).append(pick(BLOCK_KEYWORDS));
        if (random.nextInt(3) > 0) {
            line.append(' ').append(quoted(phrase(1 + random.nextInt(3))));
        }
        text.append(line).append(" {\n");
        for (int member = 0; member < memberCount; member++) {
            if (depth + 1 < MAX_BLOCK_DEPTH && random.nextInt(4) == 0) {
                writeBlock(depth + 1, 1 + random.nextInt(4));
            } else {
                writeField(depth + 1);
            }
        }
        text.append(indent(depth)).append("}\n");
    }

    /**
     * One line {@code key value value ... ; comment}, its values added until a randomly chosen
     * width is reached, so line lengths spread over the whole range up to {@link #MAX_LINE_CHARS}.
     */
    private void writeField(int depth) {
        String key = pick(FIELD_KEYS);
        StringBuilder line = new StringBuilder(indent(depth)).append(key);
        int widthGoal = 12 + random.nextInt(MAX_LINE_CHARS - 12 + 1);
        int bracketBudget = MAX_DEPTH - depth;
        for (int count = 0; count < 6 && line.length() < widthGoal; count++) {
            String value = count == 0 ? firstValue(key, bracketBudget) : value(bracketBudget);
            if (line.length() + 1 + value.length() > MAX_LINE_CHARS) {
                if (count > 0) {
                    break;
                }
                value = integer();
            }
            line.append(' ').append(value);
        }
        if (random.nextInt(5) == 0) {
            String comment = " ; " + phrase(1 + random.nextInt(4));
            if (line.length() + comment.length() <= MAX_LINE_CHARS) {
                line.append(comment);
            }
        }
        text.append(line).append('\n');
    }

    /** Some keys always take the same kind of first value, a regularity a model can pick up early. */
    private String firstValue(String key, int bracketBudget) {
        return switch (key) {
            case "period", "height", "count", "bearing", "crew" -> integer();
            case "range", "wind", "tide" -> decimal();
            case "name", "note", "motto" -> quoted(phrase(1 + random.nextInt(4)));
            default -> value(bracketBudget);
        };
    }

    /** A number, word or string, or, while {@code bracketBudget} allows, a list or a pair nesting more values. */
    private String value(int bracketBudget) {
        return switch (random.nextInt(bracketBudget > 0 ? 6 : 3)) {
            case 0 -> random.nextInt(3) == 0 ? decimal() : integer();
            case 1 -> pick(WORDS);
            case 2 -> quoted(phrase(1 + random.nextInt(4)));
            case 3, 4 -> "[" + values(1 + random.nextInt(4), bracketBudget - 1) + "]";
            default -> "(" + pick(PAIR_KEYS) + " " + values(1 + random.nextInt(3), bracketBudget - 1) + ")";
        };
    }

    private String values(int count, int bracketBudget) {
        StringBuilder joined = new StringBuilder(value(bracketBudget));
        for (int i = 1; i < count; i++) {
            joined.append(' ').append(value(bracketBudget));
        }
        return joined.toString();
    }

    /** Words, now and then a number among them, as in "lamp lit at 4": no quotes, no brackets. */
    private String phrase(int wordCount) {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < wordCount; i++) {
            if (i > 0) {
                phrase.append(' ');
            }
            phrase.append(random.nextInt(6) == 0 ? integer() : pick(WORDS));
        }
        return phrase.toString();
    }

    /** Mostly small numbers, as a register would hold, sometimes up to three digits. */
    private String integer() {
        return Integer.toString(random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextInt(24));
    }

    private String decimal() {
        return random.nextInt(100) + "." + random.nextInt(10);
    }

    private static String quoted(String content) {
        return '"' + content + '"';
    }

    private static String indent(int depth) {
        return INDENT.repeat(depth);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
