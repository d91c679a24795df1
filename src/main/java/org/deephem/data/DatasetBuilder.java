package org.deephem.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deephem.features.Dangles;
import org.deephem.features.FeatureCalculator;
import org.deephem.features.HairpinWindow;
import org.deephem.features.WindowRule;
import org.deephem.features.Mature;
import org.deephem.io.FastaRecord;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.Progress;

/**
 * Builds the DeepHEM dataset from the public raw sources (recipe: shared/docs/DATASET.md):
 * 85 + 88 labelled mouse (XGEM dataset2), 1,061 unlabelled mouse (dataset3), all 1,917
 * miRBase 22 human precursors, MTI gene sets, inherent features, MTI PCA, conservation and DSW.
 */
public final class DatasetBuilder {
    public static final String VERSION = "deephem-j-builder/1";

    private DatasetBuilder() {}

    /**
     * @param dangles       folding dangles, 0 or 2 (RNAfold's default)
     * @param comparisonOut where the XGEM dataset1 folder goes (see {@link #comparison}); null = not built
     * @param window        annotated precursors, or each re-cut to its canonical window ({@link HairpinWindow})
     */
    public record Options(Path raw, Path out, int pcaComponents, long seed, int dangles, Path comparisonOut, WindowRule window) {
        public Options(Path raw, Path out, int pcaComponents, long seed) {
            this(raw, out, pcaComponents, seed, org.deephem.features.RnaFolder.DEFAULT_DANGLES, null);
        }

        public Options(Path raw, Path out, int pcaComponents, long seed, int dangles, Path comparisonOut) {
            this(raw, out, pcaComponents, seed, dangles, comparisonOut, WindowRule.ANNOTATED);
        }
    }

    /** What the build found, for the command's summary. */
    public record Summary(Map<String, Object> manifest, long millis) {}

