package org.deephem.features;

import java.util.ArrayList;
import java.util.List;
import org.deephem.io.Fasta;
import org.deephem.io.Progress;

/** Records left out by {@code --skip-invalid}: counted, and the first few named on stderr. */
final class Skipped {
    static final int SHOWN = 5;
    private final List<Fasta.Invalid> all = new ArrayList<>();

    void add(Fasta.Invalid r) {
        all.add(r);
    }

    int count() {
        return all.size();
    }

    /** One stderr line, e.g. {@code skipped 3 invalid records of x.fa: a (line 4: ...), ...}; nothing if none. */
    void report(Object file) {
        if (all.isEmpty()) return;
        Progress.say("skipped %d invalid record%s of %s: %s", all.size(), all.size() == 1 ? "" : "s", file, summary());
    }

    /** The first few left out, e.g. {@code a (line 4: empty sequence); b (line 9: ...); ...}. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN, all.size()); i++) {
            Fasta.Invalid r = all.get(i);
            if (i > 0) sb.append("; ");
            sb.append(r.id()).append(" (line ").append(r.line()).append(": ").append(reason(r.problem())).append(')');
        }
        return sb + (all.size() > SHOWN ? "; ..." : "");
    }

    /** The part of a one-line error after its location prefix ("file, line N: record 'x': "). */
    private static String reason(String message) {
        int i = message.lastIndexOf(": ");
        return i < 0 ? message : message.substring(i + 2);
    }
}
