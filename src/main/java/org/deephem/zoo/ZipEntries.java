package org.deephem.zoo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.deephem.io.InputError;

/**
 * Reads the entries of a model or ensemble zip into memory, trusting nothing: only the expected
 * names, each once, no path-like names, and the inflated bytes counted while reading, both per
 * entry and in total against a {@link Budget}, so a truncated, foreign or hostile zip (a few MB
 * that inflate to gigabytes) is refused with one clear line before it fills the memory.
 */
final class ZipEntries {
    private ZipEntries() {}

    /**
     * The {@code version} of a zip's {@code format.json}: a whole number, or one line saying what
     * it is instead (a text such as "1" is not taken for the number 1: this build writes numbers).
     */
    static int formatVersion(Path zip, Object v) {
        if (v == null) throw InputError.at(zip, "format.json has no 'version' (a whole number)");
        if (v instanceof String s) {
            String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            throw InputError.at(zip, "format.json: 'version' must be a number, found the text \""
                    + shown.replaceAll("\\p{Cntrl}", "?") + "\"");
        }
        if (v instanceof Integer n) return n;
        if (v instanceof Long || v instanceof java.math.BigInteger) throw InputError.at(zip, "format.json: 'version' " + v + " is not a version this build reads");
        if (v instanceof Number n) throw InputError.at(zip, "format.json: 'version' must be a whole number, found " + n);
        throw InputError.at(zip, "format.json: 'version' must be a number, found " + (v instanceof Boolean ? "true/false"
                : v instanceof java.util.List ? "a list" : v instanceof Map ? "an object" : "something else"));
    }

    /**
     * How many bytes a zip may inflate to in total, counted as they are inflated. A budget may
     * have a parent (an ensemble's, for each member zip inside it): every byte counts against
     * both, and the first one exceeded names its own zip.
     */
    static final class Budget {
        private final Path zip;
        private final long cap;
        private final String what;
        private final Budget parent;
        private long used;

        Budget(Path zip, long cap, String what) {
            this(zip, cap, what, null);
        }

        private Budget(Path zip, long cap, String what, Budget parent) {
            this.zip = zip;
            this.cap = cap;
            this.what = what;
            this.parent = parent;
        }

        /** A budget for a zip inside this one; its bytes count against this one as well. */
        Budget inner(Path innerZip, long innerCap, String innerWhat) {
            return new Budget(innerZip, innerCap, innerWhat, this);
        }

        void take(long n) {
            used += n;
            if (used > cap) throw InputError.at(zip, "inflates to more than " + (cap >> 20) + " MiB (the limit for " + what + ")");
            if (parent != null) parent.take(n);
        }

        long used() {
            return used;
        }
    }

    static Map<String, byte[]> read(Path zip, InputStream in, Predicate<String> expected, ToLongFunction<String> limitOf,
                                    Budget budget, String notOurs) {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                String name = e.getName();
                if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
                    throw InputError.at(zip, "refusing entry with a path-like name '" + name + "'");
                }
                if (!expected.test(name)) throw InputError.at(zip, "unexpected entry '" + name + "' (" + notOurs + ")");
                if (out.containsKey(name)) throw InputError.at(zip, "entry '" + name + "' appears twice");
                long limit = limitOf.applyAsLong(name);
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] chunk = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = z.read(chunk)) > 0) {
                    total += n;
                    if (total > limit) throw InputError.at(zip, "entry '" + name + "' is larger than " + (limit >> 20) + " MiB");
                    budget.take(n);
                    buf.write(chunk, 0, n);
                }
                out.put(name, buf.toByteArray());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw InputError.at(zip, "corrupted or truncated zip (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw InputError.at(zip, "could not read zip: " + e.getMessage());
        }
        if (out.isEmpty()) throw InputError.at(zip, "not a zip file, or an empty one");
        return out;
    }
}