    public static Summary build(Options o) {
        long t0 = System.currentTimeMillis();
        RawSources raw = new RawSources(o.raw());
        Progress.say("reading XGEM labels and miRBase 22 sequences ...");
        List<FastaRecord> pos = raw.essential();
        List<FastaRecord> neg = raw.nonEssential();
        List<String> srcIds = new ArrayList<>();
        List<String> srcSeqs = new ArrayList<>();
        int[] labels = new int[pos.size() + neg.size()];
        int i = 0;
        for (FastaRecord r : pos) {
            srcIds.add(r.id());
            srcSeqs.add(r.sequence());
            labels[i++] = 1;
        }
        for (FastaRecord r : neg) {
            if (srcIds.contains(r.id())) throw InputError.at(raw.file(RawSources.FILES.get(1)), r.line(), "'" + r.id() + "' is also essential");
            srcIds.add(r.id());
            srcSeqs.add(r.sequence());
            labels[i++] = 0;
        }
        List<String> mIds = new ArrayList<>();
        List<String> mSeqs = new ArrayList<>();
        for (FastaRecord r : raw.unlabelledMouse()) {
            if (srcIds.contains(r.id())) continue; // labelled rows stay labelled only
            mIds.add(r.id());
            mSeqs.add(r.sequence());
        }
        List<String> hIds = new ArrayList<>();
        List<String> hSeqs = new ArrayList<>();
        for (FastaRecord r : raw.human()) {
            hIds.add(r.id());
            hSeqs.add(r.sequence());
        }
        Map<String, List<Mature>> matures = raw.matures();

        Progress.say("mapping TargetScan predictions to precursors ...");
        RawSources.Targets ht = raw.targets(true, matures);
        RawSources.Targets mt = raw.targets(false, matures);
        Map<String, Set<String>> humanTargets = restrict(ht.genesByPrecursor(), hIds);
        List<String> mouseAll = new ArrayList<>(srcIds);
        mouseAll.addAll(mIds);
        Map<String, Set<String>> mouseTargets = restrict(mt.genesByPrecursor(), mouseAll);

        Progress.say("conservation and DSW ...");
        Map<String, Set<String>> seeds = raw.speciesBySeed();
        Map<String, Integer> tsClass = raw.targetScanHumanClass();
        Map<String, double[]> cons = new HashMap<>();
        for (String id : hIds) {
            List<Mature> ms = matures.getOrDefault(id, List.of());
            cons.put(id, new double[] {Indicators.seedConservation(ms, seeds), Indicators.targetScanClass(ms, tsClass)});
        }
        Indicators.DswMatch dm = Indicators.matchHmdd(raw.hmddDiseases(), hIds);
        int diseases = raw.hmddDiseaseCount();
        Map<String, double[]> dsw = new HashMap<>();
        for (String id : hIds) {
            int nd = dm.diseasesByPrecursor().getOrDefault(id, Set.of()).size();
            dsw.put(id, new double[] {nd / (double) diseases, nd});
        }

        List<String> allIds = new ArrayList<>(mouseAll);
        allIds.addAll(hIds);
        List<String> allSeqs = new ArrayList<>(srcSeqs);
        allSeqs.addAll(mSeqs);
        allSeqs.addAll(hSeqs);
        Map<String, String> annotatedSeqs = new HashMap<>();
        Map<String, Integer> annotatedLengths = null;
        Map<String, HairpinWindow> windows = null;
        Map<String, Object> windowCounts = null;
        if (o.window() == WindowRule.CANONICAL) {
            // re-cut every precursor to its canonical window; everything below (features, folding, matures) is on the window
            Progress.say("canonical windows of %d precursors ...", allIds.size());
            List<List<Mature>> ms = new ArrayList<>();
            for (String id : allIds) ms.add(matures.getOrDefault(id, List.of()));
            HairpinWindow[] w = o.window().windows(allSeqs, ms, new FeatureCalculator(o.dangles()), "precursors");
            annotatedLengths = new HashMap<>();
            windows = new HashMap<>();
            for (int k = 0; k < allIds.size(); k++) {
                annotatedSeqs.put(allIds.get(k), allSeqs.get(k));
                annotatedLengths.put(allIds.get(k), allSeqs.get(k).length());
                windows.put(allIds.get(k), w[k]);
                allSeqs.set(k, w[k].cut(allSeqs.get(k)));
            }
            int s = srcSeqs.size(), m = mSeqs.size();
            srcSeqs = new ArrayList<>(allSeqs.subList(0, s));
            mSeqs = new ArrayList<>(allSeqs.subList(s, s + m));
            hSeqs = new ArrayList<>(allSeqs.subList(s + m, allSeqs.size()));
            windowCounts = windowCounts(allIds, windows);
        }
        Progress.say("folding and features for %d precursors ...", mouseAll.size() + hIds.size());
        Map<String, Set<String>> allTargets = new HashMap<>(mouseTargets);
        allTargets.putAll(humanTargets);
        FeatureAssembly.Result feats = FeatureAssembly.compute(allIds, allSeqs, matures, allTargets, o.pcaComponents(), o.seed(), o.dangles());

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("builder", VERSION);
        manifest.put("kind", "real");
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("mouse_labelled", srcIds.size());
        counts.put("mouse_essential", pos.size());
        counts.put("mouse_non_essential", neg.size());
        counts.put("mouse_unlabelled", mIds.size());
        counts.put("human", hIds.size());
        counts.put("mouse_labelled_with_targets", srcIds.stream().filter(mouseTargets::containsKey).count());
        counts.put("mouse_essential_with_targets", pos.stream().filter(r -> mouseTargets.containsKey(r.id())).count());
        counts.put("mouse_non_essential_with_targets", neg.stream().filter(r -> mouseTargets.containsKey(r.id())).count());
        counts.put("human_with_targets", humanTargets.size());
        counts.put("targetscan_human_names", ht.targetScanNames());
        counts.put("targetscan_human_names_unmatched", ht.unmatchedNames().size());
        counts.put("targetscan_mouse_names_unmatched", mt.unmatchedNames().size());
        counts.put("hmdd_names", dm.exact() + dm.family() + dm.unmatched().size());
        counts.put("hmdd_matched_exact", dm.exact());
        counts.put("hmdd_matched_family", dm.family());
        counts.put("hmdd_diseases", diseases);
        counts.put("genes", feats.pca().genes().size());
        manifest.put("counts", counts);
        manifest.put("targetscan_human_unmatched_names", ht.unmatchedNames());
        manifest.put("hmdd_unmatched_names", dm.unmatched());
        Map<String, Object> pca = new LinkedHashMap<>();
        pca.put("components", o.pcaComponents());
        pca.put("fitted_on", "all mouse + human precursors together (unsupervised)");
        pca.put("explained_variance_fraction", feats.explained());
        pca.put("seed", o.seed());
        manifest.put("mti_pca", pca);
        manifest.put(Dangles.KEY, Dangles.record(o.dangles()));
        if (o.window() == WindowRule.CANONICAL) {
            // an annotated build records nothing here, so that its files stay byte for byte those of earlier builds
            Map<String, Object> w = o.window().record();
            w.put("placements", windowCounts);
            w.put("file", Layout.WINDOWS + " (each ID's annotated length and window, 1-based inclusive)");
            manifest.put(WindowRule.KEY, w);
        }
        manifest.put("notes", List.of(
                "The paper used 1,913 human precursors; this dataset has all " + hIds.size() + " of miRBase 22.",
                "Genes are keyed by upper-case symbol so mouse and human share columns (symbol-level orthology, an approximation).",
                "Having TargetScan targets is itself a conservation signal (conserved sites of conserved families): MTI results must be read next to results without MTI."));
        Map<String, String> inputs = new TreeMap<>();
        for (String f : RawSources.FILES) inputs.put(f, Hashing.sha256(raw.file(f)));
        manifest.put("inputs_sha256", inputs);

        BuiltDataset d = new BuiltDataset(srcIds, srcSeqs, labels, mIds, mSeqs, hIds, hSeqs,
                mouseTargets, humanTargets, feats.inherent(), feats.pca(), feats.scores(),
                cons, List.of("score", "targetscan_class"), dsw, List.of("score", "diseases"), manifest, annotatedLengths, windows);
        Progress.say("writing %s ...", o.out());
        DatasetWriter.write(o.out(), d);
        if (o.comparisonOut() != null) {
            if (raw.hasComparisonSet()) {
                Progress.say("writing %s (XGEM dataset1, 77 + 77) ...", o.comparisonOut());
                DatasetWriter.write(o.comparisonOut(), comparison(raw, d, annotatedSeqs));
            } else {
                Progress.say("XGEM dataset1 not found under %s: comparison folder not built", o.raw());
            }
        }
        return new Summary(manifest, System.currentTimeMillis() - t0);
    }

