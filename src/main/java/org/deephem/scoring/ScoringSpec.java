package org.deephem.scoring;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code score} is asked to do, as its options say: a model (null: the shipped default),
 * one input (a dataset folder's domain, or a FASTA with its matures, targets and species), and
 * the outputs (scores CSV, explanations, page, expected scores).
 *
 * @param model          model or ensemble zip; null: the shipped no-MTI default
 * @param data           dataset folder (or null, with {@code fasta})
 * @param domain         with {@code data}: human, mouse or unlabelled-mouse (any case)
 * @param fasta          FASTA of precursors (or null, with {@code data}); "-" is standard input
 * @param species        with {@code fasta}: a miRBase species prefix, or null
 * @param matures        with {@code fasta}: FASTA of matures, or null
 * @param targets        with {@code fasta}: predicted targets file, or null
 * @param skipInvalid    with {@code fasta}: leave out what cannot be scored instead of stopping
 * @param out            scores CSV ("-": standard output), or null with {@code recordExpected}
 * @param explain        also write the attributions beside {@code out}
 * @param explainSteps   quadrature points of the explanations
 * @param report         folder of the scores page, or null
 * @param top            with {@code report}: the best-scored precursors drawn
 * @param show           with {@code report}: IDs drawn besides the top
 * @param recordExpected write {@code <model>.expected.csv} beside the model
 */
public record ScoringSpec(Path model, Path data, String domain, Path fasta, String species, Path matures, Path targets,
                          boolean skipInvalid, Path out, boolean explain, int explainSteps, Path report, int top, List<String> show,
                          boolean recordExpected) {
    public ScoringSpec {
        show = List.copyOf(show);
    }
}
