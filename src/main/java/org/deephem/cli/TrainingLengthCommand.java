package org.deephem.cli;

import java.util.concurrent.Callable;
import org.deephem.data.DeepHemDataset;
import org.deephem.experiment.TrainingLength;
import org.deephem.io.InputError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "training-length", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Training length and epoch selection as a resumable grid: each seed trains the full epochs with early stopping off, recording per epoch λ, α, the held-out mouse selection figures and the human correlations (shown, never used to choose).",
                "From the same runs: the epoch kept by VAL_LOGLOSS, VAL_AUC, LAST and early stopping (patience 10 on the log-loss), λ/α and the human correlations there, and whether early stopping changes the kept model more than the seed does. Writes tables and a figure per indicator."})
final class TrainingLengthCommand implements Callable<Integer> {
    @Mixin
    GridOptions grid;

    @Override
    public Integer call() {
        grid.check();
        if (grid.patience != null && grid.patience != 0) {
            throw new InputError("--patience: training-length always trains the full epochs (patience 0) and replays early stopping from them");
        }
        DeepHemDataset ds = grid.dataset();
        int[] cv = grid.cvFoldsRepeats();
        TrainingLength.Outcome o = TrainingLength.run(TrainingLength.grid(grid.network(ds), grid.seeds(), cv[0], cv[1]), grid.data(), grid.out, grid.runnerChoice());
        System.out.print(o.written().text());
        System.out.println("tables: " + grid.out.resolve(TrainingLength.NAME + "_picks.csv") + " (and _curves, .xlsx, provenance); figures: "
                + grid.out.resolve(TrainingLength.NAME + "_conservation.png") + " (and _dsw, .svg); " + o.ran() + " cells run, "
                + o.reused() + " reused");
        return 0;
    }
}
