package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Inspection;
import org.deephem.validation.WindowLengths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Validate and summarise a DeepHEM-layout dataset folder.",
                "Also: its window (annotated or canonical), the length distribution of each class on the annotated precursors and",
                "(canonical folders) on the windows, how the windows were placed, and the nested-CV AUROC of length alone on both."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "data", description = "dataset folder (default: ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() {
        DeepHemDataset d = DatasetReader.read(dir);
        System.out.print(Inspection.summarise(d));
        System.out.print(WindowLengths.describe(d));
        return 0;
    }
}
