package org.deephem.experiment;

import java.util.List;

/** Today's runner, the default: up to {@code jobs} child JVMs on this machine at once ({@link ChildPool}). */
public final class LocalCellRunner implements CellRunner {
    private final int jobs, threads;

    public LocalCellRunner(int jobs, int threads) {
        if (jobs < 1 || threads < 1) throw new IllegalArgumentException("jobs and threads must be at least 1");
        this.jobs = jobs;
        this.threads = threads;
    }

    @Override
    public void run(List<Job> todo, Finished finished) {
        ChildPool.run(todo, jobs, threads, finished);
    }

    @Override
    public String describe() {
        return jobs + " at a time in local child JVMs, " + threads + " thread" + (threads == 1 ? "" : "s") + " each";
    }
}
