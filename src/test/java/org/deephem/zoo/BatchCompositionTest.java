package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.model.ModelConfig;
import org.deephem.model.Predictor;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Audit issue 23, WEAK: a record's score changed in the 7th digit with the other records of the
 * file. A row's logit must be bit for bit the same alone, among rows of other lengths, in any
 * order and in batches of any size (checked with a shipped member on the demo precursors it reads).
 */
class BatchCompositionTest {
    static TrainedModel model;
    static List<String> ids = new ArrayList<>(), seqs = new ArrayList<>();
    static List<double[]> inherent = new ArrayList<>();

    @BeforeAll
    static void load() {
        model = ZooModel.load(Path.of("model-zoo/deephem-human-nomti.zip")).models().get(0);
        ModelConfig c = model.config();
        DeepHemDataset demo = DatasetReader.read(TestData.demo());
        for (Domain d : List.of(demo.target(), demo.source(), demo.unlabelledMouse())) {
            for (int i = 0; i < d.size(); i++) {
                int len = d.sequences().get(i).length();
                if (len < c.minLength() || len > c.maxLength()) continue;
                ids.add(d.ids().get(i));
                seqs.add(d.sequences().get(i));
                inherent.add(d.inherent()[i]);
            }
        }
    }

    /** Logits of these rows, scored together as one call (as one file would be). */
    private static double[] logits(int... rows) {
        List<String> i = new ArrayList<>(), s = new ArrayList<>();
        double[][] inh = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            i.add(ids.get(rows[k]));
            s.add(seqs.get(rows[k]));
            inh[k] = inherent.get(rows[k]);
        }
        return Predictor.logits(model.graph(), new Scorer(model).prepareSequences(i, s, inh, null).inputs());
    }

    @Test
    void aRowScoresBitForBitTheSameAloneAndAmongOthers() {
        int n = ids.size();
        assertTrue(n > 300, n + " demo precursors within the model's lengths");
        assertTrue(seqs.stream().mapToInt(String::length).distinct().count() > 20, "lengths vary, so that batches are padded");
        double[] all = logits(IntStream.range(0, n).toArray());
        List<String> differ = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            double alone = logits(r)[0];
            if (Double.doubleToRawLongBits(alone) != Double.doubleToRawLongBits(all[r])) differ.add(ids.get(r) + " " + alone + " vs " + all[r]);
        }
        assertEquals(0, differ.size(), differ.size() + " of " + n + " rows score differently alone, e.g. "
                + differ.subList(0, Math.min(5, differ.size())));

        // random subsets of every size up to a few tiles, in random order, beside rows of other lengths
        Random rnd = new Random(23);
        for (int size : new int[] {2, 3, 5, 17, 33, 50}) {
            int[] rows = rnd.ints(0, n).distinct().limit(size).toArray();
            double[] some = logits(rows);
            for (int k = 0; k < rows.length; k++) {
                assertEquals(all[rows[k]], some[k], 0.0, ids.get(rows[k]) + " among " + size + " rows: " + Arrays.toString(rows));
            }
        }
    }

    @Test
    void batchesAreFilledToWholeRowTiles() {
        assertEquals(0, Predictor.BATCH % Predictor.ROW_TILE);
        assertEquals(16, Predictor.ROW_TILE);
    }
}
