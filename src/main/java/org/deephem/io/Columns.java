package org.deephem.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Says which columns of a header differ from the columns expected, by name and position. */
public final class Columns {
    /** How many differences a message names before "and N more". */
    static final int SHOWN = 3;

    private Columns() {}

    /**
     * The difference of {@code found} from {@code expected} in words, naming the columns: with
     * the same number of columns, each position that differs ("column 3 is 'gc', expected
     * 'gc_content'"); otherwise the columns missing and the ones not expected. {@code expected}
     * names where the expected names come from ("the model has" or "mmu_feature.xlsx has");
     * {@code first} is the number of the first column of the lists (2 for the columns after a
     * sheet's ID column). Empty when the lists are equal.
     */
    public static String difference(List<String> found, List<String> expected, String expectedBy, int first) {
        List<String> parts = new ArrayList<>();
        if (found.size() == expected.size()) {
            for (int i = 0; i < found.size(); i++) {
                if (!found.get(i).equals(expected.get(i))) {
                    parts.add("column " + (i + first) + " is '" + found.get(i) + "' where " + expectedBy + " '" + expected.get(i) + "'");
                }
            }
            return join(parts);
        }
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(found);
        Set<String> extra = new LinkedHashSet<>(found);
        extra.removeAll(expected);
        StringBuilder sb = new StringBuilder(found.size() + " columns where " + expectedBy + " " + expected.size());
        if (!missing.isEmpty()) sb.append("; missing: ").append(names(missing));
        if (!extra.isEmpty()) sb.append("; not expected: ").append(names(extra));
        if (missing.isEmpty() && extra.isEmpty()) sb.append(" (a column appears twice)");
        return sb.toString();
    }

    private static String join(List<String> parts) {
        if (parts.size() <= SHOWN) return String.join("; ", parts);
        return String.join("; ", parts.subList(0, SHOWN)) + "; and " + (parts.size() - SHOWN) + " more";
    }

    private static String names(Set<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) quoted.add("'" + n + "'");
        if (quoted.size() <= SHOWN) return String.join(", ", quoted);
        return String.join(", ", quoted.subList(0, SHOWN)) + " and " + (quoted.size() - SHOWN) + " more";
    }
}
