package org.deephem.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An output that could not be written, with the reason in words ("permission denied", "no space
 * left on device", "is a folder", "file too large"). {@link #userCaused()} is true when another
 * output path would fix it (exit code 2), false when the machine is at fault (exit code 1).
 */
public final class WriteError extends RuntimeException {
    private final boolean userCaused;

    public WriteError(String message, boolean userCaused, Throwable cause) {
        super(message, cause);
        this.userCaused = userCaused;
    }

    public boolean userCaused() {
        return userCaused;
    }

    /** {@code could not write <target>: <reason>}. */
    public static WriteError of(Path target, IOException e) {
        return of("could not write " + target, e);
    }

    /** {@code <what>: <reason>}, e.g. "could not remove the previous run's X: permission denied". */
    public static WriteError of(String what, IOException e) {
        String why = reason(e);
        boolean user = e instanceof AccessDeniedException || e instanceof FileAlreadyExistsException
                || e instanceof NoSuchFileException || e instanceof DirectoryNotEmptyException
                || why.startsWith("read-only") || why.startsWith("not a directory") || why.startsWith("is a directory");
        return new WriteError(what + ": " + why, user, e);
    }

    /** The operating system's reason, lower case, without Java class names or repeated paths. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException f) return "'" + f.getFile() + "' is in the way (a file where a folder is needed)";
        if (e instanceof NoSuchFileException f) return "'" + f.getFile() + "' does not exist";
        if (e instanceof DirectoryNotEmptyException) return "is a folder";
        String r = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (r == null || r.isBlank()) return "input/output error";
        r = r.strip();
        // FileSystemException messages sometimes repeat the path before the reason
        int colon = r.lastIndexOf(": ");
        if (colon >= 0 && r.substring(0, colon).contains("/")) r = r.substring(colon + 2);
        return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
    }
}
