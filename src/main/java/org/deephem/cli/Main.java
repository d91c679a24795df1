package org.deephem.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.deephem.io.InputError;
import org.deephem.io.Numbers;
import org.deephem.io.WriteError;
import org.deephem.runtime.ProcessRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code java -jar deephem.jar <command>}. Exit codes: 0 success, 2 bad input or usage (one
 * line naming the option, file, row or column), 1 anything else. An unexpected failure prints
 * one line too; its stack trace only with {@code --debug} or the environment variable
 * {@code DEEPHEM_DEBUG=1}.
 */
@Command(name = "deephem", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Essential human miRNAs by domain-adversarial transfer from mouse.",
        subcommands = {BuildDatasetCommand.class, InspectCommand.class, FeaturesCommand.class,
                MakeDemoCommand.class, TrainCommand.class, ScoreCommand.class, EnsembleCommand.class, CaseStudyCommand.class, EvaluateCommand.class, CvCommand.class, ReportCommand.class, AllCommand.class, AblateCommand.class, CompareCommand.class, TrainingLengthCommand.class, SelectDefaultCommand.class, BenchCommand.class, BenchWorkerCommand.class, ExperimentCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** {@code --version}: from the build information, so the pom is the only place the version is written. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {org.deephem.zoo.BuildInfo.current().describe()};
        }
    }

    private static volatile boolean debug;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "print the stack trace of an unexpected failure (or set DEEPHEM_DEBUG=1)")
    void setDebug(boolean on) {
        debug = on;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        ProcessRuntime.start(ProcessRuntime.Settings.standard()); // before anything loads ND4J
        org.deephem.experiment.ChildJvm.watchParent();            // a child of all/ablate/...: ends with its parent
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (0 ok, 1 failure, 2 bad input or usage). */
    public static int run(String... args) {
        debug = System.getenv("DEEPHEM_DEBUG") != null && !System.getenv("DEEPHEM_DEBUG").isEmpty();
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through; say what helps instead of a JVM dump
            System.err.println("error: out of memory (give Java more, e.g. java -Xmx8g -jar deephem.jar ...)");
            return 1;
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // the same strict number rule as for data files: no NaN, Infinity, 5d or 0x1p3
        cl.registerConverter(Double.class, Main::number);
        cl.registerConverter(double.class, Main::number);
        cl.registerConverter(Path.class, Main::path);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().mixinStandardHelpOptions()) sub.getCommandSpec().versionProvider(new Version());
        }
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, line, parse) -> report(ex));
        return cl;
    }

    private static double number(String s) {
        String why = Numbers.problem(s);
        if (why != null) throw new CommandLine.TypeConversionException(why);
        return Numbers.parse(s);
    }

    private static Path path(String s) {
        if (s.isEmpty()) throw new CommandLine.TypeConversionException("empty path");
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + s + "' is not a usable path (" + e.getReason() + ")");
        }
    }

    /** Picocli's usage errors as one line plus where to look, instead of the whole help text. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
        System.err.println("error: " + oneLine(ex.getMessage()) + " (see '" + cmd + " --help')");
        return 2;
    }

    static int report(Exception ex) {
        PrintWriter err = new PrintWriter(System.err, true);
        if (ex instanceof InputError) {
            err.println("error: " + oneLine(ex.getMessage()));
            return 2;
        }
        if (ex instanceof WriteError w) {
            err.println("error: " + oneLine(w.getMessage()));
            return w.userCaused() ? 2 : 1;
        }
        if (ex instanceof org.deephem.zoo.Backend.Unavailable && ex.getMessage() != null) {
            err.println("error: " + oneLine(ex.getMessage()));
            return 1;
        }
        if (ex instanceof UncheckedIOException u) {
            String m = u.getMessage() != null ? u.getMessage() : String.valueOf(u.getCause().getMessage());
            err.println("error: " + oneLine(m));
            if (debug) ex.printStackTrace(err);
            return 1;
        }
        // not the user's fault: a bug or an environment problem; keep the message, hide the class
        String m = ex.getMessage();
        err.println("error: unexpected failure" + (m == null || m.isBlank() ? "" : ": " + oneLine(m))
                + (debug ? "" : " (run again with --debug for the details)"));
        if (debug) ex.printStackTrace(err);
        return 1;
    }

    /** First line of a message, without the Java class names that some libraries put in. */
    static String oneLine(String m) {
        if (m == null) return "";
        int nl = m.indexOf('\n');
        String s = (nl < 0 ? m : m.substring(0, nl)).strip();
        return s.replaceAll("\\(?\\b(?:java|javax|jdk|sun|org|com|picocli)\\.[A-Za-z0-9_.$]*(?:Exception|Error)\\)?:?\\s*", "").strip();
    }
}
