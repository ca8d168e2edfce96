package org.charscope.text;

/**
 * A file's text with its Project Gutenberg header and footer removed, and what they said.
 *
 * @param body           the text between header and footer (all of it when there are none),
 *                       without blank lines at either end and without a final line end
 * @param headerStripped whether a header was found and removed
 * @param footerStripped whether a footer was found and removed
 * @param title          the title the header names, or null
 * @param author         the author the header names, or null
 */
record StrippedText(String body, boolean headerStripped, boolean footerStripped, String title, String author) {
}
