package org.deephem.io;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How provenance and reports name a file or folder they read, so that committed results never
 * hold one machine's absolute folders: relative to {@code base} (the folder the provenance or
 * report is written into) when inside it, else relative to the working directory when inside it,
 * else only its name; the SHA-256 recorded beside it (or the dataset's hashes) says which it was.
 */
public final class RecordedPath {
    private RecordedPath() {}

    /** {@code p} named from {@code base} (may be null: the working directory only). */
    public static String of(Path p, Path base) {
        Path abs = Outputs.real(p);
        if (base != null) {
            Path b = Outputs.real(base);
            if (abs.startsWith(b)) return relative(b, abs);
        }
        Path cwd = Outputs.real(Path.of(""));
        if (abs.startsWith(cwd)) return relative(cwd, abs);
        Path name = abs.getFileName();
        return name == null ? abs.toString() : name.toString();
    }

    /** {@code {"path": of(file, base), "sha256": …}}: a file the result was made from. */
    public static Map<String, String> file(Path file, Path base) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", of(file, base));
        m.put("sha256", Hashing.sha256(file));
        return m;
    }

    /**
     * A path that an older provenance recorded (e.g. the dataset inside a model zip made before
     * paths were recorded this way): an absolute one is named as {@link #of} would name it here;
     * a relative one, or anything that is not a path, is kept as it was written.
     */
    public static String recorded(Object value, Path base) {
        if (value == null) return null;
        String s = value.toString();
        try {
            Path p = Path.of(s);
            return p.isAbsolute() ? of(p, base) : s;
        } catch (InvalidPathException e) {
            return s;
        }
    }

    private static String relative(Path from, Path to) {
        String r = from.relativize(to).toString();
        return r.isEmpty() ? "." : r.replace('\\', '/');
    }
}
