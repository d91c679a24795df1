package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit issue 23, WEAK (saving): output places and options that could not work were found only
 * after the data was read (or after training). Each case here gives a --data that does not
 * exist: a refusal about the output or option, not about the data, shows that it came first.
 */
class OutputPlacesTest {
    @TempDir
    Path tmp;

    /** Exit 2 and exactly this one error line, and nothing new in the temp folder. */
    private void refusedFirst(String expected, String... args) throws IOException {
        List<String> before = TestData.names(tmp);
        CliTest.Run r = CliTest.run(args);
        assertEquals(List.of("error: " + expected), r.err().lines().filter(l -> l.startsWith("error")).toList(), String.join(" ", args) + "\n" + r.err());
        assertEquals(2, r.exit());
        assertFalse(r.err().contains("Exception"));
        assertEquals(before, TestData.names(tmp), "nothing written");
    }

    private String missingData() {
        return tmp.resolve("no-such-dataset").toString();
    }

    @Test
    void cvOntoAFileIsRefusedBeforeTheDataIsRead() throws IOException {
        Path file = Files.writeString(tmp.resolve("results"), "a file");
        refusedFirst("-o " + file + ": is a file, but a folder is needed to write into", "cv", "--data", missingData(), "-o", file.toString());
        refusedFirst("-o " + file.resolve("cv") + ": '" + file + "' is a file, so no folder can be made under it",
                "cv", "--data", missingData(), "-o", file.resolve("cv").toString());
        assertEquals("a file", Files.readString(file));
    }

    @Test
    void epochsAndPatienceOutOfRangeAreRefusedBeforeTheDataIsRead() throws IOException {
        String out = tmp.resolve("out").toString();
        refusedFirst("--epochs: must be between 1 and 100000 (got 1000000)", "all", "--data", missingData(), "--epochs", "1000000",
                "--zoo", tmp.resolve("zoo").toString(), "--reports", tmp.resolve("reports").toString());
        refusedFirst("--cv-epochs: must be between 1 and 100000 (got 100001)", "all", "--data", missingData(), "--cv-epochs", "100001",
                "--zoo", tmp.resolve("zoo").toString(), "--reports", tmp.resolve("reports").toString());
        refusedFirst("--epochs: must be between 1 and 100000 (got 1000000)", "cv", "--data", missingData(), "--epochs", "1000000", "-o", out);
        refusedFirst("--patience: must be between 0 and 100000 (got 1000000)", "cv", "--data", missingData(), "--patience", "1000000", "-o", out);
        refusedFirst("--epochs: must be between 1 and 100000 (got 1000000)", "ablate", "--data", missingData(), "--epochs", "1000000", "-o", out);
        refusedFirst("--patience: must be between 0 and 100000 (got 1000000)", "compare", "--data", missingData(), "--patience", "1000000", "-o", out);
        refusedFirst("--epochs: must be between 1 and 100000 (got 1000000)", "ensemble", "--data", missingData(), "--name", "e", "--epochs", "1000000",
                "--zoo", tmp.resolve("zoo").toString());
    }

    /**
     * Every command's output place under a regular file (as a read-only place, it cannot be
     * written, but unlike permission bits this holds for root too): refused first, naming the option.
     */
    @Test
    void everyOutputPlaceThatCannotBeWrittenIsRefusedBeforeTheDataIsRead() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "a file");
        String data = missingData(), zoo = tmp.resolve("zoo").toString(), under = "'" + blocker + "' is a file, so no folder can be made under it";
        Path fa = tmp.resolve("missing.fa");
        refusedFirst("--zoo " + blocker.resolve("zoo") + ": " + under, "train", "--data", data, "--zoo", blocker.resolve("zoo").toString(),
                "--out", tmp.resolve("out").toString());
        refusedFirst("--out " + blocker.resolve("out") + ": " + under, "train", "--data", data, "--zoo", zoo, "--out", blocker.resolve("out").toString());
        refusedFirst("--zoo " + blocker.resolve("zoo") + ": " + under, "ensemble", "--data", data, "--name", "e", "--zoo", blocker.resolve("zoo").toString());
        refusedFirst("-o " + blocker.resolve("ev") + ": " + under, "evaluate", "--data", data, "--scores", tmp.resolve("s.csv").toString(),
                "-o", blocker.resolve("ev").toString());
        refusedFirst("--reports " + blocker.resolve("reports").resolve("demo") + ": " + under, "report", "--run", "demo", "--data", data,
                "--zoo", zoo, "--reports", blocker.resolve("reports").toString());
        refusedFirst("--reports " + blocker.resolve("reports").resolve("deephem") + ": " + under, "all", "--data", data, "--zoo", zoo,
                "--reports", blocker.resolve("reports").toString());
        refusedFirst("--zoo " + blocker.resolve("zoo") + ": " + under, "all", "--data", data, "--zoo", blocker.resolve("zoo").toString(),
                "--reports", tmp.resolve("reports").toString());
        refusedFirst("-o " + blocker.resolve("grid") + ": " + under, "ablate", "--data", data, "-o", blocker.resolve("grid").toString());
        refusedFirst("-o " + blocker.resolve("cs") + ": " + under, "case-study", "--data", data, "--scores", tmp.resolve("s.csv").toString(),
                "-o", blocker.resolve("cs").toString());
        refusedFirst("-o " + blocker.resolve("s.csv") + ": " + under, "score", "--fasta", fa.toString(), "-o", blocker.resolve("s.csv").toString());
        refusedFirst("--report " + blocker.resolve("page") + ": " + under, "score", "--fasta", fa.toString(), "-o", tmp.resolve("s.csv").toString(),
                "--report", blocker.resolve("page").toString());
        refusedFirst("-o " + blocker.resolve("f.csv") + ": " + under, "features", fa.toString(), "-o", blocker.resolve("f.csv").toString());
        refusedFirst("--out " + blocker.resolve("demo") + ": " + under, "make-demo", "--out", blocker.resolve("demo").toString());
        refusedFirst("--out " + blocker.resolve("ds") + ": " + under, "build-dataset", "--raw", tmp.resolve("raw").toString(), "--out", blocker.resolve("ds").toString(),
                "--no-xgem-dataset1");
        assertEquals("a file", Files.readString(blocker));
    }
}
