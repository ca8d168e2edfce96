package org.charscope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text into word-level tokens whose concatenation is the text, character for character: a
 * word with the space before it if there is one (" the", as GPT-2's tokens carry theirs), a
 * punctuation mark or other symbol likewise (" (" or ","), and every other white-space character
 * on its own ("\n", a second space). Keeping the spaces inside the tokens lets a word model write
 * text back exactly, and lets its loss be counted per character of the original.
 *
 * <p>A word is a letter or digit followed by letters, digits, combining marks and apostrophes
 * that join two letters ("don't", "o'er"), at most {@link #MAX_WORD} characters: longer runs (a
 * line of 100 MB without a space) continue as further tokens, so no token is unbounded.
 */
public final class WordTokens {

    /** The most characters of one word token, not counting its leading space. */
    public static final int MAX_WORD = 32;

    private static final String LETTER = "[\\p{L}\\p{N}]";
    private static final String INSIDE = "(?:[\\p{L}\\p{M}\\p{N}]|['\u2019](?=[\\p{L}\\p{N}]))";
    private static final Pattern TOKEN = Pattern.compile(
            " ?" + LETTER + INSIDE + "{0," + (MAX_WORD - 1) + "}"   // a word, with its space
                    + "| ?[^\\s\\p{L}\\p{N}]"                          // one other symbol, with its space
                    + "|\\s");                                          // any other white space, alone

    private WordTokens() {
    }

    /** Hands each token of {@code text} to {@code token}, in order. */
    public static void forEach(CharSequence text, Consumer<String> token) {
        Matcher matcher = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            matcher.region(at, text.length());
            if (!matcher.lookingAt()) {
                // every character is white space, a letter or digit, or something else: unreachable
                throw new IllegalStateException("no token at offset " + at);
            }
            token.accept(matcher.group());
            at = matcher.end();
        }
    }

    /** The tokens of {@code text}, for tests and short texts. */
    public static List<String> of(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        forEach(text, tokens::add);
        return tokens;
    }
}
