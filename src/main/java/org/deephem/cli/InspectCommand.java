package org.deephem.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Inspection;
import org.deephem.validation.LengthAlone;
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
        System.out.print(windows(d));
        return 0;
    }

    /** The window section: lengths and placements by class, then length alone's nested-CV AUROC on each window. */
    static String windows(DeepHemDataset d) {
        StringBuilder sb = new StringBuilder(Inspection.windows(d));
        sb.append("length alone, nested CV AUROC on the labelled mouse (5-fold x 2, seed 42; score = minus the length):\n");
        for (LengthAlone.Figure f : LengthAlone.run(d)) {
            sb.append(String.format(Locale.ROOT, "  %-17s %.3f +- %.3f (%d folds, %s)%n", f.window(), f.meanAuroc(), f.sdAuroc(), f.folds(), f.method()));
        }
        return sb.toString();
    }
}
