package org.deephem.zoo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deephem.io.Delimited;
import org.deephem.io.InputError;
import org.deephem.io.Table;

/**
 * A user's predicted targets for {@code score --targets}: tab-separated, a header line
 * {@code ID<TAB>gene}, then one miRNA–gene pair per line. The header is required, because a
 * file without one would silently lose its first pair.
 *
 * @param genes gene symbols (upper case) per miRNA ID
 * @param pairs data lines read
 */
public record TargetsFile(Map<String, Set<String>> genes, int pairs) {
    public static TargetsFile read(Path file) {
        Table t = Delimited.read(file);
        List<String> h = t.header();
        if (h.size() < 2 || !h.get(0).strip().equalsIgnoreCase("id") || !h.get(1).strip().equalsIgnoreCase("gene")) {
            throw InputError.at(file, 1, "expected the header line 'ID<TAB>gene', found '" + String.join("<TAB>", h) + "'");
        }
        Map<String, Set<String>> genes = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String id = t.text(r, 0).strip(), gene = t.text(r, 1).strip();
            if (id.isEmpty() || gene.isEmpty()) throw InputError.at(file, Table.sheetRow(r), "empty ID or gene");
            genes.computeIfAbsent(id, k -> new HashSet<>()).add(gene.toUpperCase(Locale.ROOT));
        }
        return new TargetsFile(genes, t.rowCount());
    }

    /** IDs of {@code ids} that have at least one target here. */
    public int matched(List<String> ids) {
        int n = 0;
        for (String id : ids) if (genes.containsKey(id)) n++;
        return n;
    }
}
