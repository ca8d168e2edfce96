package org.charscope.gutenberg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import org.charscope.text.BadTextException;
import org.charscope.text.BookReader;
import org.charscope.text.ByteCount;

/**
 * Fetches a book's plain-text edition from Project Gutenberg into a {@link BookCache}. The app
 * then opens the cached file with {@link BookReader} like any other, so the licence text is
 * stripped by the same code.
 *
 * <p>For book N, in order:
 * <ol>
 *   <li>a cached {@code pgN.txt} is returned at once, without the network;</li>
 *   <li>{@code /cache/epub/N/pgN.txt} is requested (the file the site's own "Plain Text UTF-8"
 *       link ends at), and on 404 {@code /ebooks/N.txt.utf-8} (the link itself, for books whose
 *       generated files live elsewhere); redirects are followed, except to another scheme or from
 *       https down to http;</li>
 *   <li>the answer is refused if it is an HTTP error, not {@code text/plain}, or declares a size
 *       over the limit; then the body is read with progress reports, and refused as soon as it
 *       passes the limit or goes quiet for the idle timeout;</li>
 *   <li>the bytes are checked with {@link BookReader} (binary, empty, licence only) and kept in
 *       the cache.</li>
 * </ol>
 * Every failure is a {@link DownloadException} with a one-line message; a cancel is a
 * {@link DownloadCancelledException}. Nothing is cached unless the whole book arrived and passed.
 * One client may serve several downloads at once, each on its own thread.
 */
public final class GutenbergClient {

    /** Project Gutenberg asks automated clients to say who they are. */
    private static final String USER_AGENT = "CharScope/0.1 (desktop app; downloads one book at a time)";

    private static final int READ_CHUNK_BYTES = 64 * 1024;

    private final DownloadSettings settings;
    private final BookCache cache;
    private HttpClient http;   // made at the first download: building one sets up TLS, ~0.3 s

    /** Downloads from gutenberg.org into the data folder's {@code gutenberg} ({@link BookCache#inDataFolder()}). */
    public GutenbergClient() {
        this(DownloadSettings.defaults(), BookCache.inDataFolder());
    }

    public GutenbergClient(DownloadSettings settings, BookCache cache) {
        this.settings = settings;
        this.cache = cache;
    }

