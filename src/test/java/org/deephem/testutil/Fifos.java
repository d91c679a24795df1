package org.deephem.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;

/** FIFOs for tests of outputs that must be written through, never replaced. */
public final class Fifos {
    private Fifos() {}

    /** A FIFO made with mkfifo (the JDK cannot make one). */
    public static Path make(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor(), "mkfifo " + p);
        return p;
    }

    /**
     * Reads a FIFO to its end on a daemon thread (opening it for reading blocks until a writer
     * opens it; if none ever does, the thread stays blocked and the caller's timeout fails the test).
     */
    public static CompletableFuture<String> reader(Path fifo) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** True for a FIFO (or other special file) itself, not a link to one. */
    public static boolean isSpecial(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }
}
