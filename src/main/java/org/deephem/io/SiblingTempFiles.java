package org.deephem.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFileCreationStrategy;

/**
 * POI's streaming xlsx writer buffers each sheet in a temporary file, by default in the system
 * temp folder, where a killed run leaves it for good. While {@link AtomicFiles#write} fills a
 * file on this thread the buffers go next to the output instead, named with
 * {@link AtomicFiles#TEMP_PREFIX}, so that the next write into that folder sweeps them away like
 * any other leftover (POI's own prefix is cut to 100 bytes, so that the name stays within
 * NAME_MAX whatever POI passes). A write straight through to a device or FIFO sets no folder (nothing is
 * created beside {@code /dev/null}): POI's default is used then.
 */
final class SiblingTempFiles implements TempFileCreationStrategy {
    private static final ThreadLocal<Path> FOLDER = new ThreadLocal<>();
    private final TempFileCreationStrategy fallback = new DefaultTempFileCreationStrategy();

    /** Sets this thread's folder ({@code null}: none) and returns the one it replaces, to restore. */
    static Path swap(Path folder) {
        Path before = FOLDER.get();
        if (folder == null) FOLDER.remove();
        else FOLDER.set(folder);
        return before;
    }

    @Override
    public File createTempFile(String prefix, String suffix) throws IOException {
        Path dir = FOLDER.get();
        if (dir == null) return fallback.createTempFile(prefix, suffix);
        return AtomicFiles.track(Files.createTempFile(dir, AtomicFiles.TEMP_PREFIX + AtomicFiles.fitName(prefix, 100), suffix)).toFile();
    }

    @Override
    public File createTempDirectory(String prefix) throws IOException {
        Path dir = FOLDER.get();
        if (dir == null) return fallback.createTempDirectory(prefix);
        return AtomicFiles.track(Files.createTempDirectory(dir, AtomicFiles.TEMP_PREFIX + AtomicFiles.fitName(prefix, 100))).toFile();
    }
}
