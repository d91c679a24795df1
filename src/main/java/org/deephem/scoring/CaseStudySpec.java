package org.deephem.scoring;

import java.nio.file.Path;

/**
 * What {@code case-study} is asked for: a dataset folder, the scores to rank (a scores CSV, or a
 * model that scores the folder), optionally the unlabelled mouse's scores and the raw sources,
 * how many to list and where to write.
 *
 * @param scores      scores CSV of the human miRNAs (or null, with {@code model})
 * @param model       model or ensemble zip (or null, with {@code scores})
 * @param mouseScores with {@code scores}: the unlabelled mouse's scores, or null
 * @param raw         raw sources folder (diseases, families, XGEM's calls), or null
 */
public record CaseStudySpec(Path data, Path scores, Path model, Path mouseScores, Path raw, int top, Path out) {}
