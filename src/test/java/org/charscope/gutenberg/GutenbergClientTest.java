package org.charscope.gutenberg;

import static org.charscope.gutenberg.FakeGutenberg.body;
import static org.charscope.gutenberg.FakeGutenberg.book;
import static org.charscope.gutenberg.FakeGutenberg.chunked;
import static org.charscope.gutenberg.FakeGutenberg.redirect;
import static org.charscope.gutenberg.FakeGutenberg.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.charscope.text.Book;
import org.charscope.text.BookReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a fake Project Gutenberg on loopback: every answer the real site could give. */
class GutenbergClientTest {

    /** The idle timeout of the tests about timeouts: short, so a stall is seen within a second. */
    private static final Duration SHORT = Duration.ofMillis(300);

    /** Every other test's timeouts: a first request on a busy machine may well take 300 ms. */
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    private static final long LIMIT_BYTES = 4096;

    private static final BookNumber PRIDE = new BookNumber(1342);

    @TempDir
    Path folder;

    private final FakeGutenberg site = new FakeGutenberg();

    @AfterEach
    void stopSite() {
        site.close();
    }

    private GutenbergClient client(Duration idleTimeout) {
        return client(site.uri(), idleTimeout);
    }

    private GutenbergClient client(URI base, Duration idleTimeout) {
        return new GutenbergClient(new DownloadSettings(base, GENEROUS, idleTimeout, LIMIT_BYTES),
                new BookCache(folder.resolve("cache")));
    }

    private Path fetch(int number) throws DownloadException {
        return fetch(number, GENEROUS);
    }

    private Path fetch(int number, Duration idleTimeout) throws DownloadException {
        return client(idleTimeout).fetch(new BookNumber(number), DownloadProgress.NONE, new CancelToken());
    }

    private DownloadException refused(int number) {
        return refused(number, GENEROUS);
    }

