package org.charscope.gutenberg;

import java.net.URI;
import java.time.Duration;

/**
 * How the client downloads. Tests point {@code baseUri} at a server on loopback and shorten the
 * timeouts and the limit.
 *
 * @param baseUri        the site: {@code https://www.gutenberg.org}, or a mirror with the same paths
 * @param connectTimeout how long to wait for a connection before saying the site cannot be reached
 * @param idleTimeout    how long to wait for the answer to start, and then for each next piece of
 *                       the book, before calling the download stalled; a slow line still counts as
 *                       progress, a dead one does not
 * @param maxBytes       the largest book downloaded; the biggest plain-text books on the site are
 *                       about 20 MB, so anything far past that is not a book, and it is held in
 *                       memory while it is checked
 */
public record DownloadSettings(URI baseUri, Duration connectTimeout, Duration idleTimeout, long maxBytes) {

    public DownloadSettings {
        String scheme = baseUri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("baseUri must be an http or https address, was " + baseUri);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be between 1 and the largest Java array, was " + maxBytes);
        }
    }

    public static DownloadSettings defaults() {
        return new DownloadSettings(URI.create("https://www.gutenberg.org"), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 64L * 1024 * 1024);
    }
}
