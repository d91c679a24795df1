package org.deephem.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes files and folders so that a reader never sees half of them: everything goes to a
 * temporary sibling first and is renamed into place only when complete. Temporary names start
 * with {@link #TEMP_PREFIX}; they are deleted on failure, and ones left by a killed run (older
 * than {@link #STALE_AFTER}) are removed at the start of the next write into the same folder.
 * A replaced file or folder keeps its permission bits; a new one gets what the umask gives, as if
 * it had been written in place.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Prefix of every temporary file or folder this project creates. */
    public static final String TEMP_PREFIX = ".deephem-tmp-";

    /** Longest file name, in bytes, of the usual file systems (NAME_MAX of ext4, xfs, btrfs, tmpfs). */
    public static final int NAME_MAX = 255;

    /**
     * Bytes a temporary name may add to the name it stands for: {@link #TEMP_PREFIX}, a dot, an
     * infix such as {@code old.}, 13 random characters and {@code .tmp}, with room to spare.
     */
    private static final int TEMP_OVERHEAD = 48;

    /**
     * {@code name} when it takes at most {@code room} bytes (UTF-8), else its longest start that
     * leaves room for {@code ~} and 16 hex digits of its SHA-256: the same short form every time,
     * so that a name derived from an output's (a temporary file, a lock file) fits NAME_MAX and is
     * still recognised as that output's.
     */
    public static String fitName(String name, int room) {
        byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= room) return name;
        String hash = "~" + Hashing.sha256(utf8).substring(0, 16);
        int budget = room - hash.length(), used = 0, end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int bytes = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (used + bytes > budget) break;
            used += bytes;
            end += Character.charCount(cp);
        }
        return name.substring(0, end) + hash;
    }

    /**
     * How every temporary file or folder made for the output named {@code name} begins: the
     * prefix, the name (shortened by {@link #fitName} when the whole would pass NAME_MAX) and a
     * dot. A 244-character output name thus gets a temporary name of at most 255 bytes.
     */
    public static String tempPrefixOf(String name) {
        return TEMP_PREFIX + fitName(name, NAME_MAX - TEMP_OVERHEAD) + ".";
    }

    /** Age after which a temporary file is taken as left over by a killed run, not in use. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    /** Something that writes to a stream and may fail. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Something that fills a folder and may fail. */
    @FunctionalInterface
    public interface FolderWriter {
        void write(Path folder) throws IOException;
    }

    /**
     * What an output path names, which decides how it is written: a regular file or a new path is
     * replaced atomically; a stream (a character device such as {@code /dev/null}, a FIFO, a socket,
     * or anything reached through {@code /proc}, as {@code /dev/stdout} and {@code /proc/self/fd/1}
     * are) is written straight through and never replaced; a folder or a dangling symbolic link is
     * refused.
     */
    enum Target { NEW, FILE, STREAM, FOLDER, DANGLING_LINK }

    /** Symbolic links followed before giving up, as the kernel's limit. */
    private static final int MAX_LINKS = 40;

    /** How {@link #write} treats {@code path}; nothing is created or changed. */
    static Target classify(Path path) {
        Path abs = path.toAbsolutePath();
        // a link chain through /proc names an open stream (/dev/stdout -> /proc/self/fd/1 -> pipe,
        // terminal or a file the shell opened, maybe for appending): never rename over it
        Path hop = abs;
        for (int i = 0; i <= MAX_LINKS; i++) {
            if (hop.normalize().startsWith("/proc")) return Target.STREAM;
            if (!Files.isSymbolicLink(hop)) break;
            try {
                hop = hop.resolveSibling(Files.readSymbolicLink(hop));
            } catch (IOException | UnsupportedOperationException e) {
                break;
            }
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(abs, BasicFileAttributes.class); // follows links
        } catch (NoSuchFileException e) {
            return Files.isSymbolicLink(abs) ? Target.DANGLING_LINK : Target.NEW;
        } catch (IOException e) {
            return Target.NEW; // unreadable: the write itself reports the reason
        }
        if (a.isDirectory()) return Target.FOLDER;
        if (a.isRegularFile()) return Target.FILE;
        return Target.STREAM; // character or block device, FIFO, socket
    }

    /**
     * Writes {@code target} via a temporary file in the same folder, then renames it. A symbolic
     * link to a file stays a link: the file it names is replaced. A device, FIFO or
     * {@code /dev/stdout}-like target is written straight through, once the writer has finished
     * (so a failure writes nothing there either), and is never replaced by a regular file.
     */
    public static void write(Path target, StreamWriter writer) {
        Path abs = target.toAbsolutePath();
        switch (classify(abs)) {
            case FOLDER -> throw InputError.at(target, "is a folder; give the name of a file to write");
            case DANGLING_LINK -> throw InputError.at(target, "is a symbolic link to '" + linkText(abs) + "', which does not exist; give the file itself");
            case STREAM -> {
                Batch batch = Batch.CURRENT.get();
                if (batch != null) batch.staged.add(new Batch.Staged(target, abs, null, buffered(target, writer)));
                else writeThrough(target, abs, writer);
                return;
            }
            case FILE -> abs = realFile(target, abs);
            case NEW -> { }
        }
        Batch batch = Batch.CURRENT.get();
        Path tmp = null;
        try {
            Path dir = prepare(abs);
            Set<PosixFilePermission> keep = permissions(abs);
            tmp = newTempFile(dir, abs.getFileName().toString(), keep);
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                Path before = SiblingTempFiles.swap(dir);
                try {
                    writer.write(out);
                } finally {
                    SiblingTempFiles.swap(before);
                }
            }
            if (keep != null) Files.setPosixFilePermissions(tmp, keep);
            if (batch != null) {
                batch.staged.add(new Batch.Staged(target, abs, tmp, null)); // renamed by Batch.commit
                return;
            }
            Path from = tmp, to = abs;
            renaming(() -> move(from, to));
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw WriteError.of(target, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** The file a link names (the link stays); {@code abs} itself when it is no link. */
    private static Path realFile(Path target, Path abs) {
        if (!Files.isSymbolicLink(abs)) return abs;
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            throw WriteError.of(target, e);
        }
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * A stream target gets the finished bytes in one go, appended (a file the shell opened with
     * {@code >>} behind {@code /dev/stdout} keeps what it had); nothing is created, renamed or
     * swept next to it, and the writer's own buffers (xlsx) go to the system temp folder.
     */
    private static void writeThrough(Path target, Path abs, StreamWriter writer) {
        append(target, abs, buffered(target, writer));
    }

    private static byte[] buffered(Path target, StreamWriter writer) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        Path before = SiblingTempFiles.swap(null);
        try {
            writer.write(buf);
        } catch (IOException e) {
            throw WriteError.of(target, e);
        } finally {
            SiblingTempFiles.swap(before);
        }
        return buf.toByteArray();
    }

    private static void append(Path target, Path abs, byte[] bytes) {
        try (OutputStream out = Files.newOutputStream(abs, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(bytes);
        } catch (IOException e) {
            throw WriteError.of(target, e);
        }
    }

    /**
     * Several files of one run written as a unit (train: the model zip, its log, its scores, its
     * figures). While {@link #stage} runs, each {@link AtomicFiles#write} on this thread fills its
     * temporary file and stops there; nothing is renamed yet. A failure while staging (a full
     * disk, a writer that throws) therefore changes no output: the temporary files are deleted
     * and every earlier output is as it was. {@link #commit} first removes the previous run's
     * files it was given (those this run rewrites and those it no longer writes), then renames the
     * staged files into place in the order they were written. So whenever the process is killed,
     * no file of the previous run is left beside a new one: what is there is the previous run as
     * it was, the previous run less some of its files, or the new run's first files. A removal or
     * rename that fails (rare: no space is needed) stops the commit, and {@link #outcome} says
     * which files are new, which are not, and which of the previous run's are gone.
     */
    public static final class Batch implements AutoCloseable {
        private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

        /** A file written up to its rename: a temporary file, or the bytes for a stream target. */
        private record Staged(Path target, Path abs, Path tmp, byte[] bytes) {}

        private final List<Staged> staged = new java.util.ArrayList<>();
        private final List<Path> previous;
        private final List<Path> removed = new java.util.ArrayList<>();
        private final List<Path> saved = new java.util.ArrayList<>();
        private boolean committing;

        private Batch(java.util.Collection<Path> previous) {
            this.previous = List.copyOf(previous);
        }

        /** Runs {@code writes}, staging every file it writes through {@link AtomicFiles#write} on this thread. */
        public void stage(Runnable writes) {
            if (committing) throw new IllegalStateException("already committed");
            Batch before = CURRENT.get();
            CURRENT.set(this);
            try {
                writes.run();
            } finally {
                if (before == null) CURRENT.remove();
                else CURRENT.set(before);
            }
        }

        /**
         * Removes the previous run's files, then renames every staged file into place in the order
         * written; the first failure stops it.
         */
        public void commit() {
            committing = true;
            // one step that abandon() waits for: a child whose parent dies ends with all of it or none
            RENAMING.readLock().lock();
            try {
                if (abandoned) throw new WriteError("the process is stopping (its parent is gone): nothing was renamed into place", false, null);
                commitSteps();
            } finally {
                RENAMING.readLock().unlock();
            }
        }

        private void commitSteps() {
            for (Path p : previous) {
                Staged s = stagedAs(p);
                if (s != null && s.tmp() == null) continue; // a stream is written through, never removed
                Path victim = s != null ? s.abs() : p.toAbsolutePath(); // a link's file, which the rename replaces
                if (!Files.exists(victim, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(victim, LinkOption.NOFOLLOW_LINKS)) continue;
                try {
                    Files.delete(victim);
                } catch (IOException e) {
                    throw WriteError.of("could not remove the previous run's " + p, e);
                }
                removed.add(p);
            }
            for (Staged s : staged) {
                if (s.tmp() == null) {
                    append(s.target(), s.abs(), s.bytes());
                } else {
                    try {
                        move(s.tmp(), s.abs());
                    } catch (IOException e) {
                        throw WriteError.of(s.target(), e);
                    }
                }
                saved.add(s.target());
            }
        }

        /**
         * What the batch changed, in words, for a message after a failure: "its results were not
         * saved (nothing was changed)", or "only part of its results were saved: A and B are
         * new; C and D are not saved".
         */
        public String outcome() {
            List<Path> unsaved = staged.stream().map(Staged::target).filter(t -> !saved.contains(t)).toList();
            List<Path> gone = removed.stream().filter(p -> saved.stream().noneMatch(t -> same(t, p))).toList();
            String lost = gone.isEmpty() ? "" : "the previous run's " + list(gone) + (gone.size() == 1 ? " was" : " were") + " removed";
            if (saved.isEmpty()) return "its results were not saved " + (gone.isEmpty() ? "(nothing was changed)" : "and " + lost);
            return "only part of its results were saved: " + list(saved) + (saved.size() == 1 ? " is" : " are") + " new; "
                    + list(unsaved) + (unsaved.size() == 1 ? " is" : " are") + " not saved" + (gone.isEmpty() ? "" : "; " + lost);
        }

        /** The staged file written to {@code p}, or null. */
        private Staged stagedAs(Path p) {
            for (Staged s : staged) if (same(s.target(), p)) return s;
            return null;
        }

        private static boolean same(Path a, Path b) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }

        private static String list(List<Path> paths) {
            List<String> names = paths.stream().map(Path::toString).toList();
            if (names.size() <= 1) return String.join("", names);
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }

        /** Deletes the temporary files of whatever was not renamed into place. */
        @Override
        public void close() {
            for (Staged s : staged) if (s.tmp() != null && !saved.contains(s.target())) deleteQuietly(s.tmp());
        }
    }

    /**
     * A new {@link Batch}: stage the files, then commit them, in a try-with-resources block.
     * {@code previous}: the files an earlier run of the same output left, removed at the commit
     * before anything new goes in (those that do not exist are passed over).
     */
    public static Batch batch(java.util.Collection<Path> previous) {
        return new Batch(previous);
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * What marks a folder as one this program wrote: the manifest file it always writes there,
     * and every name such a folder may hold. Only such a folder, or an empty one, is ever replaced
     * by {@link #writeFolder}: a folder holding anything else (a user's notes, a sub-folder, files
     * of another program) is refused, so nothing the user did not ask for is deleted.
     */
    public record Owned(String manifest, Set<String> names) {
        public Owned {
            names = Set.copyOf(names);
            if (!names.contains(manifest)) throw new IllegalArgumentException("the manifest is one of the names");
        }
    }

    /**
     * Why {@link #writeFolder} may not replace {@code target}, in words, or null when it may: it
     * does not exist, or is a folder (or a link to one) that is empty or that this program wrote
     * as {@code owned} says and that holds nothing else (leftover temporary files do not count).
     */
    public static String replaceProblem(Path target, Owned owned) {
        Path abs = target.toAbsolutePath();
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return null;
        if (Files.isSymbolicLink(abs) && !Files.exists(abs)) return "is a symbolic link to '" + linkText(abs) + "', which does not exist; give the folder itself";
        if (!Files.isDirectory(abs)) return "is not a folder; give the name of a folder to write";
        List<String> entries;
        try (Stream<Path> s = Files.list(abs)) {
            entries = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(TEMP_PREFIX)).sorted().toList();
        } catch (IOException e) {
            return "cannot be listed (" + WriteError.reason(e) + "), so it is not replaced";
        }
        if (entries.isEmpty()) return null;
        boolean ours = Files.isRegularFile(abs.resolve(owned.manifest()));
        List<String> strangers = ours ? entries.stream()
                .filter(n -> !owned.names().contains(n) || Files.isDirectory(abs.resolve(n), LinkOption.NOFOLLOW_LINKS)).toList() : entries;
        if (strangers.isEmpty()) return null;
        String shown = strangers.stream().limit(3).map(n -> "'" + n + "'").collect(java.util.stream.Collectors.joining(", "))
                + (strangers.size() > 3 ? " and " + (strangers.size() - 3) + " more" : "");
        return "holds " + shown + (ours ? ", which this program does not write there" : " and no " + owned.manifest() + " (not a folder this program wrote)")
                + ", so it is not replaced; move " + (strangers.size() == 1 ? "it" : "them") + " out or give a new or empty folder";
    }

    /** {@link #replaceProblem} as a one-line refusal naming the option ({@code what}) and the folder. */
    public static void requireReplaceable(String what, Path target, Owned owned) {
        String why = replaceProblem(target, owned);
        if (why != null) throw new InputError(what + " " + target + ": " + why);
    }

    /**
     * Fills a temporary sibling folder and renames it to {@code target}. An existing
     * {@code target} is replaced only if {@link #replaceProblem} allows it (checked before the
     * writer runs and again just before the swap), and only after the new one is complete; on
     * failure the old one stays as it was and nothing new is left behind. A link to a folder stays
     * a link: the folder it names is replaced.
     */
    public static void writeFolder(Path target, Owned owned, FolderWriter writer) {
        if (Batch.CURRENT.get() != null) throw new IllegalStateException("a folder cannot be staged in a Batch (it would be renamed at once)");
        Path abs = target.toAbsolutePath();
        String why = replaceProblem(abs, owned);
        if (why != null) throw InputError.at(target, why);
        if (Files.isSymbolicLink(abs)) abs = realFile(target, abs);
        Path tmp = null;
        Path old = null;
        try {
            Path dir = prepare(abs);
            Set<PosixFilePermission> keep = Files.isDirectory(abs) ? permissions(abs) : null;
            tmp = newTempFolder(dir, abs.getFileName().toString(), "");
            writer.write(tmp);
            if (keep != null) Files.setPosixFilePermissions(tmp, keep);
            why = replaceProblem(abs, owned); // something may have arrived while the writer ran
            if (why != null) throw InputError.at(target, why);
            if (Files.exists(abs)) {
                old = newTempFolder(dir, abs.getFileName().toString(), "old.");
                deleteTree(old); // only its name is wanted
            }
            Path from = tmp, to = abs, aside = old;
            renaming(() -> { // both renames, or neither, if the process is stopped meanwhile
                if (aside != null) move(to, aside);
                move(from, to);
            });
            tmp = null;
            deleteTree(old);
        } catch (IOException e) {
            deleteTree(tmp);
            throw WriteError.of(target, e);
        } catch (RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Creates the parent folder and clears temporary files a killed run left there. */
    private static Path prepare(Path abs) throws IOException {
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        removeStale(dir, Instant.now().minus(STALE_AFTER));
        return dir;
    }

    /** Deletes this project's temporary files and folders in {@code dir} last modified before {@code cutoff}. */
    static void removeStale(Path dir, Instant cutoff) {
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX))
                    .filter(p -> olderThan(p, cutoff))
                    .forEach(AtomicFiles::deleteTree);
        } catch (IOException ignored) {
            // best effort: an unreadable folder will fail the real write with a clear reason
        }
    }

    private static boolean olderThan(Path p, Instant cutoff) {
        try {
            FileTime t = Files.getLastModifiedTime(p);
            return t.toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * The permission bits of an existing regular file or folder that is about to be replaced, so
     * that the new one keeps them (a file of mode 600 stays 600); null for a new path, or where
     * the file system has no POSIX permissions.
     */
    private static Set<PosixFilePermission> permissions(Path existing) {
        try {
            return Files.getPosixFilePermissions(existing);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * A new empty temporary file in {@code dir} for the content of {@code name}. Without
     * {@code keep} it gets what {@link Files#newOutputStream} gives a new file (0666 less the
     * umask), as the output would if written in place; with {@code keep} (the bits of the file it
     * replaces) it is created no wider than those and set to them exactly once written.
     */
    private static Path newTempFile(Path dir, String name, Set<PosixFilePermission> keep) throws IOException {
        while (true) {
            Path tmp = dir.resolve(tempPrefixOf(name) + randomPart() + ".tmp");
            try {
                if (keep == null) Files.createFile(tmp);
                else Files.createFile(tmp, PosixFilePermissions.asFileAttribute(writableByOwner(keep)));
                return track(tmp);
            } catch (FileAlreadyExistsException taken) {
                // another run's temporary file of the same name: draw again
            }
        }
    }

    /** A new empty temporary folder in {@code dir} for {@code name}: 0777 less the umask, as {@link Files#createDirectory} makes it. */
    private static Path newTempFolder(Path dir, String name, String infix) throws IOException {
        while (true) {
            Path tmp = dir.resolve(tempPrefixOf(name) + infix + randomPart());
            try {
                return track(Files.createDirectory(tmp));
            } catch (FileAlreadyExistsException taken) {
                // drawn before: draw again
            }
        }
    }

    /** {@code bits} with the owner's read and write added, so that a temp file of a read-only output can be filled. */
    private static Set<PosixFilePermission> writableByOwner(Set<PosixFilePermission> bits) {
        Set<PosixFilePermission> s = java.util.EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        s.addAll(bits);
        return s;
    }

    private static String randomPart() {
        return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        LIVE.remove(from);
    }

    // ---- a child process stopped because its parent is gone (experiment.ChildJvm.watchParent)

    /** The temporary files and folders this process has made and not yet renamed or deleted. */
    private static final Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Held shared while outputs are renamed into place; {@link #abandon} takes it alone. */
    private static final java.util.concurrent.locks.ReentrantReadWriteLock RENAMING = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private static volatile boolean abandoned;

    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }

    /** Runs renames into place as one step that {@link #abandon} waits for; after it, refuses. */
    private static void renaming(IoStep step) throws IOException {
        RENAMING.readLock().lock();
        try {
            if (abandoned) throw new IOException("the process is stopping (its parent is gone)");
            step.run();
        } finally {
            RENAMING.readLock().unlock();
        }
    }

    /** Records a temporary file or folder for {@link #abandon} (ones deleted behind our back are pruned now and then). */
    static Path track(Path tmp) {
        if (LIVE.size() > 1000) LIVE.removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
        LIVE.add(tmp);
        return tmp;
    }

    /**
     * For a process about to halt because its parent is gone: waits (up to 5 s) for renames in
     * progress to finish, refuses every later one, and deletes every temporary file and folder it
     * was writing, so that nothing half-made is left and no new output appears.
     */
    public static void abandon() {
        try {
            RENAMING.writeLock().tryLock(5, java.util.concurrent.TimeUnit.SECONDS); // kept: no rename after this
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandoned = true;
        for (Path p : List.copyOf(LIVE)) deleteTree(p);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        LIVE.remove(p);
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a stray temp file is removed by the next write's sweep
        }
    }

    /** Deletes a folder tree (or a single file), best effort. */
    public static void deleteTree(Path root) {
        if (root != null) LIVE.remove(root);
        if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            deleteQuietly(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
