package org.deephem.experiment;

/**
 * Which {@link CellRunner} a stage's grids run on, made only when the first grid starts (a Spark
 * context is not started for a run refused earlier).
 *
 * @param name    local or spark ({@link CellRunners})
 * @param master  the Spark master, or null
 * @param jobs    local: jobs at once
 * @param threads ND4J/OpenMP threads per job
 */
public record RunnerChoice(String name, String master, int jobs, int threads) {
    public CellRunner create() {
        return CellRunners.create(name, master, jobs, threads);
    }
}
