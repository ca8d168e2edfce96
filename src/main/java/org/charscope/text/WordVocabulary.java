package org.charscope.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Word-level symbols ({@link WordTokens}): the most frequent tokens of the training text, every
 * other word as one of two unknown symbols (with or without a space before it), and what spelling
 * an unknown word out costs ({@link UnknownSpelling}), so losses per character stay honest.
 *
 * <p>Built from the training part only: a word first seen in the held-out text is unknown to the
 * model, as it would be to any reader, and pays to be spelled.
 */
public final class WordVocabulary implements Symbols {

    /** Id 0: a word the vocabulary lacks, with no space before it. */
    public static final String UNKNOWN = "<unk>";
    /** Id 1: a word the vocabulary lacks, after a space. */
    public static final String UNKNOWN_AFTER_SPACE = " <unk>";
    /** Tokens kept by default: enough for most of a novel's running words, small enough to train fast. */
    public static final int DEFAULT_MAX_WORDS = 10_000;
    /** The most tokens a vocabulary may keep (the model's softmax grows with it). */
    public static final int MAX_WORDS = 50_000;
    /** A token must be seen this often in the training text to get a symbol of its own. */
    public static final int MIN_COUNT = 2;

    private final String[] tokenById;           // [size]: the two unknowns, then by falling count
    private final Map<String, Integer> idByToken;
    private final UnknownSpelling spelling;

    /**
     * @param tokens   [size] the token of each id; ids 0 and 1 are {@link #UNKNOWN} and {@link #UNKNOWN_AFTER_SPACE}
     * @param spelling what spelling an unknown word costs
     * @throws IllegalArgumentException if the tokens repeat or do not start with the two unknowns
     */
    public WordVocabulary(List<String> tokens, UnknownSpelling spelling) {
        if (tokens.size() < 3 || !tokens.get(0).equals(UNKNOWN) || !tokens.get(1).equals(UNKNOWN_AFTER_SPACE)) {
            throw new IllegalArgumentException("a word vocabulary starts with " + UNKNOWN + " and " + UNKNOWN_AFTER_SPACE
                    + " and has at least one word");
        }
        this.tokenById = tokens.toArray(String[]::new);
        this.idByToken = new HashMap<>(tokens.size() * 2);
        for (int id = 0; id < tokenById.length; id++) {
            if (tokenById[id].isEmpty() || idByToken.put(tokenById[id], id) != null) {
                throw new IllegalArgumentException("the word vocabulary lists \"" + tokenById[id] + "\" twice or empty");
            }
        }
        this.spelling = spelling;
    }

    /**
     * The at most {@code maxWords} symbols (the two unknowns included) for {@code training}: its
     * tokens seen at least {@link #MIN_COUNT} times, most frequent first (ties in string order, so
     * the same text always gives the same ids).
     *
     * @param alphabet text whose characters an unknown word may be spelled with (the whole book)
     */
    public static WordVocabulary build(String training, String alphabet, int maxWords) {
        if (maxWords < 3 || maxWords > MAX_WORDS) {
            throw new IllegalArgumentException("a word vocabulary keeps 3 to " + MAX_WORDS + " tokens, not " + maxWords);
        }
        Map<String, long[]> counts = new HashMap<>();
        WordTokens.forEach(training, token -> counts.computeIfAbsent(token, t -> new long[1])[0]++);
        List<Map.Entry<String, long[]>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        List<String> tokens = new ArrayList<>(List.of(UNKNOWN, UNKNOWN_AFTER_SPACE));
        for (Map.Entry<String, long[]> entry : byCount) {
            if (tokens.size() < maxWords && entry.getValue()[0] >= MIN_COUNT) {
                tokens.add(entry.getKey());
            }
        }
        if (tokens.size() == 2) {
            throw new IllegalArgumentException("no token of the training text appears twice");
        }
        TreeSet<Integer> letters = new TreeSet<>();
        alphabet.codePoints().forEach(letters::add);
        training.codePoints().forEach(letters::add);
        int[] codePoints = letters.stream().mapToInt(Integer::intValue).toArray();
        long[] letterCounts = new long[codePoints.length];
        long ends = 0;
        Set<String> kept = new HashSet<>(tokens);
        for (Map.Entry<String, long[]> entry : byCount) {
            if (kept.contains(entry.getKey())) {
                continue;
            }
            String word = withoutLeadingSpace(entry.getKey());
            long n = entry.getValue()[0];
            ends += n;
            word.codePoints().forEach(cp -> letterCounts[Arrays.binarySearch(codePoints, cp)] += n);
        }
        return new WordVocabulary(tokens, new UnknownSpelling(codePoints, letterCounts, ends));
    }

    @Override
    public int size() {
        return tokenById.length;
    }

    /** The tokens in id order, for saving. */
    public List<String> tokens() {
        return List.of(tokenById);
    }

    public UnknownSpelling spelling() {
        return spelling;
    }

    @Override
    public int[] encode(String text) {
        IntList ids = new IntList();
        WordTokens.forEach(text, token -> ids.add(id(token)));
        return ids.toArray();
    }

    /** The id of a token: its own, or the unknown that matches its leading space. */
    public int id(String token) {
        Integer id = idByToken.get(token);
        if (id != null) {
            return id;
        }
        return token.startsWith(" ") ? 1 : 0;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder text = new StringBuilder(ids.length * 5);
        for (int id : ids) {
            text.append(tokenById[id]);
        }
        return text.toString();
    }

    @Override
    public String symbol(int id) {
        return tokenById[id];
    }

    @Override
    public SymbolCosts costs(String text) {
        IntList characters = new IntList();
        List<Double> extra = new ArrayList<>();
        WordTokens.forEach(text, token -> {
            characters.add(token.codePointCount(0, token.length()));
            extra.add(idByToken.containsKey(token) ? 0.0 : spelling.nats(withoutLeadingSpace(token)));
        });
        return new SymbolCosts(characters.toArray(), extra.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordVocabulary w && Arrays.equals(tokenById, w.tokenById) && spelling.equals(w.spelling);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokenById);
    }

    private static String withoutLeadingSpace(String token) {
        return token.startsWith(" ") && token.length() > 1 ? token.substring(1) : token;
    }

    /** A growing int array: a book's tokens without boxing each. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
