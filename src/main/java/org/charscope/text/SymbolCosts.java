package org.charscope.text;

/**
 * How the symbols of a text stand for its characters, for losses per character: a model that
 * predicts symbol {@code i} with probability p has paid {@code -ln p + extraNats[i]} nats for the
 * {@code characters[i]} characters it stands for. The extra is what a word model pays to spell out
 * a word it only knows as "unknown"; without it, merging rare words would look like learning.
 *
 * @param characters [symbols] code points each symbol stands for, at least 1
 * @param extraNats  [symbols] nats beyond the model's own prediction, 0 or more
 */
public record SymbolCosts(int[] characters, double[] extraNats) {

    public SymbolCosts {
        if (characters.length != extraNats.length) {
            throw new IllegalArgumentException(characters.length + " symbols but " + extraNats.length + " costs");
        }
    }

    public int size() {
        return characters.length;
    }
}
