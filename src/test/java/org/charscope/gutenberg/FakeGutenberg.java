package org.charscope.gutenberg;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for gutenberg.org on loopback: each path answers as a test says, every request is
 * counted, and unknown paths answer 404. Answers that stall hold their connection until
 * {@link #close()}.
 */
public final class FakeGutenberg implements AutoCloseable {

    /** How one path answers. */
    @FunctionalInterface
    public interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    /** A tiny book with a modern Project Gutenberg header and footer around three lines of text. */
    public static final String BOOK_BODY = "CHAPTER I\n\nThe keeper lit the lamp at dusk.\nThe sea was calm.\n";

    public static final String BOOK = """
            The Project Gutenberg eBook of The Tiny Test Book

            This ebook is for the use of anyone anywhere in the United States and
            most other parts of the world at no cost and with almost no restrictions
            whatsoever.

            Title: The Tiny Test Book

            Author: A. Tester

            Release date: April 1, 2024 [eBook #1342]

            *** START OF THE PROJECT GUTENBERG EBOOK THE TINY TEST BOOK ***


            """ + BOOK_BODY + """


            *** END OF THE PROJECT GUTENBERG EBOOK THE TINY TEST BOOK ***

            Updated editions will replace the previous one--the old editions will
            be renamed.
            """;

    /** The start of a real PNG file: signature and header chunk, full of NUL bytes. */
    public static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0, 0x1f, (byte) 0xf3, (byte) 0xff, 0x61,
    };

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-gutenberg");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requested = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public FakeGutenberg() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers); // several at once: a stalled answer must not block the next
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, to use as the client's base address. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    public FakeGutenberg serve(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** Paths requested so far, in order. */
    public synchronized List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (this) {
            requested.add(exchange.getRequestURI().getPath());
        }
        try (exchange) {
            answers.getOrDefault(exchange.getRequestURI().getPath(), status(404)).send(exchange);
        } catch (IOException e) {
            // the client hung up (refused an oversized body, cancelled): expected in these tests
        }
    }

    /** The tiny book, as {@code text/plain; charset=utf-8} with its length. */
    public static Answer book() {
        return body("text/plain; charset=utf-8", BOOK.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer body(String contentType, byte[] bytes) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    public static Answer status(int code) {
        return exchange -> exchange.sendResponseHeaders(code, -1);
    }

    public static Answer redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** Plain text sent chunked (no length given), {@code chunkBytes} at a time, {@code totalBytes} in all. */
    public static Answer chunked(int chunkBytes, int totalBytes) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = "a".repeat(chunkBytes).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < totalBytes; sent += chunkBytes) {
                out.write(chunk);
                out.flush();
            }
        };
    }

    /** Headers declaring {@code declaredBytes}, then {@code sentBytes} of text, then silence until {@link #close()}. */
    public Answer stalling(long declaredBytes, int sentBytes) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, declaredBytes);
            exchange.getResponseBody().write("b".repeat(sentBytes).getBytes(StandardCharsets.US_ASCII));
            exchange.getResponseBody().flush();
            awaitClose();
        };
    }

    /** No answer at all, not even headers, until {@link #close()}. */
    public Answer silent() {
        return exchange -> awaitClose();
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
