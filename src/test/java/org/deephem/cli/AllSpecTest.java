package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.deephem.model.ModelConfig;
import org.deephem.pipeline.AllPipeline;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `all` builds its children's configs itself now; they must be the ones the `train` command made from the arguments `all` gave it before. */
class AllSpecTest {
    @Test
    void theChildTrainingConfigIsTrainsOwn() {
        for (String method : AllPipeline.NETWORKS) {
            for (List<String> lev : List.of(List.<String>of(), List.of("--width", "16", "--hidden", "8", "--dropout", "0.2", "--length-adv-weight", "1.0",
                    "--ramp-epochs", "5", "--length-balance", "true"))) {
                LeverOptions levers = new LeverOptions();
                new CommandLine(levers).parseArgs(lev.toArray(String[]::new));
                ModelConfig options = levers.apply(ModelConfig.defaults());
                options = options.withTraining(12, options.sourceBatch(), options.targetBatch(), options.learningRate(), options.seed());
                // what `all` passed to the child `train` before it had a child of its own
                List<String> a = new ArrayList<>(List.of("--data", "data", "--name", "x", "--seed", "3", "--into-run-folder"));
                if (method.equals("deephem-nomti")) a.addAll(List.of("--branches", "seq,inherent"));
                a.addAll(lev);
                a.addAll(List.of("--epochs", "12"));
                TrainCommand t = new TrainCommand();
                new CommandLine(t).parseArgs(a.toArray(String[]::new));
                ModelConfig d = ModelConfig.defaults();
                assertEquals(t.configure(d, d.maxLength(), d.mtiDim()), AllPipeline.trainingConfig(options, 3, method), method + " " + lev);
            }
        }
    }

}
