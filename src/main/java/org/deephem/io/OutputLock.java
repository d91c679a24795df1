package org.deephem.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps two runs from writing the same outputs at once (two {@code train --name X}: the zip of one
 * beside the scores and log of the other). A run holds an exclusive {@link FileChannel#tryLock} on a
 * small hidden lock file beside its output for as long as it writes; a second run is refused at
 * once, in one line naming the output and the holder's process id (exit 2), before any long work.
 * The operating system drops the lock when the holder ends, also when it is killed, so a stale
 * lock never blocks anyone; the lock file itself stays (deleting it could let two runs each hold a
 * lock on a different file of the same name).
 *
 * <p>POSIX locks belong to a process, and closing any descriptor of the file drops them all; within
 * this JVM a second attempt is therefore refused from a table of held locks without opening the
 * file at all.
 */
public final class OutputLock implements AutoCloseable {
    /** Lock files of this JVM by real path, with the process id written into them. */
    private static final Map<Path, OutputLock> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The hidden lock file of an output: {@code .<name>.deephem-lock} beside it (a name too long
     * for NAME_MAX with it is shortened by {@link AtomicFiles#fitName}).
     */
    public static Path fileFor(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        String suffix = ".deephem-lock";
        return abs.resolveSibling("." + AtomicFiles.fitName(abs.getFileName().toString(), AtomicFiles.NAME_MAX - 1 - suffix.length()) + suffix);
    }

    /**
     * Refuses, before any work, an output whose lock file could not be made beside it (that folder
     * is not writable, or is under a file), in one line naming {@code option} and the output.
     */
    public static void requirePossible(String option, Path output) {
        String why = Outputs.writeProblem(fileFor(output), Outputs.Place.FILE, Outputs::canWrite);
        if (why != null) throw new InputError(option + " " + output + ": " + why);
    }

    /**
     * Locks {@code output} for this run (its folder is created if needed) or refuses:
     * {@code another <who> is writing <output> (pid N); <hint>}.
     */
    public static OutputLock acquire(Path output, String who, String hint) {
        Path file = fileFor(output);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw WriteError.of(output, e);
        }
        Path key = Outputs.real(file);
        synchronized (HELD) {
            if (HELD.containsKey(key)) throw busy(output, who, hint, ProcessHandle.current().pid() + ", this process");
            FileChannel ch = null;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held in this JVM outside this class: refuse like any holder
                }
                if (lock == null) {
                    String holder = read(ch);
                    ch.close();
                    throw busy(output, who, hint, holder.isEmpty() ? "unknown" : holder);
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
                ch.force(false);
                OutputLock held = new OutputLock(key, ch, lock);
                HELD.put(key, held);
                return held;
            } catch (IOException e) {
                closeQuietly(ch);
                throw WriteError.of(output, e);
            }
        }
    }

    private static InputError busy(Path output, String who, String hint, String pid) {
        return new InputError("another " + who + " is writing " + output + " (pid " + pid + "); " + hint);
    }

    /** The holder's process id as it wrote it (through our own descriptor: opening another would drop our locks). */
    private static String read(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip().replaceAll("[^0-9]", "");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    /** Releases the lock (the file stays, empty of meaning without a lock on it). */
    @Override
    public void close() {
        synchronized (HELD) {
            HELD.remove(file, this);
            try {
                if (lock.isValid()) lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it as well
            }
            closeQuietly(channel);
        }
    }
}
