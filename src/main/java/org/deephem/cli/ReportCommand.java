package org.deephem.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deephem.report.ReportAssembly;
import org.deephem.report.ReportSpec;
import org.deephem.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the HTML report of a trained run, shaped like a results section: the answer first (headline paragraph, figure and",
                "table), then dataset, mouse CV, human correlations, circularity audit, experiments, training, case study, selection, limits;",
                "long tables, configuration and provenance in collapsed appendices. Tables as CSV + xlsx, figures as PNG + SVG + PDF.",
                "Readable offline: images are embedded. Without the model zip, a grid or a select-default folder the page redraws from what it saved."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--run", defaultValue = "demo", description = "run name: the model <zoo>/<run>.zip and the folder <reports>/<run> (default: ${DEFAULT-VALUE})")
    String run;
    @Option(names = "--data", defaultValue = "data", description = "dataset folder the run was trained on (default: ${DEFAULT-VALUE})")
    Path data;
    @Option(names = "--zoo", defaultValue = "model-zoo", description = "folder of model zips (default: ${DEFAULT-VALUE})")
    Path zoo;
    @Option(names = "--reports", defaultValue = "notebooks-equivalent-reports", description = "folder of run folders (default: ${DEFAULT-VALUE})")
    Path reports;
    @Option(names = "--scores", description = "id,score CSV of the human miRNAs (default: <run folder>/scores.csv, else human_scores.csv)")
    Path scores;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the bootstrap and of the baselines, which are fitted once and saved in the run folder (baseline_scores.csv; fitted again only for another seed or dataset) (default: ${DEFAULT-VALUE}; `all` passes its own --seed)")
    long seed;

    @Option(names = "--experiments", split = ",", paramLabel = "DIR",
            description = "experiment grid folders (-o of ablate, compare, training-length), comma-separated: each becomes a section of mean ± sd over seeds with the paired Wilcoxon p (default: none)")
    List<Path> experiments;

    @Option(names = "--selection", split = ",", paramLabel = "DIR",
            description = "folders written by select-default (-o), comma-separated, one per round of the protocol (the round is read from each decision.json): "
                    + "a section with every candidate of every round, each round's picks and why, the targets and the baselines that do better (default: none)")
    List<Path> selection;

    @Override
    public Integer call() {
        OptionCheck.name("--run", run);
        Path runDir = reports.resolve(run);
        org.deephem.io.Outputs.requireFolder("--reports", runDir); // the page goes into <reports>/<run>
        Path index = ReportAssembly.run(ReportSpec.redraw(run, data, zoo.resolve(run + ".zip"), runDir, scores, seed, experiments, selection));
        System.out.println("report: " + index);
        return 0;
    }
}
