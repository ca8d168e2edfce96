package org.charscope.text;

/**
 * One file as it was read, for the person to check that CharScope understood it.
 *
 * @param fileName       the file's name without its folder
 * @param bytes          the file's size on disk
 * @param encoding       how its bytes were decoded, as a person would name it: "UTF-8",
 *                       "UTF-8 (BOM)", "UTF-16LE (BOM)", "UTF-16BE (BOM)" or "windows-1252"
 * @param headerStripped whether a Project Gutenberg header was removed
 * @param footerStripped whether a Project Gutenberg footer was removed (a download cut short has
 *                       none)
 * @param title          the title named in the Gutenberg header, or null
 * @param author         the author named in the Gutenberg header, or null
 * @param characters     code points this file contributes to the book, after stripping
 */
public record SourceFile(String fileName, long bytes, String encoding, boolean headerStripped,
                         boolean footerStripped, String title, String author, int characters) {
}