    /**
     * The same dataset with XGEM dataset1 (77 essential + 77 non-essential, the set PESM, miES and
     * XGEM report on) as the labelled mouse and every other mouse precursor as unlabelled. All
     * 154 are miRBase 22 mouse precursors already in {@code main} (72 + 77 labelled there, 5
     * unlabelled), so every feature, the MTI PCA and the human side are taken over unchanged.
     */
    static BuiltDataset comparison(RawSources raw, BuiltDataset main, Map<String, String> annotatedSeqs) {
        Map<String, String> mouseSeq = new LinkedHashMap<>();
        for (int i = 0; i < main.sourceIds().size(); i++) mouseSeq.put(main.sourceIds().get(i), main.sourceSeqs().get(i));
        for (int i = 0; i < main.mouseIds().size(); i++) mouseSeq.put(main.mouseIds().get(i), main.mouseSeqs().get(i));
        List<String> ids = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (boolean essential : new boolean[] {true, false}) {
            Path file = raw.file(RawSources.COMPARISON_FILES.get(essential ? 0 : 1));
            for (FastaRecord r : raw.comparison(essential)) {
                String known = mouseSeq.get(r.id());
                String annotated = annotatedSeqs.getOrDefault(r.id(), known); // a canonical build checks the annotated precursor
                if (known == null) throw InputError.at(file, r.line(), "'" + r.id() + "' is not a miRBase 22 mouse precursor of dataset2/dataset3");
                if (!annotated.equals(r.sequence())) throw InputError.at(file, r.line(), "'" + r.id() + "' has another sequence than in dataset2/dataset3");
                if (ids.contains(r.id())) throw InputError.at(file, r.line(), "'" + r.id() + "' appears twice in dataset1");
                ids.add(r.id());
                seqs.add(known);
                labels.add(essential ? 1 : 0);
            }
        }
        List<String> restIds = new ArrayList<>();
        List<String> restSeqs = new ArrayList<>();
        for (var e : mouseSeq.entrySet()) {
            if (ids.contains(e.getKey())) continue;
            restIds.add(e.getKey());
            restSeqs.add(e.getValue());
        }
        Map<String, Object> manifest = new LinkedHashMap<>(main.manifest());
        manifest.put("kind", "xgem-dataset1");
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = new LinkedHashMap<>((Map<String, Object>) main.manifest().get("counts"));
        long pos = labels.stream().filter(y -> y == 1).count();
        counts.put("mouse_labelled", ids.size());
        counts.put("mouse_essential", pos);
        counts.put("mouse_non_essential", ids.size() - pos);
        counts.put("mouse_unlabelled", restIds.size());
        counts.put("mouse_labelled_with_targets", ids.stream().filter(main.mouseTargets()::containsKey).count());
        long essWith = 0, nonWith = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (!main.mouseTargets().containsKey(ids.get(i))) continue;
            if (labels.get(i) == 1) essWith++;
            else nonWith++;
        }
        counts.put("mouse_essential_with_targets", essWith);
        counts.put("mouse_non_essential_with_targets", nonWith);
        counts.put("mouse_labelled_in_dataset2", ids.stream().filter(main.sourceIds()::contains).count());
        manifest.put("counts", counts);
        List<Object> notes = new ArrayList<>((List<?>) main.manifest().get("notes"));
        notes.add("Labelled rows = XGEM dataset1 (77 + 77; published AUROC on it: PESM 0.912, miES 0.90, XGEM 0.949). "
                + "Features, MTI PCA, human rows and indicators are those of the main dataset.");
        manifest.put("notes", notes);
        @SuppressWarnings("unchecked")
        Map<String, String> inputs = new TreeMap<>((Map<String, String>) main.manifest().get("inputs_sha256"));
        for (String f : RawSources.COMPARISON_FILES) inputs.put(f, Hashing.sha256(raw.file(f)));
        manifest.put("inputs_sha256", inputs);
        return new BuiltDataset(ids, seqs, labels.stream().mapToInt(Integer::intValue).toArray(), restIds, restSeqs,
                main.humanIds(), main.humanSeqs(), main.mouseTargets(), main.humanTargets(), main.inherent(), main.pca(),
                main.pcaScores(), main.conservation(), main.conservationColumns(), main.dsw(), main.dswColumns(), manifest,
                main.annotatedLengths(), main.windows());
    }

    /** How many windows were placed each way (and clipped), overall: for dataset.json. */
    static Map<String, Object> windowCounts(List<String> ids, Map<String, HairpinWindow> windows) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (HairpinWindow.Placement p : HairpinWindow.Placement.values()) {
            long n = ids.stream().filter(id -> windows.get(id).placement() == p).count();
            long c = ids.stream().filter(id -> windows.get(id).placement() == p && windows.get(id).clipped()).count();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rows", n);
            e.put("clipped", c);
            out.put(p.label, e);
        }
        out.put("arm_by_name", ids.stream().filter(id -> windows.get(id).armByName()).count());
        out.put("no_pair_in_mature", ids.stream().filter(id -> windows.get(id).noPairInMature()).count());
        return out;
    }

    private static Map<String, Set<String>> restrict(Map<String, Set<String>> m, List<String> ids) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String id : ids) if (m.containsKey(id)) out.put(id, m.get(id));
        return out;
    }
}
