package org.charscope.text;

/**
 * What a model reads and writes, whatever a symbol is: one character ({@link Vocabulary}) or a
 * word with its leading space ({@link WordVocabulary}). The engine sees only ids; this turns text
 * into ids and back, and says what the ids of a text cost per character, so that models of either
 * kind are compared on the same footing: bits per character of the original text.
 */
public sealed interface Symbols permits Vocabulary, WordVocabulary {

    /** Symbols in the vocabulary: the model's input and output size. */
    int size();

    /** The text as ids; whatever is not in the vocabulary becomes its unknown symbol, if it has one. */
    int[] encode(String text);

    /** The text the ids stand for (an unknown symbol as its placeholder). */
    String decode(int[] ids);

    /** One symbol as text. */
    String symbol(int id);

    /**
     * Per symbol of {@code text} ({@link #encode} order): the characters it stands for and what
     * spelling it out costs beyond the model's prediction of it. Null when every symbol is one
     * character and costs nothing more, so that per symbol and per character are the same.
     */
    SymbolCosts costs(String text);
}
