package org.deephem.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.deephem.io.InputError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar deephem.jar <command>}. */
@Command(name = "deephem", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Essential human miRNAs by domain-adversarial transfer from mouse.",
        subcommands = {BuildDatasetCommand.class, InspectCommand.class, FeaturesCommand.class,
                MakeDemoCommand.class, TrainCommand.class, ScoreCommand.class, EvaluateCommand.class, BenchCommand.class, BenchWorkerCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** {@code --version}: from the build information, so the pom is the only place the version is written. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {org.deephem.zoo.BuildInfo.current().describe()};
        }
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (0 ok, 1 failure, 2 bad input or usage). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parse) -> report(ex));
        return cl.execute(args);
    }

    private static int report(Exception ex) {
        PrintWriter err = new PrintWriter(System.err, true);
        Throwable t = ex;
        if (t instanceof InputError) {
            err.println("error: " + t.getMessage());
            return 2;
        }
        if ((t instanceof UncheckedIOException || t instanceof org.deephem.zoo.Backend.Unavailable) && t.getMessage() != null) {
            err.println("error: " + t.getMessage());
            return 1;
        }
        err.println("error: " + t);
        if (System.getenv("DEEPHEM_DEBUG") != null) t.printStackTrace(err);
        return 1;
    }
}
