package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.Json;
import org.deephem.model.ModelConfig;
import org.deephem.testutil.TestData;
import org.deephem.train.RunProvenance;
import org.deephem.train.Seeds;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvFiles;
import org.deephem.zoo.ScoresCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance written for inputs under a temp folder names them without any absolute path. */
class RecordedPathsTest {
    @TempDir
    Path tmp;

    /** A JSON (or HTML-escaped JSON) string value that starts at the root of a file system. */
    static final Pattern ABSOLUTE_VALUE = Pattern.compile("(\"|&quot;)\\s*:\\s*(\"|&quot;)(/|[A-Za-z]:\\\\)|(\\[|,)\\s*(\"|&quot;)/");

    static void assertNoAbsolutePath(Path file, Path... folders) throws IOException {
        String text = Files.readString(file);
        for (Path f : folders) assertFalse(text.contains(f.toAbsolutePath().toString()), file + " names " + f + ":\n" + text);
        assertFalse(ABSOLUTE_VALUE.matcher(text).find(), file + " holds an absolute path:\n" + text);
    }

    @Test
    void provenanceOfInputsUnderATempFolderHoldsNoAbsolutePath() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("inputs"));
        Path data = TestData.demoCopy(in);
        DeepHemDataset ds = DatasetReader.read(data);
        Path scores = in.resolve("scores.csv");
        double[] logits = new double[ds.target().size()];
        for (int i = 0; i < logits.length; i++) logits[i] = ds.conservation().get(ds.target().ids().get(i));
        ScoresCsv.write(scores, ds.target().ids(), logits);
        Path out = tmp.resolve("out");

        CliTest.Run ev = CliTest.run("evaluate", "--data", data.toString(), "--scores", "deephem=" + scores, "--resamples", "0", "-o", out.resolve("evaluate").toString());
        assertEquals(0, ev.exit(), ev.err());
        CliTest.Run cs = CliTest.run("case-study", "--data", data.toString(), "--scores", scores.toString(), "--top", "3", "-o", out.resolve("case-study").toString());
        assertEquals(0, cs.exit(), cs.err());
        CrossValidation.Result cv = CrossValidation.run(ds, List.of(org.deephem.baseline.Baselines.byName("neg_mfe")), new CrossValidation.Options(2, 1, 7), null);
        CvFiles.write(out.resolve("cv"), cv, data, Map.of());
        // an ensemble's scores beside its zip (only hashed here, so any bytes do)
        Path zip = Files.writeString(Files.createDirectories(out.resolve("scored")).resolve("ens.zip"), "stand-in");
        ScoresCsv.write(out.resolve("scored").resolve("s.csv"), ds.target().ids(), logits);
        ScoresCsv.writeEnsembleProvenance(out.resolve("scored").resolve("s.csv"), zip, 5);
        Map<String, Object> model = new RunProvenance("t", Instant.now(), data.toAbsolutePath(), Map.of(), 2, ModelConfig.defaults(), new Seeds(1, 1, 1),
                Map.of(), Map.of(), new RunProvenance.Selected(1, 1, false, false, "rule", 1, 0.1, List.of(), 10),
                new RunProvenance.Timings(1, 1)).toMap();

        // the forms: a dataset or file outside the output folder and the working directory by its name, one inside by its relative path
        assertEquals("demo", model.get("dataset"));
        assertEquals("demo", Json.mapper().readValue(out.resolve("cv").resolve("cv_provenance.json").toFile(), Map.class).get("dataset"));
        assertEquals("ens.zip", Json.mapper().readValue(out.resolve("scored").resolve("s.csv.provenance.json").toFile(), Map.class).get("model"));
        List<Path> written = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(p -> p.toString().matches(".*\\.(json|html|csv)")).forEach(written::add);
        }
        assertTrue(written.size() > 10 && written.stream().anyMatch(p -> p.endsWith("index.html")), "evaluate, case-study, cv files: " + written);
        for (Path f : written) assertNoAbsolutePath(f, tmp, Path.of(""));
        String evProv = Files.readString(out.resolve("evaluate").resolve("correlations.csv.provenance.json"));
        assertTrue(evProv.contains("\"dataset\" : \"demo\"") && evProv.contains("\"file\" : \"scores.csv\""), evProv);
    }
}
