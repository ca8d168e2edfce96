package org.charscope.text;

/**
 * A file's bytes turned into characters, and how.
 *
 * @param text     the characters, line ends as they were in the file
 * @param encoding the encoding's display name, as in {@link SourceFile#encoding()}
 */
record DecodedText(String text, String encoding) {
}
