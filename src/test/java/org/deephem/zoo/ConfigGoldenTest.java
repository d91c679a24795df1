package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deephem.experiment.CellSpec;
import org.deephem.io.Hashing;
import org.deephem.io.Json;
import org.deephem.model.Fusion;
import org.deephem.model.MmdKernel;
import org.deephem.model.ModelConfig;
import org.deephem.model.Selection;
import org.junit.jupiter.api.Test;

/**
 * The config's JSON (field order and values, as in a model zip's config.json), its summary line
 * and an experiment cell's hash, pinned to what the flat 36-field record produced before
 * ModelConfig was split into parts: grids resume and zips load only while these hold.
 */
class ConfigGoldenTest {

    /** Every field away from its default. */
    static ModelConfig everyLever() {
        return ModelConfig.defaults()
                .withBranches(true, false, true).withFusion(Fusion.ADD).withKernel(MmdKernel.SINGLE)
                .withLossWeights(0.5, 2.0).withSize(120, 2, 16, 4, 2, 24).withMtiDim(7)
                .withTraining(12, 16, 8, 3e-3, 7L).withPatience(3).withMmdOnHidden(true).withDoublePrecision(true)
                .withSelection(Selection.VAL_AUC).withRegularisation(1e-3, 0.25).withDropout(0.1, 0.2, 0.3)
                .withTokenDropout(0.05).withBranchDropout(0.15).withLabelSmoothing(0.1).withSchedule(4, 2)
                .withLengthAdvWeight(0.3).withUnlabelledMouseTarget(true).withLengthBalance(true);
    }

    static String json(ModelConfig c) {
        // the map's own order (Json.write sorts keys, but a reader of the map sees this order)
        StringBuilder sb = new StringBuilder();
        for (var e : ConfigCodec.toMap(c).entrySet()) sb.append(e.getKey()).append('=').append(e.getValue()).append(';');
        return sb.toString();
    }

    static String cellHash(ModelConfig c) {
        Map<String, Object> net = new LinkedHashMap<>(ConfigCodec.toMap(c));
        return new CellSpec("ablate", "x-s1", "x", net, 1L, 2, 1, "abc").sha256();
    }

    // computed with the flat record on main (commit 3a275d2), before the split
    static final String DEFAULT_ORDER = "useSequence=true;useInherent=true;useMti=true;fusion=CONCAT;kernel=MULTI;maxLength=180;tokenPool=3;"
            + "width=32;heads=2;layers=1;hidden=32;inherentDim=18;mtiDim=32;mmdWeight=1.0;advWeight=1.0;l2=1.0E-4;learningRate=0.001;"
            + "epochs=100;sourceBatch=32;targetBatch=32;validationFraction=0.2;selection=VAL_LOGLOSS;seed=42;doublePrecision=false;"
            + "patience=10;mmdOnHidden=false;featureDropout=0.0;encoderDropout=0.0;headDropout=0.0;tokenDropout=0.0;branchDropout=0.0;"
            + "labelSmoothing=0.0;rampEpochs=0;warmupEpochs=0;lengthAdvWeight=0.0;unlabelledMouseTarget=false;";
    static final String LEVERS_ORDER = "useSequence=true;useInherent=false;useMti=true;fusion=ADD;kernel=SINGLE;maxLength=120;tokenPool=2;"
            + "width=16;heads=4;layers=2;hidden=24;inherentDim=18;mtiDim=7;mmdWeight=0.5;advWeight=2.0;l2=0.001;learningRate=0.003;"
            + "epochs=12;sourceBatch=16;targetBatch=8;validationFraction=0.25;selection=VAL_AUC;seed=7;doublePrecision=true;patience=3;"
            + "mmdOnHidden=true;featureDropout=0.1;encoderDropout=0.2;headDropout=0.3;tokenDropout=0.05;branchDropout=0.15;"
            + "labelSmoothing=0.1;rampEpochs=4;warmupEpochs=2;lengthAdvWeight=0.3;unlabelledMouseTarget=true;lengthBalance=true;";

    @Test
    void mapIsWhatTheFlatRecordWrote() {
        assertEquals(DEFAULT_ORDER, json(ModelConfig.defaults()));
        assertEquals(LEVERS_ORDER, json(everyLever()));
    }

    @Test
    void configJsonBytesAndCellHashesUnchanged() {
        assertEquals("ec1f16e26ba0751285bcdca7689716f79859960ba8761ca86bbfd28df2f4f32b", sha(ModelConfig.defaults()));
        assertEquals("64e77613994e397e957e85c483e76b0759e6893d263b4dc5f4279b8f0166c654", sha(everyLever()));
        assertEquals("0465d2fd7939d1de6af0f5b3696dac9d8142ccbafe7da432362ee93d2deb534a", cellHash(ModelConfig.defaults()));
        assertEquals("8dac63646f91daa6d1b319ca94d0c2a4c54802420965348a871ca9614df50cdb", cellHash(everyLever()));
    }

    @Test
    void readsBackEqualAndSummaryUnchanged() {
        assertEquals(everyLever(), ConfigCodec.fromMap(ConfigCodec.toMap(everyLever())));
        assertEquals("branches seq=true inherent=false mti=true; fusion ADD; SINGLE-kernel MMD (fused + classifier hidden layer) x0.50, "
                + "adversarial x2.0; d=16 heads=4 layers=2 pool=2 (L=59); Adam lr=0.0030, 12 epochs, batch 16+8, l2=0.001, selection VAL_AUC "
                + "(stop after 3 epochs without gain), seed 7; dropout branches 0.10 encoder 0.20 head 0.30; token dropout 0.050; "
                + "branch dropout 0.15; label smoothing 0.10; warm-up 2 epochs, ramp over 4 epochs; length adversary x0.30; "
                + "unlabelled mouse as target rows; length-balanced row weights", everyLever().summary());
    }

    private static String sha(ModelConfig c) {
        return Hashing.sha256(Json.write(ConfigCodec.toMap(c)).getBytes(StandardCharsets.UTF_8));
    }
}
