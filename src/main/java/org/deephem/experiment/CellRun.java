package org.deephem.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deephem.analysis.CorrelationAnalysis;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlation;
import org.deephem.eval.Correlations;
import org.deephem.method.Method;
import org.deephem.train.EpochLog;
import org.deephem.train.KeptEpochs;
import org.deephem.train.NetworkMethod;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.LengthMatchedAuroc;
import org.deephem.zoo.BuildInfo;
import org.deephem.zoo.Provenance;

/**
 * Computes one cell in this process (the {@code experiment cell-worker} child calls it): fits the
 * method on all labelled mouse rows with the cell's seed, scores the human rows, correlates them
 * with the indicators, and runs the nested mouse CV when asked. The human indicators are only
 * read here, after the fit, to be reported.
 */
public final class CellRun {
    private CellRun() {}

    public static CellResult compute(CellSpec spec, DeepHemDataset ds) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        Method m = spec.toMethod();
        int[] all = IntStream.range(0, ds.labels().length).toArray();
        Map<String, double[]> indicators = new LinkedHashMap<>();
        for (var ind : CorrelationAnalysis.indicators(ds).entrySet()) {
            indicators.put(ind.getKey(), Correlations.align(ds.target().ids(), ind.getValue()));
        }
        // a network cell also records every epoch's human correlations and each rule's pick (reported only)
        List<double[]> perEpoch = new ArrayList<>();
        List<EpochLog> log = new ArrayList<>();
        Method.Fitted fitted = m instanceof NetworkMethod net
                ? net.fit(ds, all, spec.seed(), (e, h) -> {
                    log.add(e);
                    perEpoch.add(h);
                })
                : m.fit(ds, all, spec.seed());
        double[] human = fitted.score(ds.target());
        List<CellResult.Corr> corr = correlate(human, indicators, spec.seed());
        Integer epoch = null, epochsRun = null;
        CellResult.Trace trace = null;
        var kept = fitted.fitReport().kept();
        if (kept.isPresent()) {
            epoch = kept.get().epoch();
            epochsRun = kept.get().epochsRun();
            trace = trace(log, perEpoch, indicators, spec.seed());
        }
        CellResult.Cv cv = null;
        if (spec.cvFolds() > 0) {
            CrossValidation.Result r = CrossValidation.run(ds, List.of(m),
                    new CrossValidation.Options(spec.cvFolds(), spec.cvRepeats(), spec.seed()), null);
            LengthMatchedAuroc.Result lm = LengthMatchedAuroc.byMethod(r.predictions()).get(m.name());
            cv = new CellResult.Cv(spec.cvFolds(), spec.cvRepeats(),
                    r.folds().stream().mapToDouble(CrossValidation.FoldResult::auroc).toArray(),
                    r.folds().stream().mapToDouble(CrossValidation.FoldResult::auprc).toArray(),
                    r.folds().stream().mapToDouble(CrossValidation.FoldResult::logLoss).toArray(),
                    lm.value(), lm.lo(), lm.hi());
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("started", started.toString());
        prov.put("finished", Instant.now().toString());
        prov.put("dataset", ds.folder() == null ? null : org.deephem.io.RecordedPath.of(ds.folder(), null));
        prov.put("dataset_sha256", spec.dataSha256());
        prov.put("omp_num_threads", System.getenv("OMP_NUM_THREADS"));
        // the full environment names the ND4J backend, which only a network cell has started
        prov.put("environment", spec.network() != null ? Provenance.environment()
                : Map.of("deephem_j", BuildInfo.current().version(), "git_commit", BuildInfo.current().gitCommit(),
                        "java", System.getProperty("java.version")));
        return new CellResult(spec, spec.sha256(), ds.target().ids(), human, corr, cv, epoch, epochsRun, prov,
                (System.nanoTime() - t0) / 1e9, trace);
    }

    /** Pearson, Spearman and Kendall tau-b of {@code scores} with each indicator (rows aligned to the human ids). */
    static List<CellResult.Corr> correlate(double[] scores, Map<String, double[]> indicators, long seed) {
        List<CellResult.Corr> corr = new ArrayList<>();
        for (var ind : indicators.entrySet()) {
            // no bootstrap: the spread reported is over seeds, and intervals per cell would cost 1,000 resamples each
            for (Correlation c : Correlations.all(scores, ind.getValue(), 0, seed)) {
                corr.add(new CellResult.Corr(ind.getKey(), c.kind().label(), c.r(), c.p(), c.n(), c.dropped()));
            }
        }
        return corr;
    }

    private static CellResult.Trace trace(List<EpochLog> log, List<double[]> human, Map<String, double[]> indicators, long seed) {
        List<CellResult.Epoch> epochs = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            EpochLog e = log.get(i);
            Map<String, Double> r = new LinkedHashMap<>();
            for (CellResult.Corr c : correlate(human.get(i), indicators, seed)) r.put(c.measure(), c.r());
            epochs.add(new CellResult.Epoch(e.epoch(), e.lambda(), e.alpha(), e.selectionLogLoss(), e.selectionAuc(), e.targetStd(), r, e.domainAccuracy()));
        }
        List<CellResult.Pick> picks = new ArrayList<>();
        for (var k : KeptEpochs.all(log).entrySet()) picks.add(new CellResult.Pick(k.getKey(), k.getValue(), human.get(k.getValue() - 1)));
        return new CellResult.Trace(epochs, picks);
    }
}
