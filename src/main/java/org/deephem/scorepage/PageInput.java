package org.deephem.scorepage;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the scores page shows, gathered before anything is written.
 *
 * @param modelName            the model's name (zoo name or file)
 * @param modelDescription     one line on what the model is; may be empty
 * @param members              ensemble size; 1 for a single model
 * @param referenceDescription what the percentiles are among, e.g. "1,917 human miRBase 22 precursors
 *                             scored by this model"; null when the model carries no reference
 * @param rows                 the scored precursors, in any order (the page ranks them by score)
 * @param highlightIds         IDs the user asked to see drawn, besides the top {@code topN}
 * @param topN                 how many of the best-scored precursors to draw
 * @param skippedLines         one line per input record that was not scored, saying which and why
 * @param provenance           where the scores came from (model and input hashes, options); shown and copied to the sidecar
 * @param demoModel            true for a model trained on the synthetic demo data: the page says its scores mean nothing
 */
public record PageInput(String modelName, String modelDescription, int members, String referenceDescription,
                        List<ScoredMiRna> rows, Set<String> highlightIds, int topN, List<String> skippedLines,
                        Map<String, Object> provenance, boolean demoModel) {
    public PageInput {
        if (modelName == null) throw new IllegalArgumentException("the page needs the model's name");
        if (members < 1) throw new IllegalArgumentException("members must be at least 1, not " + members);
        if (topN < 0) throw new IllegalArgumentException("topN must not be negative, not " + topN);
        modelDescription = modelDescription == null ? "" : modelDescription;
        rows = List.copyOf(rows);
        highlightIds = highlightIds == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(highlightIds));
        skippedLines = skippedLines == null ? List.of() : List.copyOf(skippedLines);
        provenance = provenance == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** True when the scores come from more than one model, so each has a members' range. */
    public boolean ensemble() {
        return members > 1;
    }
}
