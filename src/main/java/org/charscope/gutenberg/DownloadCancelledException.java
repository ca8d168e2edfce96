package org.charscope.gutenberg;

/**
 * The person cancelled the download. A separate type so a dialog can say "cancelled" quietly
 * instead of showing an error for something that was asked for.
 */
public final class DownloadCancelledException extends DownloadException {

    private static final long serialVersionUID = 1L;

    public DownloadCancelledException(BookNumber number) {
        super("download of book " + number + " cancelled");
    }
}
