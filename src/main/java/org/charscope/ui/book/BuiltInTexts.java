package org.charscope.ui.book;

/** The sample texts packed into the application from {@code sample-texts/}. */
final class BuiltInTexts {

    /** The text the app opens on first. */
    static final String DEFAULT = "the-lighthouse-keepers.txt";

    private BuiltInTexts() {
    }
}
