package org.deephem.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deephem.io.InputError;
import org.deephem.model.ModelConfig;
import org.deephem.train.Seeds;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvJob;
import org.junit.jupiter.api.Test;

/** The child JVMs of `all` get their job as arguments: what the parent writes is what the child reads back. */
class ChildMainTest {
    /** A config with levers off their defaults, so that a field lost on the way would show. */
    private static ModelConfig levers() {
        ModelConfig d = ModelConfig.defaults();
        return d.withDropout(0.3, 0.2, 0.1).withTokenDropout(0.1).withLabelSmoothing(0.1).withRegularisation(1e-3, d.validationFraction())
                .withSize(77, d.tokenPool(), 16, d.heads(), d.layers(), 16).withLengthAdvWeight(0.5).withSchedule(4, 2)
                .withTraining(7, d.sourceBatch(), d.targetBatch(), d.learningRate(), 3);
    }

    @Test
    void trainingSpecSurvivesTheCommandLine() {
        TrainingJob.Spec s = new TrainingJob.Spec("deephem-nomti_seed2", Path.of("data"), Path.of("/tmp/zoo x"), Path.of("runs/demo/seeds/a"), "--out", true,
                AllPipeline.trainingConfig(levers(), 2, "deephem-nomti"), new Seeds(2, 5, 9));
        List<String> a = ChildMain.args(s, 3);
        assertEquals(List.of("--threads", "3"), a.subList(2, 4));
        assertEquals(s, ChildMain.spec(a.get(0), a.get(1)));
        assertEquals(1, a.get(1).lines().count(), "one argument, one line");
    }

    @Test
    void cvSpecSurvivesTheCommandLine() {
        CvJob.Spec s = new CvJob.Spec(Path.of("data"), new CrossValidation.Options(3, 2, 42), List.of("deephem"), levers(), Path.of("out/cv-networks/deephem"));
        List<String> a = ChildMain.args(s, null);
        assertEquals(2, a.size(), "no --threads when none is given");
        assertEquals(s, ChildMain.spec(a.get(0), a.get(1)));
    }

    @Test
    void aBadCommandLineIsOneLine() {
        InputError e = assertThrows(InputError.class, () -> ChildMain.run(new String[] {"train"}));
        assertTrue(e.getMessage().startsWith("usage: ChildMain"), e.getMessage());
        assertEquals(2, ChildMain.exitCode(new String[] {"score", "{}"}));
    }

    @Test
    void theNoMtiTwinDropsOnlyTheMtiBranch() {
        ModelConfig twin = AllPipeline.trainingConfig(levers(), 4, "deephem-nomti");
        assertEquals(List.of(true, true, false), List.of(twin.useSequence(), twin.useInherent(), twin.useMti()));
        assertEquals(4, twin.seed());
        assertEquals(levers().withTraining(7, levers().sourceBatch(), levers().targetBatch(), levers().learningRate(), 4), AllPipeline.trainingConfig(levers(), 4, "deephem"));
    }
}
