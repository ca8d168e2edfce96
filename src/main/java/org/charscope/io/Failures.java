package org.charscope.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** A failure from a background job as one line a person understands, never a stack trace. */
public final class Failures {

    private Failures() {
    }

    /** The innermost cause's message, with the common file-system failures put in words. */
    public static String oneLine(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied (is the folder read-only?)";
        }
        if (cause instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        String message = cause.getMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("no space")) {
            return "the disk is full";
        }
        if (cause instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(Locale.ROOT).contains("read-only")
                    ? "the folder is read-only" : fse.getReason(); // the reason, without the temporary file's name
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
