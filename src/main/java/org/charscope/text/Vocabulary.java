package org.charscope.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The symbols a model reads and writes: Unicode code points (an emoji is one symbol, never two
 * UTF-16 halves), numbered in ascending code-point order so the same text always gives the same
 * numbering. Optionally, code points seen fewer than {@code minCount} times share one
 * {@link #UNKNOWN} symbol, which then takes id 0.
 *
 * <p>Built over the whole text, training and validation alike, so evaluation never meets a
 * symbol the model has no row for.
 */
public final class Vocabulary implements Symbols {

    /** The code point that stands for every merged rare symbol: U+FFFD REPLACEMENT CHARACTER. */
    public static final int UNKNOWN = 0xFFFD;

    private final int[] codePointById; // [size], ascending except that UNKNOWN, if merged, is id 0
    private final Map<Integer, Integer> idByCodePoint;
    private final boolean hasUnknown;

    private Vocabulary(int[] codePointById, boolean hasUnknown, Map<Integer, Integer> rareToUnknown) {
        this.codePointById = codePointById;
        this.hasUnknown = hasUnknown;
        this.idByCodePoint = new HashMap<>(codePointById.length * 2 + rareToUnknown.size() * 2);
        for (int id = 0; id < codePointById.length; id++) {
            idByCodePoint.put(codePointById[id], id);
        }
        idByCodePoint.putAll(rareToUnknown);
    }

    /** Every distinct code point of {@code text}, in ascending order. */
    public static Vocabulary of(String text) {
        return build(text, 0);
    }

    /**
     * @param minCount code points seen fewer times than this are merged into {@link #UNKNOWN};
     *                 0 or 1 keeps every symbol
     */
    public static Vocabulary build(String text, int minCount) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        text.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
        return fromCounts(counts, minCount);
    }

    /** Restores a vocabulary saved as its code points in id order (as {@link #codePoints()} gives them). */
    public static Vocabulary fromCodePoints(int[] codePointById) {
        int[] copy = codePointById.clone();
        long distinct = Arrays.stream(copy).distinct().count();
        if (distinct != copy.length) {
            throw new IllegalArgumentException("vocabulary lists a symbol twice");
        }
        boolean hasUnknown = copy.length > 0 && copy[0] == UNKNOWN;
        return new Vocabulary(copy, hasUnknown, Map.of());
    }

    private static Vocabulary fromCounts(TreeMap<Integer, Integer> counts, int minCount) {
        int[] kept = counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount && e.getKey() != UNKNOWN)
                .mapToInt(Map.Entry::getKey).toArray();
        boolean anyRare = counts.entrySet().stream().anyMatch(e -> e.getValue() < minCount);
        boolean hasUnknown = anyRare || counts.containsKey(UNKNOWN);
        Map<Integer, Integer> rareToUnknown = new HashMap<>();
        if (hasUnknown) {
            counts.forEach((cp, n) -> {
                if (n < minCount) {
                    rareToUnknown.put(cp, 0);
                }
            });
            int[] withUnknown = new int[kept.length + 1];
            withUnknown[0] = UNKNOWN;
            System.arraycopy(kept, 0, withUnknown, 1, kept.length);
            kept = withUnknown;
        }
        return new Vocabulary(kept, hasUnknown, rareToUnknown);
    }

    @Override
    public int size() {
        return codePointById.length;
    }

    /** Whether rare symbols were merged into {@link #UNKNOWN} (id 0). */
    public boolean hasUnknown() {
        return hasUnknown;
    }

    /** The id of a code point; unseen code points map to the unknown symbol if there is one. */
    public int id(int codePoint) {
        Integer id = idByCodePoint.get(codePoint);
        if (id != null) {
            return id;
        }
        if (hasUnknown) {
            return 0;
        }
        throw new IllegalArgumentException(
                "symbol " + describe(codePoint) + " is not in the vocabulary of " + size() + " symbols");
    }

    public boolean contains(int codePoint) {
        return idByCodePoint.containsKey(codePoint);
    }

    public int codePoint(int id) {
        return codePointById[id];
    }

    /** The symbol as a string (one or two UTF-16 chars). */
    @Override
    public String symbol(int id) {
        return Character.toString(codePointById[id]);
    }

    /** Code points in id order, for saving; a copy. */
    public int[] codePoints() {
        return codePointById.clone();
    }

    /** The text as ids, one per code point. */
    @Override
    public int[] encode(String text) {
        return text.codePoints().map(this::id).toArray();
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder(ids.length);
        for (int id : ids) {
            out.appendCodePoint(codePointById[id]);
        }
        return out.toString();
    }

    /** Same symbols under the same ids (and the same unknown). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && hasUnknown == v.hasUnknown && Arrays.equals(codePointById, v.codePointById);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codePointById);
    }

    /** Null: every symbol is one character, and a merged rare one is not spelled out (it stays a loss of its own). */
    @Override
    public SymbolCosts costs(String text) {
        return null;
    }

    /**
     * A readable name for a symbol: visible ones as themselves, others as U+XXXX or an escape.
     * Invisible means more than control characters: a no-break space, a zero-width space, a
     * lone surrogate or an unassigned code point would otherwise show as an empty or broken cell.
     */
    public static String describe(int codePoint) {
        switch (codePoint) {
            case '\n': return "\\n";
            case '\t': return "\\t";
            case ' ': return "space";
            default:
                if (isInvisible(codePoint)) {
                    return String.format("U+%04X", codePoint);
                }
                return Character.toString(codePoint);
        }
    }

    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> Character.isWhitespace(codePoint);
        };
    }
}