    /**
     * The HTTP client, made on first use: the window makes a {@code GutenbergClient} as it opens,
     * and setting up TLS there would delay its first frame for a download that may never come.
     */
    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(settings.connectTimeout())
                    .build();
        }
        return http;
    }

    public BookCache cache() {
        return cache;
    }

    /**
     * The book's plain text as a cached file, downloaded first unless it is already cached.
     * Blocks; call it off the UI thread.
     *
     * @param progress told the bytes received (for a cached book, once, size of size)
     * @param cancel   stops the download promptly from another thread; nothing is cached then
     * @throws DownloadCancelledException if {@code cancel} was used
     * @throws DownloadException          for any other failure, with a one-line message
     */
    public Path fetch(BookNumber number, DownloadProgress progress, CancelToken cancel) throws DownloadException {
        Optional<Path> cached = cache.find(number);
        if (cached.isPresent()) {
            long size = cached.get().toFile().length();
            progress.update(size, size);
            return cached.get();
        }
        byte[] bytes = download(number, progress, cancel);
        requirePlainText(number, bytes);
        if (cancel.isCancelled()) {
            throw new DownloadCancelledException(number); // asked for before it was kept: honour it
        }
        return cache.store(number, bytes);
    }

    /** Where the site keeps the book's plain text, most direct first. */
    private List<URI> editionAddresses(BookNumber number) {
        String base = settings.baseUri().toString().replaceAll("/+$", "");
        return List.of(URI.create(base + "/cache/epub/" + number + "/pg" + number + ".txt"),
                URI.create(base + "/ebooks/" + number + ".txt.utf-8"));
    }

    private byte[] download(BookNumber number, DownloadProgress progress, CancelToken cancel) throws DownloadException {
        HttpResponse<InputStream> response = null;
        for (URI address : editionAddresses(number)) {
            response = request(address, number, cancel);
            if (response.statusCode() != 404) {
                break;
            }
            closeQuietly(response.body());
        }
        try (InputStream body = response.body()) {
            requireUsableAnswer(number, response);
            return readBody(number, body, response.headers().firstValueAsLong("Content-Length").orElse(-1),
                    progress, cancel);
        } catch (IOException e) {
            throw failure(number, e); // only from closing the body; a read failure is mapped inside
        }
    }

    /** Sends the request and waits for the headers; a cancel aborts the wait. */
    private HttpResponse<InputStream> request(URI address, BookNumber number, CancelToken cancel)
            throws DownloadException {
        HttpRequest request = HttpRequest.newBuilder(address)
                .timeout(settings.idleTimeout()) // until the headers; the body has its own watchdog
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/plain")
                .GET()
                .build();
        CompletableFuture<HttpResponse<InputStream>> answer =
                http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        cancel.onCancel(() -> answer.cancel(true));
        try {
            return answer.get();
        } catch (CancellationException e) {
            throw new DownloadCancelledException(number);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new DownloadCancelledException(number);
        } catch (ExecutionException e) {
            if (cancel.isCancelled()) {
                throw new DownloadCancelledException(number);
            }
            throw failure(number, e.getCause());
        }
    }

    /** Refuses errors, redirects that were not followed, non-text and declared oversize, before reading a byte. */
    private void requireUsableAnswer(BookNumber number, HttpResponse<InputStream> response) throws DownloadException {
        int status = response.statusCode();
        if (status == 404) {
            throw new DownloadException("book " + number + " not found on Project Gutenberg");
        }
        if (status >= 500) {
            throw new DownloadException("Project Gutenberg answered " + status + "; try again later");
        }
        if (status >= 300 && status < 400) {
            String target = response.headers().firstValue("Location").orElse("nowhere");
            throw new DownloadException("Project Gutenberg sent book " + number + " on to " + oneLine(target)
                    + ", an address CharScope does not follow");
        }
        if (status != 200) {
            throw new DownloadException("Project Gutenberg refused book " + number + " (HTTP " + status + ")");
        }
        Optional<String> type = response.headers().firstValue("Content-Type");
        String mediaType = type.map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("text/plain");
        if (!mediaType.equals("text/plain")) {
            throw new DownloadException("Project Gutenberg sent book " + number + " as " + oneLine(mediaType)
                    + ", not plain text");
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > settings.maxBytes()) {
            throw new DownloadException("book " + number + " is " + ByteCount.format(declared) + ", more than the "
                    + ByteCount.format(settings.maxBytes()) + " CharScope downloads");
        }
    }

    /**
     * Reads the whole body. A watchdog closes the stream when nothing arrives for the idle
     * timeout, and a cancel closes it at once; either wakes a read blocked on a silent server.
     */
    private byte[] readBody(BookNumber number, InputStream body, long total, DownloadProgress progress,
                            CancelToken cancel) throws DownloadException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(total > 0 ? (int) total : READ_CHUNK_BYTES);
        byte[] chunk = new byte[READ_CHUNK_BYTES];
        long done = 0;
        progress.update(0, total);
        try (IdleWatchdog watchdog = new IdleWatchdog(settings.idleTimeout(), () -> closeQuietly(body))) {
            cancel.onCancel(() -> closeQuietly(body));
            try {
                for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
                    watchdog.activity();
                    if (cancel.isCancelled()) {
                        throw new DownloadCancelledException(number);
                    }
                    done += read;
                    if (done > settings.maxBytes()) {
                        throw new DownloadException("book " + number + " is more than the "
                                + ByteCount.format(settings.maxBytes()) + " CharScope downloads");
                    }
                    bytes.write(chunk, 0, read);
                    progress.update(done, total);
                }
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    throw new DownloadCancelledException(number);
                }
                if (watchdog.fired()) {
                    throw new DownloadException("the download of book " + number + " stalled: nothing arrived for "
                            + inWords(settings.idleTimeout()) + "; try again later");
                }
                throw failure(number, e);
            }
        }
        return bytes.toByteArray();
    }

    /** Refuses what BookReader would refuse, before it takes a place in the cache. */
    private void requirePlainText(BookNumber number, byte[] bytes) throws DownloadException {
        try {
            new BookReader(settings.maxBytes()).read("pg" + number + ".txt", bytes);
        } catch (BadTextException e) {
            throw new DownloadException("Project Gutenberg sent no usable text for book " + number + ": "
                    + e.getMessage());
        }
    }

    /** A network failure in words; never a class name or a stack trace. */
    private DownloadException failure(BookNumber number, Throwable e) {
        String host = settings.baseUri().getHost();
        if (e instanceof HttpConnectTimeoutException) {
            return new DownloadException("could not reach " + host + " within " + inWords(settings.connectTimeout())
                    + "; check the internet connection");
        }
        if (e instanceof HttpTimeoutException) {
            return new DownloadException(host + " did not answer within " + inWords(settings.idleTimeout())
                    + "; try again later");
        }
        if (e instanceof ConnectException) {
            return new DownloadException("could not connect to " + host + "; check the internet connection");
        }
        if (e instanceof SSLException) {
            return new DownloadException("the secure connection to " + host + " failed: " + reason(e));
        }
        return new DownloadException("the download of book " + number + " failed: " + reason(e));
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "the connection broke off" : oneLine(e.getMessage());
    }

    /** "30 s", or "300 ms" for the short timeouts of tests. */
    private static String inWords(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // closing is how a stalled or cancelled download is stopped; its own failure changes nothing
        }
    }
}
