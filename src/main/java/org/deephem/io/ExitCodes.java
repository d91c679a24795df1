package org.deephem.io;

/**
 * The exit code of a child JVM's job, as every entry point below the CLI reports it ({@code
 * pipeline.ChildMain}, {@code experiment.CellWorker}): 0 done, 2 bad input (one line, "error:
 * …"), 1 anything else (with its stack trace, since that is a bug). The runners read 2 as the
 * user's error and stop the run with that line.
 */
public final class ExitCodes {
    private ExitCodes() {}

    public static int of(Runnable job) {
        try {
            job.run();
            return 0;
        } catch (InputError e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (WriteError e) {
            System.err.println("error: " + e.getMessage());
            return e.userCaused() ? 2 : 1;
        } catch (RuntimeException | OutOfMemoryError e) {
            e.printStackTrace();
            System.err.println("error: unexpected failure: " + e);
            return 1;
        }
    }
}