    private DownloadException refused(int number, Duration idleTimeout) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(DownloadException.class,
                () -> fetch(number, idleTimeout)));
    }

    /** Every file in the cache folder, .part files included: after a failure there must be none. */
    private List<Path> cacheFiles() throws IOException {
        Path cache = folder.resolve("cache");
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    @Test
    void downloadsTheBookIntoTheCacheAndOpensItFromThereTheSecondTime() throws Exception {
        site.serve("/cache/epub/1342/pg1342.txt", book());
        GutenbergClient client = client(GENEROUS);
        List<long[]> reports = new ArrayList<>();

        Path file = client.fetch(PRIDE, (done, total) -> reports.add(new long[] {done, total}), new CancelToken());

        assertEquals(folder.resolve("cache").resolve("pg1342.txt"), file);
        assertEquals(FakeGutenberg.BOOK, Files.readString(file));
        long size = FakeGutenberg.BOOK.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(List.of(0L, size), List.of(reports.get(0)[0], reports.get(0)[1]), "first report");
        long[] last = reports.get(reports.size() - 1);
        assertEquals(List.of(size, size), List.of(last[0], last[1]), "last report");
        Book book = new BookReader().read(file);
        assertEquals("The Tiny Test Book", book.title());
        assertEquals(FakeGutenberg.BOOK_BODY, book.text(), "the app strips the licence as for any file");

        Path again = client.fetch(PRIDE, DownloadProgress.NONE, new CancelToken());

        assertEquals(file, again);
        assertEquals(List.of("/cache/epub/1342/pg1342.txt"), site.requested(), "the second fetch is served from the cache");
        assertEquals(List.of(file), cacheFiles());
    }

    @Test
    void followsARedirect() throws Exception {
        site.serve("/cache/epub/84/pg84.txt", redirect("/mirror/frankenstein.txt"))
                .serve("/mirror/frankenstein.txt", book());

        Path file = fetch(84);

        assertEquals(FakeGutenberg.BOOK, Files.readString(file));
        assertEquals(List.of("/cache/epub/84/pg84.txt", "/mirror/frankenstein.txt"), site.requested());
    }

    @Test
    void refusesARedirectToAnotherScheme() throws Exception {
        site.serve("/cache/epub/84/pg84.txt", redirect("ftp://127.0.0.1/pg84.txt"));

        assertEquals("Project Gutenberg sent book 84 on to ftp://127.0.0.1/pg84.txt, an address CharScope does not"
                + " follow", refused(84).getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void fallsBackToTheEbooksAddressWhenTheCacheAddressIs404() throws Exception {
        site.serve("/ebooks/98.txt.utf-8", book());

        Path file = fetch(98);

        assertEquals(FakeGutenberg.BOOK, Files.readString(file));
        assertEquals(List.of("/cache/epub/98/pg98.txt", "/ebooks/98.txt.utf-8"), site.requested());
    }

    @Test
    void aBookOnNeitherAddressIsNotFound() throws Exception {
        assertEquals("book 4242 not found on Project Gutenberg", refused(4242).getMessage());
        assertEquals(2, site.requested().size());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aServerErrorSaysTryLaterWithoutTryingTheOtherAddress() throws Exception {
        site.serve("/cache/epub/11/pg11.txt", status(503));

        assertEquals("Project Gutenberg answered 503; try again later", refused(11).getMessage());
        assertEquals(1, site.requested().size());
    }

    @Test
    void aConnectionThatStallsAfterTheFirstBytesFailsWithinTheIdleTimeout() throws Exception {
        site.serve("/cache/epub/2600/pg2600.txt", site.stalling(3000, 100));
        long start = System.nanoTime();

        DownloadException e = refused(2600, SHORT);

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("the download of book 2600 stalled: nothing arrived for 300 ms; try again later", e.getMessage());
        assertTrue(elapsedMillis < 1000, "gave up after " + elapsedMillis + " ms");
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        site.serve("/cache/epub/2600/pg2600.txt", site.silent());

        assertEquals("127.0.0.1 did not answer within 300 ms; try again later", refused(2600, SHORT).getMessage());
    }

    @Test
    void aClosedPortCannotBeConnectedTo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        GutenbergClient client = client(URI.create("http://127.0.0.1:" + closedPort), GENEROUS);

        DownloadException e = assertThrows(DownloadException.class,
                () -> client.fetch(PRIDE, DownloadProgress.NONE, new CancelToken()));

        assertEquals("could not connect to 127.0.0.1; check the internet connection", e.getMessage());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        site.serve("/cache/epub/7/pg7.txt", body("text/plain", new byte[10_000]));

        assertEquals("book 7 is 9.8 KB, more than the 4 KB CharScope downloads", refused(7).getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aChunkedBodyIsRefusedAsSoonAsItGrowsOverTheLimit() throws Exception {
        site.serve("/cache/epub/7/pg7.txt", chunked(1024, 1024 * 1024));

        assertEquals("book 7 is more than the 4 KB CharScope downloads", refused(7).getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void anImageIsRefusedByItsContentType() throws Exception {
        site.serve("/cache/epub/7/pg7.txt", body("image/png", FakeGutenberg.PNG));

        assertEquals("Project Gutenberg sent book 7 as image/png, not plain text", refused(7).getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void anImageLabelledAsTextIsRefusedByItsBytes() throws Exception {
        site.serve("/cache/epub/7/pg7.txt", body("text/plain", FakeGutenberg.PNG));

        assertEquals("Project Gutenberg sent no usable text for book 7: pg7.txt looks like a binary file (it contains"
                + " NUL bytes), not plain text", refused(7).getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void cancellingMidDownloadStopsPromptlyAndCachesNothing() throws Exception {
        site.serve("/cache/epub/1342/pg1342.txt", site.stalling(0, 100)); // chunked, then silence
        GutenbergClient client = client(Duration.ofSeconds(30)); // only the cancel can end it quickly
        CancelToken cancel = new CancelToken();
        CountDownLatch firstBytes = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            try {
                firstBytes.await();
                cancel.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        long start = System.nanoTime();

        DownloadException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                DownloadCancelledException.class, () -> client.fetch(PRIDE, (done, total) -> {
                    if (done > 0) {
                        firstBytes.countDown();
                    }
                }, cancel)));

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("download of book 1342 cancelled", e.getMessage());
        assertTrue(elapsedMillis < 1000, "stopped after " + elapsedMillis + " ms");
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void cancellingBeforeTheServerAnswersStopsPromptly() throws Exception {
        site.serve("/cache/epub/1342/pg1342.txt", site.silent());
        GutenbergClient client = client(Duration.ofSeconds(30));
        CancelToken cancel = new CancelToken();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.cancel();
        });
        canceller.start();

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(DownloadCancelledException.class,
                () -> client.fetch(PRIDE, DownloadProgress.NONE, cancel)));
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aCacheFolderThatCannotBeWrittenIsSaidInOneLine() throws Exception {
        site.serve("/cache/epub/1342/pg1342.txt", book());
        Files.writeString(folder.resolve("cache"), "a file where the cache folder should be");

        DownloadException e = refused(1342);

        assertTrue(e.getMessage().startsWith("book 1342 cannot be kept in " + folder.resolve("cache") + ": "),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("Exception"), e.getMessage());
    }
}
