package org.deephem.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.eval.Metrics;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.model.Predictor;
import org.deephem.model.Selection;
import org.deephem.model.Standardiser;
import org.deephem.model.exec.Executor;
import org.deephem.model.exec.PlannedGraph;
import org.deephem.model.exec.Unplannable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains one DeepHEM graph: batches of {@code sourceBatch} labelled mouse + {@code targetBatch}
 * human rows (fixed shapes), one epoch = one pass over the target pool (the human rows, plus the
 * unlabelled mouse with {@code unlabelledMouseTarget}), Adam, DANN schedules
 * for the reversal coefficient λ and the MMD weight α ({@code 2/(1+e^{−10p}) − 1}, p = share of
 * all training steps done, updated every step).
 *
 * <p>Weight selection never looks at the human conservation/DSW indicators: a stratified,
 * seeded share of the usable labelled mouse rows is held out (the "selection rows"), and the
 * kept weights are those of the
 * epoch that is best by the config's {@link Selection} rule (default: lowest validation
 * log-loss) among epochs whose human scores are not collapsed (standard deviation above
 * {@link #COLLAPSE_STD}). Log-loss rather than AUC, because the
 * sequence branch memorises the mouse rows and validation AUC saturates while the model
 * becomes over-confident (REFERENCE-FINDINGS.md).
 */
public final class Trainer {
    public static final double COLLAPSE_STD = 1e-4;

    private Trainer() {}

    /**
     * The trained model and what happened on the way. The selection figures are measured on
     * {@code selectionIds}, the held-out rows that chose the epoch: not an accuracy estimate.
     */
    public record Result(SameDiff graph, ModelConfig config, Standardiser inherentScaler, Standardiser mtiScaler,
                         List<EpochLog> log, int bestEpoch, double selectionAuc, double selectionLogLoss,
                         double[] humanScores, boolean collapsed, boolean stoppedEarly, List<String> selectionIds,
                         int labelledRowsUsed) {}

    /** All labelled rows, all three seeds from {@code cfg.seed()}. */
    public static Result train(ModelConfig cfg, DeepHemDataset ds, Consumer<EpochLog> progress) {
        return train(cfg, ds, null, Seeds.of(cfg.seed()), progress);
    }

    /**
     * Trains on the labelled mouse rows {@code usableRows} only (indices into {@code ds.source()},
     * null = all): a stratified share of them is held out to choose the epoch, the rest is
     * trained on; every other labelled row is never seen. The returned config carries
     * {@code seeds.init()} as its seed.
     */
    public static Result train(ModelConfig config, DeepHemDataset ds, int[] usableRows, Seeds seeds, Consumer<EpochLog> progress) {
        return train(config, ds, usableRows, seeds, progress, (HumanWatcher) null);
    }

    /**
     * As above, with the graph's attention built as {@code ops} and SameDiff listeners that see
     * every training step (profiling: bench).
     */
    public static Result train(ModelConfig config, DeepHemDataset ds, int[] usableRows, Seeds seeds, Consumer<EpochLog> progress,
                               DeepHemGraph.Ops ops, org.nd4j.autodiff.listeners.Listener... fitListeners) {
        return train(config, ds, usableRows, seeds, progress, null, ops, fitListeners);
    }

    /**
     * Hears every epoch's scores of all human rows (in {@code ds.target()} order), for reporting
     * only: the trainer predicts them each epoch anyway, and a watcher changes nothing it does.
     */
    @FunctionalInterface
    public interface HumanWatcher {
        void epoch(EpochLog epoch, double[] humanScores);
    }

    /** As above; {@code watcher} (may be null) also hears each epoch's human scores. */
    public static Result train(ModelConfig config, DeepHemDataset ds, int[] usableRows, Seeds seeds, Consumer<EpochLog> progress,
                               HumanWatcher watcher) {
        return train(config, ds, usableRows, seeds, progress, watcher, DeepHemGraph.Ops.BASIC, new org.nd4j.autodiff.listeners.Listener[0]);
    }

    private static Result train(ModelConfig config, DeepHemDataset ds, int[] usableRows, Seeds seeds, Consumer<EpochLog> progress,
                                HumanWatcher watcher, DeepHemGraph.Ops ops, org.nd4j.autodiff.listeners.Listener[] fitListeners) {
        ModelConfig cfg = config.withSeed(seeds.init());
        if (cfg.useInherent() && ds.source().inherent() == null) throw new IllegalArgumentException("dataset has no inherent features (mmu_feature.xlsx)");
        if (cfg.useMti() && ds.source().mtiPca() == null) throw new IllegalArgumentException("dataset has no MTI PCA (mmu_feature_pca.xlsx)");
        int nS = ds.source().size(), nT = ds.target().size();
        Split split = Split.stratified(ds.labels(), usableRows, cfg.validationFraction(), seeds.split());
        if (split.train().length == 0) throw new IllegalArgumentException("no labelled rows left to train on");

        // scalers: training mouse rows + human rows (unsupervised; selection rows excluded)
        Standardiser inhScaler = cfg.useInherent() ? Standardiser.fit(stack(ds.source().inherent(), split.train(), ds.target().inherent()), Standardiser.MIN_NETWORK_STD) : null;
        Standardiser mtiScaler = cfg.useMti() ? Standardiser.fit(stack(ds.source().mtiPca(), split.train(), ds.target().mtiPca()), Standardiser.MIN_NETWORK_STD) : null;
        // the rows batches index: labelled mouse, then the target pool (human [+ unlabelled mouse])
        Domain pool = targetPool(cfg, ds);
        int nPool = pool.size();
        List<String> seqs = new ArrayList<>(ds.source().sequences());
        seqs.addAll(pool.sequences());
        ModelInputs all = new ModelInputs(cfg, seqs, concat(ds.source().inherent(), pool.inherent()),
                concat(ds.source().mtiPca(), pool.mtiPca()), inhScaler, mtiScaler);
        TrainingLevers levers = new TrainingLevers(cfg, seeds.order(), seqs, concatRows(split.train(), offset(range(nPool), nS)));
        ModelInputs human = new ModelInputs(cfg, ds.target().sequences(), ds.target().inherent(), ds.target().mtiPca(), inhScaler, mtiScaler);
        int[] used = concatRows(split.train(), split.validation());
        // length balance: weights over the rows this training may use (null = every row weighs 1, today's losses)
        double[] rowWeight = LengthBalance.rowWeights(cfg.lengthBalance(), ds.source().sequences(), ds.labels(), used);
        ModelInputs mouse = new ModelInputs(cfg, pick(ds.source().sequences(), used), pickRows(ds.source().inherent(), used),
                pickRows(ds.source().mtiPca(), used), inhScaler, mtiScaler);

        org.deephem.runtime.ProcessRuntime.seedRandom(seeds.init()); // the initial weights' draws; one training per JVM
        SameDiff sd = DeepHemGraph.build(cfg, ops);
        List<String> mapping = new ArrayList<>(DeepHemGraph.inputs(cfg));
        mapping.addAll(List.of(DeepHemGraph.LABEL, DeepHemGraph.CLS_WEIGHT, DeepHemGraph.DOMAIN,
                DeepHemGraph.DOMAIN_WEIGHT, DeepHemGraph.MMD_VECTOR, DeepHemGraph.LAMBDA, DeepHemGraph.ALPHA));
        mapping.addAll(DeepHemGraph.trainingOnlyInputs(cfg));
        TrainingConfig.Builder tc = TrainingConfig.builder().updater(new Adam(cfg.learningRate()))
                .dataSetFeatureMapping(mapping).markLabelsUnused();
        // no tc.l2(): the graph's own L2 term covers weight matrices only (DeepHemGraph)
        sd.setTrainingConfig(tc.build());
        org.deephem.model.QuietGradients.create(sd);
        PlannedGraph planned = plannedExecutor(sd, fitListeners);

        Random rnd = new Random(seeds.order() + 1);
        int steps = (nPool + cfg.targetBatch() - 1) / cfg.targetBatch();
        int[] trainRows = split.train();
        int nTrain = trainRows.length, nSel = split.validation().length;
        int[] srcPerm = shuffled(trainRows, rnd);
        int srcPos = 0;
        int[] monitorSrc = new int[cfg.sourceBatch()];
        for (int i = 0; i < monitorSrc.length; i++) monitorSrc[i] = trainRows[i % trainRows.length];
        int[] monitorTgt = new int[cfg.targetBatch()];
        for (int i = 0; i < monitorTgt.length; i++) monitorTgt[i] = i % nT;

        int[] selLabels = pick(ds.labels(), split.validation());
        int[] trainLabels = pick(ds.labels(), trainRows);
        List<EpochLog> log = new ArrayList<>();
        Map<String, INDArray> best = null;
        int bestEpoch = -1;
        double bestCriterion = Double.POSITIVE_INFINITY, bestLoss = Double.NaN, bestAuc = Double.NaN;
        double[] bestHuman = null;
        boolean stoppedEarly = false;
        for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
            long t0 = System.nanoTime();
            double lambda = 0, alpha = 0;
            int[] tgtPerm = shuffled(range(nPool), rnd);
            EpochBatches batches = new EpochBatches(cfg, all, ds.labels(), nS, nPool, steps, epoch, trainRows, srcPerm, srcPos, tgtPerm, rnd, mapping, levers, rowWeight);
            if (planned == null) {
                sd.fit(batches, 1, fitListeners);
            } else {
                while (batches.hasNext()) planned.trainStep(placeholders(mapping, batches.next()));
                planned.endEpoch();
            }
            double stepSeconds = (System.nanoTime() - t0) / 1e9; // the training steps; the rest of the epoch is monitoring
            srcPerm = batches.srcPerm;
            srcPos = batches.srcPos;
            lambda = batches.lambda;
            alpha = batches.lambda;
            // monitoring (inference only)
            Map<String, INDArray> mon = batch(cfg, all, ds.labels(), monitorSrc, monitorTgt, nS, lambda, alpha, rowWeight);
            levers.targets(mon, TrainingLevers.rows(monitorSrc, monitorTgt, nS));
            Map<String, INDArray> o = Executor.output(sd, mon, DeepHemGraph.LOSS, DeepHemGraph.CLS_LOSS, DeepHemGraph.MMD_LOSS,
                    DeepHemGraph.ADV_LOSS, DeepHemGraph.DOMAIN_LOGIT);
            double domAcc = domainAccuracy(o.get(DeepHemGraph.DOMAIN_LOGIT), cfg.sourceBatch());
            double[] usedScores = Predictor.predict(sd, mouse); // rows of `used`: training part, then selection part
            double trainAuc = Metrics.auc(java.util.Arrays.copyOfRange(usedScores, 0, nTrain), trainLabels);
            double[] selScores = java.util.Arrays.copyOfRange(usedScores, nTrain, nTrain + nSel);
            double selAuc = nSel > 0 ? Metrics.auc(selScores, selLabels) : Double.NaN;
            double selLoss = nSel > 0 ? LengthBalance.logLoss(selScores, selLabels, rowWeight == null ? null : pick(rowWeight, split.validation())) : Double.NaN;
            double[] humanScores = Predictor.predict(sd, human);
            double std = Metrics.std(humanScores);
            EpochLog e = new EpochLog(epoch + 1, lambda, alpha, o.get(DeepHemGraph.LOSS).getDouble(0),
                    o.get(DeepHemGraph.CLS_LOSS).getDouble(0), o.get(DeepHemGraph.MMD_LOSS).getDouble(0),
                    o.get(DeepHemGraph.ADV_LOSS).getDouble(0), domAcc, trainAuc, selAuc, selLoss, std,
                    (System.nanoTime() - t0) / 1e9, stepSeconds);
            log.add(e);
            if (progress != null) progress.accept(e);
            if (watcher != null) watcher.epoch(e, humanScores.clone());
            boolean eligible = std > COLLAPSE_STD;
            double criterion = criterion(cfg.selection(), nSel > 0, selLoss, selAuc, epoch);
            if (eligible && criterion < bestCriterion) {
                bestCriterion = criterion;
                bestLoss = selLoss;
                bestAuc = selAuc;
                bestEpoch = epoch + 1;
                best = snapshot(sd);
                bestHuman = humanScores;
            }
            if (shouldStop(cfg.patience(), bestEpoch, epoch + 1)) {
                stoppedEarly = epoch + 1 < cfg.epochs();
                break;
            }
        }
        boolean collapsed = best == null;
        if (!collapsed) restore(sd, best);
        else bestHuman = Predictor.predict(sd, human);
        // the training plans and their arena are not needed any more (scoring plans its own shapes when asked)
        if (planned != null) PlannedGraph.release(sd);
        List<String> selIds = new ArrayList<>();
        for (int i : split.validation()) selIds.add(ds.source().ids().get(i));
        return new Result(sd, cfg, inhScaler, mtiScaler, log, collapsed ? log.size() : bestEpoch,
                bestAuc, bestLoss, bestHuman, collapsed, stoppedEarly, selIds, used.length);
    }

    /**
     * The planned executor for this training ({@link Executor#PLANNED}), or null for SameDiff's
     * session: when the session is asked for, when listeners must see every op (profiling), or
     * when the graph cannot be planned (logged, and recorded in provenance by {@link Executor#describe}).
     */
    private static PlannedGraph plannedExecutor(SameDiff sd, org.nd4j.autodiff.listeners.Listener[] listeners) {
        if (Executor.current() != Executor.PLANNED || listeners.length > 0) return null;
        PlannedGraph g = PlannedGraph.of(sd);
        try {
            g.check(DeepHemGraph.LOSS, DeepHemGraph.LOGIT);
            return g;
        } catch (Unplannable u) {
            Executor.refusedBecause(u);
            return null;
        }
    }

    /** A training batch as placeholders, by the training config's feature mapping. */
    private static Map<String, INDArray> placeholders(List<String> mapping, org.nd4j.linalg.dataset.api.MultiDataSet m) {
        Map<String, INDArray> ph = new HashMap<>();
        for (int i = 0; i < mapping.size(); i++) ph.put(mapping.get(i), m.getFeatures(i));
        return ph;
    }

    /**
     * One epoch's training batches, made as SameDiff asks for them: one {@code fit} call per epoch
     * instead of one per step, because SameDiff M2.1 starts a new training session (with its own
     * array cache, up to a quarter of the JavaCPP memory limit) on every {@code fit} call and
     * the old ones are freed only when the garbage collector runs: one per step let the
     * reference-size model grow to 11 GB. Rows and the random stream are drawn in the same
     * order as the per-step loop did, so the batches are the same.
     */
    private static final class EpochBatches implements org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator {
        private final ModelConfig cfg;
        private final ModelInputs all;
        private final int[] labels, trainRows, tgtPerm;
        private final int nS, nT, steps, epoch;
        private final Random rnd;
        private final List<String> mapping;
        private final TrainingLevers levers;
        private final double[] rowWeight;
        int[] srcPerm;
        int srcPos;
        double lambda;
        private int step;

        EpochBatches(ModelConfig cfg, ModelInputs all, int[] labels, int nS, int nT, int steps, int epoch, int[] trainRows,
                     int[] srcPerm, int srcPos, int[] tgtPerm, Random rnd, List<String> mapping, TrainingLevers levers,
                     double[] rowWeight) {
            this.levers = levers;
            this.rowWeight = rowWeight;
            this.cfg = cfg;
            this.all = all;
            this.labels = labels;
            this.nS = nS;
            this.nT = nT;
            this.steps = steps;
            this.epoch = epoch;
            this.trainRows = trainRows;
            this.srcPerm = srcPerm;
            this.srcPos = srcPos;
            this.tgtPerm = tgtPerm;
            this.rnd = rnd;
            this.mapping = mapping;
        }

        @Override
        public boolean hasNext() {
            return step < steps;
        }

        @Override
        public org.nd4j.linalg.dataset.api.MultiDataSet next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            int s = step++;
            // DANN schedule per step: p runs from 0 to 1 over the ramp (by default the whole training)
            lambda = domainSchedule(cfg, (long) epoch * steps + s + 1, steps);
            int[] src = new int[cfg.sourceBatch()];
            for (int i = 0; i < src.length; i++) {
                if (srcPos == srcPerm.length) {
                    srcPerm = shuffled(trainRows, rnd);
                    srcPos = 0;
                }
                src[i] = srcPerm[srcPos++];
            }
            int[] tgt = new int[cfg.targetBatch()];
            for (int i = 0; i < tgt.length; i++) tgt[i] = tgtPerm[(s * cfg.targetBatch() + i) % nT];
            Map<String, INDArray> batch = batch(cfg, all, labels, src, tgt, nS, lambda, lambda, rowWeight);
            levers.targets(batch, TrainingLevers.rows(src, tgt, nS));
            levers.noise(batch);
            INDArray[] feats = new INDArray[mapping.size()];
            for (int i = 0; i < feats.length; i++) feats[i] = batch.get(mapping.get(i));
            return new org.nd4j.linalg.dataset.MultiDataSet(feats, new INDArray[0]);
        }

        @Override
        public org.nd4j.linalg.dataset.api.MultiDataSet next(int num) {
            return next();
        }

        @Override
        public void setPreProcessor(org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor p) {
            throw new UnsupportedOperationException("no pre-processing of training batches");
        }

        @Override
        public org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor getPreProcessor() {
            return null;
        }

        @Override
        public boolean resetSupported() {
            return false;
        }

        @Override
        public boolean asyncSupported() {
            return false;
        }

        @Override
        public void reset() {
            if (step > 0) throw new UnsupportedOperationException("an epoch's batches are drawn once");
        }
    }

    /**
     * Early stopping on the selection criterion itself: stop once {@code patience} epochs have
     * passed since the kept epoch (never before an epoch has been kept; 0 = never).
     */
    static boolean shouldStop(int patience, int bestEpoch, int epochsDone) {
        return patience > 0 && bestEpoch > 0 && epochsDone - bestEpoch >= patience;
    }

    /** Smaller is better; without validation rows every rule keeps the last eligible epoch. */
    static double criterion(Selection rule, boolean hasValidation, double valLoss, double valAuc, int epoch) {
        if (!hasValidation || rule == Selection.LAST) return -epoch;
        return rule == Selection.VAL_AUC ? -valAuc : valLoss;
    }

    /**
     * λ = α after {@code done} training steps (1-based) of {@code stepsPerEpoch} each: 0 during the
     * classifier warm-up ({@code warmupEpochs}), then {@link #dannSchedule} of the share of the ramp
     * ({@code effectiveRampEpochs}) done, held at its end value once the ramp is over. With no
     * warm-up and the default ramp this is today's schedule over all steps.
     */
    public static double domainSchedule(ModelConfig cfg, long done, int stepsPerEpoch) {
        long warm = (long) cfg.warmupEpochs() * stepsPerEpoch;
        if (done <= warm) return 0;
        double p = (done - warm) / (double) ((long) cfg.effectiveRampEpochs() * stepsPerEpoch);
        return dannSchedule(Math.min(1.0, p));
    }

    /**
     * The target side of the domain terms: the human rows, followed by the unlabelled mouse rows
     * when the config asks for them (never as labels). Human rows keep indices 0..nT−1.
     */
    static Domain targetPool(ModelConfig cfg, DeepHemDataset ds) {
        Domain h = ds.target();
        if (!cfg.unlabelledMouseTarget()) return h;
        Domain u = ds.unlabelledMouse();
        if (u == null || u.size() == 0) throw new IllegalArgumentException("the dataset has no unlabelled mouse rows (mmu_unlabelled.xlsx) to add as target rows");
        if (cfg.useInherent() && u.inherent() == null) throw new IllegalArgumentException("the unlabelled mouse rows have no inherent features (mmu_feature.xlsx)");
        if (cfg.useMti() && u.mtiPca() == null) throw new IllegalArgumentException("the unlabelled mouse rows have no MTI PCA (mmu_feature_pca.xlsx)");
        List<String> ids = new ArrayList<>(h.ids());
        ids.addAll(u.ids());
        List<String> seqs = new ArrayList<>(h.sequences());
        seqs.addAll(u.sequences());
        return new Domain("human + unlabelled mouse", ids, seqs, concat(h.inherent(), u.inherent()), concat(h.mtiPca(), u.mtiPca()));
    }

    private static int[] offset(int[] a, int by) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] + by;
        return r;
    }

    /** λ(p) = 2 / (1 + e^(−10p)) − 1 (Ganin et al. 2016): 0 at the start, → 1 at the end. */
    public static double dannSchedule(double p) {
        return 2.0 / (1.0 + Math.exp(-10 * p)) - 1.0;
    }

    /** Placeholders of one training/monitoring batch: source rows first, then target rows; every labelled row weighs 1. */
    static Map<String, INDArray> batch(ModelConfig cfg, ModelInputs all, int[] labels, int[] src, int[] tgt,
                                       int nS, double lambda, double alpha) {
        return batch(cfg, all, labels, src, tgt, nS, lambda, alpha, null);
    }

    /**
     * As above, with a weight per labelled row ({@code rowWeight[source row]}; null = all 1): each
     * source row's {@code cls_weight} is its weight over the sum of the batch's source-row weights,
     * so the classification loss is Σ w·BCE / Σ w (all 0 if the batch's weights are all 0). With
     * null it is 1 / (source rows), exactly today's.
     */
    static Map<String, INDArray> batch(ModelConfig cfg, ModelInputs all, int[] labels, int[] src, int[] tgt,
                                       int nS, double lambda, double alpha, double[] rowWeight) {
        int b = src.length + tgt.length;
        double batchWeight = 0;
        if (rowWeight != null) for (int r : src) batchWeight += rowWeight[r];
        int[] idx = new int[b];
        double[] y = new double[b], wc = new double[b], d = new double[b], wd = new double[b], a = new double[b];
        for (int i = 0; i < src.length; i++) {
            idx[i] = src[i];
            y[i] = labels[src[i]];
            wc[i] = rowWeight == null ? 1.0 / src.length : batchWeight == 0 ? 0 : rowWeight[src[i]] / batchWeight;
            d[i] = 1.0;
            wd[i] = 1.0 / b;
            a[i] = 1.0 / src.length;
        }
        for (int i = 0; i < tgt.length; i++) {
            int r = src.length + i;
            idx[r] = nS + tgt[i];
            wd[r] = 1.0 / b;
            a[r] = -1.0 / tgt.length;
        }
        DataType dt = cfg.doublePrecision() ? DataType.DOUBLE : DataType.FLOAT;
        Map<String, INDArray> m = new HashMap<>(all.features(idx));
        m.put(DeepHemGraph.LABEL, column(y, dt));
        m.put(DeepHemGraph.CLS_WEIGHT, column(wc, dt));
        m.put(DeepHemGraph.DOMAIN, column(d, dt));
        m.put(DeepHemGraph.DOMAIN_WEIGHT, column(wd, dt));
        m.put(DeepHemGraph.MMD_VECTOR, column(a, dt));
        m.put(DeepHemGraph.LAMBDA, Nd4j.create(new double[] {lambda}, new long[] {1, 1}, dt));
        m.put(DeepHemGraph.ALPHA, Nd4j.create(new double[] {alpha}, new long[] {1, 1}, dt));
        return m;
    }

    private static INDArray column(double[] v, DataType dt) {
        return Nd4j.create(v, new long[] {v.length, 1}, dt);
    }

    private static double domainAccuracy(INDArray logits, int nSource) {
        int ok = 0;
        for (int i = 0; i < logits.rows(); i++) {
            boolean saysSource = logits.getDouble(i, 0) > 0;
            if (saysSource == (i < nSource)) ok++;
        }
        return ok / (double) logits.rows();
    }

    static Map<String, INDArray> snapshot(SameDiff sd) {
        Map<String, INDArray> m = new HashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) m.put(v.name(), v.getArr().dup());
        }
        return m;
    }

    static void restore(SameDiff sd, Map<String, INDArray> w) {
        for (var e : w.entrySet()) sd.getVariable(e.getKey()).getArr().assign(e.getValue());
    }

    private static double[][] stack(double[][] a, int[] rows, double[][] b) {
        double[][] out = new double[rows.length + b.length][];
        for (int i = 0; i < rows.length; i++) out[i] = a[rows[i]];
        System.arraycopy(b, 0, out, rows.length, b.length);
        return out;
    }

    /** {@code a} then {@code b}; null if either is (a branch without that input). */
    static double[][] concat(double[][] a, double[][] b) {
        if (a == null || b == null) return null;
        double[][] out = new double[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] concatRows(int[] a, int[] b) {
        int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static List<String> pick(List<String> a, int[] idx) {
        List<String> r = new ArrayList<>(idx.length);
        for (int i : idx) r.add(a.get(i));
        return r;
    }

    private static double[][] pickRows(double[][] a, int[] idx) {
        if (a == null) return null;
        double[][] r = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) r[i] = a[idx[i]];
        return r;
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    static int[] shuffled(int[] a, Random rnd) {
        int[] r = a.clone();
        for (int i = r.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = r[i];
            r[i] = r[j];
            r[j] = t;
        }
        return r;
    }

    static int[] pick(int[] a, int[] idx) {
        int[] r = new int[idx.length];
        for (int i = 0; i < idx.length; i++) r[i] = a[idx[i]];
        return r;
    }

    static double[] pick(double[] a, int[] idx) {
        double[] r = new double[idx.length];
        for (int i = 0; i < idx.length; i++) r[i] = a[idx[i]];
        return r;
    }
}
