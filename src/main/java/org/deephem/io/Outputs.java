package org.deephem.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where commands write results: a file (atomically, never one of the command's own inputs) or,
 * for {@code -o -}, standard output.
 */
public final class Outputs {
    /** The output name that means standard output. */
    public static final String STDOUT = "-";

    private Outputs() {}

    /** An input of a command, named by its option (or parameter) for the error message. */
    public record Input(String option, Path path) {}

    public static Input input(String option, Path path) {
        return new Input(option, path);
    }

    public static boolean isStdout(Path out) {
        return out != null && out.toString().equals(STDOUT);
    }

    /**
     * Refuses an output that would replace one of the inputs: the same file (compared by real
     * path, so {@code ./x.fa} and {@code x.fa} or a symbolic link are the same), an existing file
     * inside an input folder, or an output folder that contains an input.
     */
    public static void requireNotInput(String outOption, Path out, Input... inputs) {
        if (out == null || isStdout(out)) return;
        Path o = real(out);
        for (Input in : inputs) {
            if (in == null || in.path() == null || !Files.exists(in.path())) continue;
            Path i = real(in.path());
            boolean clash = o.equals(i)
                    || (Files.isDirectory(i) && o.startsWith(i) && Files.exists(o))
                    || (Files.isDirectory(o) && i.startsWith(o));
            if (clash) {
                throw new InputError(outOption + " " + out + ": this would overwrite the input given as " + in.option() + " ("
                        + in.path() + "); choose another output");
            }
        }
    }

    /**
     * Refuses an output folder that holds anything besides the files {@code command} writes there
     * (an earlier run of the same command may be replaced): a command that adds a few files to a
     * folder must not mix them into another run's report, e.g. a committed one.
     */
    public static void requireOwnFolder(String outOption, Path dir, String command, java.util.Collection<String> own) {
        if (!Files.isDirectory(dir)) return;
        List<String> other;
        try (var s = Files.list(dir)) {
            other = s.map(p -> p.getFileName().toString()).filter(n -> !own.contains(n) && !ownTemp(n, own)).sorted().toList();
        } catch (IOException e) {
            throw new InputError(outOption + " " + dir + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
        if (other.isEmpty()) return;
        String shown = String.join(", ", other.subList(0, Math.min(3, other.size()))) + (other.size() > 3 ? ", … " + (other.size() - 3) + " more" : "");
        throw new InputError(outOption + " " + dir + ": holds files " + command + " did not write (" + shown + "); " + command
                + " writes only into a new or empty folder or one of its own earlier runs: choose another output");
    }

    /** How a command writes an output, which decides where it must be able to create files. */
    public enum Place {
        /** A file, renamed into place in its folder (or written through, for a device or FIFO). */
        FILE,
        /** A folder that files are written into (it and its parents are made if missing). */
        FOLDER,
        /** A folder replaced as a whole by one renamed beside it (build-dataset, make-demo). */
        REPLACED_FOLDER
    }

    /**
     * Refuses, before any data is read or any work done, an output place where nothing could be
     * saved: a folder output that is a file, a place under a file (the "not a directory" that would
     * otherwise come once the results are ready), or a folder this process may not create files in
     * (read-only file system, permissions) - judged on the nearest folder that exists, where the
     * first file or folder would be made. Nothing is created.
     */
    public static void requireWritable(String option, Path target, Place place) {
        if (target == null || isStdout(target)) return;
        String why = writeProblem(target, place, Outputs::canWrite);
        if (why != null) throw new InputError(option + " " + target + ": " + why);
    }

    /** {@link #requireWritable} of a folder that files are written into. */
    public static void requireFolder(String option, Path dir) {
        requireWritable(option, dir, Place.FOLDER);
    }

    /** Whether this process may create and rename files in an existing folder (access(2): write and search). */
    static boolean canWrite(Path folder) {
        return Files.isWritable(folder) && Files.isExecutable(folder);
    }

    /**
     * Why nothing could be saved at {@code target} written as {@code place}, in words, or null;
     * {@code canWrite} answers for an existing folder (tests give their own answer: as root,
     * permission bits do not stop a write).
     */
    static String writeProblem(Path target, Place place, java.util.function.Predicate<Path> canWrite) {
        Path abs = target.toAbsolutePath().normalize();
        boolean exists = Files.exists(abs);
        if (place == Place.FOLDER && exists && !Files.isDirectory(abs)) return "is a file, but a folder is needed to write into";
        if (place == Place.FILE && exists && Files.isDirectory(abs)) return "is a folder; give the name of a file to write";
        if (place == Place.FILE && exists && AtomicFiles.classify(abs) == AtomicFiles.Target.STREAM) {
            // a FIFO or device is written straight through: its own write permission is what counts
            return Files.isWritable(abs) ? null : "cannot be written (read-only, or no permission)";
        }
        // where the first new file or folder would be made: in the folder itself, else beside the target
        Path up = place == Place.FOLDER && exists ? abs : abs.getParent();
        while (up != null && !Files.exists(up)) up = up.getParent();
        if (up == null) return null;
        if (!Files.isDirectory(up)) return "'" + up + "' is a file, so no folder can be made under it";
        if (!canWrite.test(up)) return "cannot save there: '" + up + "' is not writable (read-only, or no permission)";
        return null;
    }

    /** A temporary file that a killed write of one of {@code own} left behind. */
    private static boolean ownTemp(String name, java.util.Collection<String> own) {
        return name.endsWith(".tmp") && own.stream().anyMatch(o -> name.startsWith(AtomicFiles.tempPrefixOf(o)));
    }

    /**
     * Refuses two outputs of one command that collide: the same path (compared by real path, as
     * in {@link #requireNotInput}) or one inside the other, so that neither is written over or
     * into by the other. Commands call it before any work.
     */
    public static void requireApart(Input a, Input b) {
        if (a == null || b == null || a.path() == null || b.path() == null || isStdout(a.path()) || isStdout(b.path())) return;
        Path x = real(a.path()), y = real(b.path());
        String how = x.equals(y) ? "are the same place" : y.startsWith(x) ? "the second is inside the first"
                : x.startsWith(y) ? "the first is inside the second" : null;
        if (how != null) {
            throw new InputError(a.option() + " " + a.path() + " and " + b.option() + " " + b.path() + ": " + how
                    + " (outputs would overwrite each other); give each its own place");
        }
    }

    /** The real path of a file, or of its nearest existing ancestor plus the rest for one not yet made. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        try {
            return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * Writes {@code out} atomically, or standard output for {@code -}. Standard output gets the
     * bytes only once the writer has finished, so a failure leaves nothing half-written there
     * either.
     */
    public static void write(Path out, AtomicFiles.StreamWriter writer) {
        if (!isStdout(out)) {
            AtomicFiles.write(out, writer);
            return;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            writer.write(buf);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write standard output: " + e.getMessage(), e);
        }
        System.out.write(buf.toByteArray(), 0, buf.size());
        System.out.flush();
    }

    public static void writeString(Path out, String text) {
        write(out, os -> os.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** How to name an output in a progress line. */
    public static String describe(Path out) {
        return isStdout(out) ? "standard output" : out.toString();
    }
}
