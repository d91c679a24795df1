package org.deephem.experiment;

import java.nio.file.Path;
import java.util.List;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.runtime.ProcessRuntime;

/**
 * The entry point of one grid cell in a fresh JVM, the harness's own (not the CLI's): {@code java
 * -cp <jar> org.deephem.experiment.CellWorker --spec SPEC.json --data DIR --out RESULT.json}.
 * Every runner ({@link CellRunner}) starts this class: reads the spec, checks that the data's
 * hash is the one the cell was made for, computes the cell ({@link CellRun}) and writes its result
 * atomically. Exit codes as the CLI's: 0 done, 2 bad input (one line), 1 anything else (its stack
 * trace, then one line: the harness reports a failed cell's last log line).
 */
public final class CellWorker {
    private CellWorker() {}

    public static void main(String[] args) {
        ProcessRuntime.start(ProcessRuntime.Settings.standard()); // before anything loads ND4J
        ChildJvm.watchParent();                                   // ends with the runner that started it
        System.exit(exitCode(args));
    }

    /** The arguments a runner gives this class for one cell. */
    public static List<String> args(Path spec, Path data, Path out) {
        return List.of("--spec", spec.toAbsolutePath().toString(), "--data", data.toAbsolutePath().toString(),
                "--out", out.toAbsolutePath().toString());
    }

    static int exitCode(String[] args) {
        return org.deephem.io.ExitCodes.of(() -> {
            Path spec = null, data = null, out = null;
            for (int i = 0; i < args.length; i++) {
                if (i + 1 >= args.length) throw new InputError("usage: CellWorker --spec SPEC.json --data DIR --out RESULT.json (" + args[i] + " has no value)");
                switch (args[i]) {
                    case "--spec" -> spec = Path.of(args[++i]);
                    case "--data" -> data = Path.of(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new InputError("usage: CellWorker --spec SPEC.json --data DIR --out RESULT.json (unknown option " + args[i] + ")");
                }
            }
            if (spec == null || data == null || out == null) throw new InputError("usage: CellWorker --spec SPEC.json --data DIR --out RESULT.json");
            run(spec, data, out);
        });
    }

    /** One cell in this process: reads its spec, checks the data's hash, computes, writes the result atomically. */
    public static CellResult run(Path spec, Path data, Path out) {
        CellSpec s = Json.readFile(spec, CellSpec.class);
        String sha = CellSpec.datasetSha256(data);
        if (!sha.equals(s.dataSha256())) throw InputError.at(data, "differs from the dataset the cell was made for (its files' hashes changed)");
        if (s.network() != null) org.deephem.zoo.Backend.start(); // baselines never touch ND4J: spare its start-up
        DeepHemDataset ds = DatasetReader.read(data);
        CellResult r = CellRun.compute(s, ds);
        Json.writeFile(out, r);
        return r;
    }
}
