package org.deephem.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.deephem.data.BuiltDataset;
import org.deephem.data.DatasetWriter;
import org.deephem.data.FeatureAssembly;
import org.deephem.features.Dangles;
import org.deephem.features.Mature;
import org.deephem.features.RnaFolder;

/**
 * A small, seeded, synthetic dataset in the DeepHEM layout, for the quick start and the tests.
 * It is NOT biology. Every precursor is a designed hairpin (flank, 5' arm carrying a 22-nt
 * mature, terminal loop, 3' arm pairing back with a few mismatches and bulges). A latent
 * "essentiality" is planted in ways the three branches can see: essential-like hairpins are
 * shorter, carry one of a few seed motifs, have both arms annotated, and target a shared gene
 * module; the human domain is shifted (higher GC in loops and flanks, longer flanks). The two
 * human indicators (conservation, DSW) are noisy increasing functions of the latent.
 */
public final class DemoDataset {
    public static final String VERSION = "deephem-j-demo/1";
    static final String[] SEED_MOTIFS = {"GAGGUAG", "GGAAUGU", "AGCACCA", "CAGUGCA"};
    static final int GENES = 160;
    static final int MODULE = 40; // genes 0..39 are the "essential" module

    private DemoDataset() {}

    public record Sizes(int mouseEssential, int mouseNonEssential, int mouseUnlabelled, int human) {
        public static Sizes standard() {
            return new Sizes(60, 60, 80, 200);
        }
    }

    private record Hairpin(String id, String seq, List<Mature> matures, Set<String> genes, boolean essential) {}

    /** True when {@code dir} holds a dataset written by make-demo (its manifest names this builder). */
    public static boolean isDemo(java.nio.file.Path dir) {
        java.nio.file.Path manifest = dir.resolve(org.deephem.data.Layout.MANIFEST);
        if (!java.nio.file.Files.isRegularFile(manifest)) return false;
        try {
            Object builder = org.deephem.io.Json.mapper().readValue(manifest.toFile(), java.util.Map.class).get("builder");
            return builder instanceof String b && b.startsWith("deephem-j-demo/");
        } catch (java.io.IOException e) {
            return false; // an unreadable manifest is not the demo's; the dataset reader reports real problems
        }
    }

    public static BuiltDataset generate(Sizes sizes, long seed, int pcaComponents) {
        Random rnd = new Random(seed);
        List<Hairpin> src = new ArrayList<>();
        for (int i = 0; i < sizes.mouseEssential(); i++) src.add(hairpin(rnd, "demo-mmu-e" + num(i), true, false));
        for (int i = 0; i < sizes.mouseNonEssential(); i++) src.add(hairpin(rnd, "demo-mmu-n" + num(i), false, false));
        List<Hairpin> mouse = new ArrayList<>();
        for (int i = 0; i < sizes.mouseUnlabelled(); i++) mouse.add(hairpin(rnd, "demo-mmu-u" + num(i), rnd.nextDouble() < 0.4, false));
        List<Hairpin> human = new ArrayList<>();
        for (int i = 0; i < sizes.human(); i++) human.add(hairpin(rnd, "demo-hsa-" + num(i), rnd.nextDouble() < 0.4, true));

        List<String> ids = new ArrayList<>(), seqs = new ArrayList<>();
        Map<String, List<Mature>> matures = new HashMap<>();
        Map<String, Set<String>> targets = new HashMap<>();
        for (List<Hairpin> l : List.of(src, mouse, human)) {
            for (Hairpin h : l) {
                ids.add(h.id);
                seqs.add(h.seq);
                matures.put(h.id, h.matures);
                if (!h.genes.isEmpty()) targets.put(h.id, h.genes);
            }
        }
        FeatureAssembly.Result f = FeatureAssembly.compute(ids, seqs, matures, targets, pcaComponents, seed,
                RnaFolder.DEFAULT_DANGLES);
        Map<String, double[]> cons = new HashMap<>(), dsw = new HashMap<>();
        for (Hairpin h : human) {
            double latent = h.essential ? 1.0 : 0.0;
            int c = (int) Math.max(1, Math.round(3 + 25 * latent + 6 * rnd.nextGaussian()));
            int d = (int) Math.max(0, Math.round(-2 + 20 * latent + 8 * rnd.nextGaussian()));
            cons.put(h.id, new double[] {c, h.essential ? 2 : -1});
            dsw.put(h.id, new double[] {d / 374.0, d});
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("builder", VERSION);
        manifest.put("kind", "synthetic demo (not biology): designed hairpins with a planted essentiality signal");
        manifest.put("seed", seed);
        manifest.put("counts", Map.of("mouse_labelled", src.size(), "mouse_essential", sizes.mouseEssential(),
                "mouse_non_essential", sizes.mouseNonEssential(), "mouse_unlabelled", mouse.size(), "human", human.size(),
                "human_with_targets", human.stream().filter(h -> !h.genes.isEmpty()).count(), "genes", f.pca().genes().size()));
        manifest.put(Dangles.KEY, Dangles.record(RnaFolder.DEFAULT_DANGLES));
        manifest.put("mti_pca", Map.of("components", pcaComponents, "fitted_on", "all mouse + human rows (unsupervised)",
                "explained_variance_fraction", f.explained()));
        manifest.put("regenerate", "java -jar target/deephem.jar make-demo --out data --seed " + seed);
        int[] labels = new int[src.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = src.get(i).essential ? 1 : 0;
        return new BuiltDataset(ids(src), seqs(src), labels, ids(mouse), seqs(mouse), ids(human), seqs(human),
                targetsOf(src, mouse), targetsOf(human), f.inherent(), f.pca(), f.scores(),
                cons, List.of("score", "targetscan_class"), dsw, List.of("score", "diseases"), manifest);
    }

    public static void write(Path out, Sizes sizes, long seed, int pcaComponents) {
        DatasetWriter.write(out, generate(sizes, seed, pcaComponents));
    }

    /**
     * The demo as {@code make-demo} writes it (standard sizes), after checking that {@code out}
     * is a folder this program may replace and can write: nothing is generated otherwise.
     */
    public static void make(Path out, long seed, int pcaComponents) {
        DatasetWriter.requireReplaceable("--out", out);
        org.deephem.io.Outputs.requireWritable("--out", out, org.deephem.io.Outputs.Place.REPLACED_FOLDER);
        write(out, Sizes.standard(), seed, pcaComponents);
    }

    private static String num(int i) {
        return String.format(java.util.Locale.ROOT, "%04d", i + 1);
    }

    private static List<String> ids(List<Hairpin> l) {
        return l.stream().map(Hairpin::id).toList();
    }

    private static List<String> seqs(List<Hairpin> l) {
        return l.stream().map(Hairpin::seq).toList();
    }

    @SafeVarargs
    private static Map<String, Set<String>> targetsOf(List<Hairpin>... ls) {
        Map<String, Set<String>> m = new HashMap<>();
        for (List<Hairpin> l : ls) for (Hairpin h : l) if (!h.genes.isEmpty()) m.put(h.id, h.genes);
        return m;
    }

    private static final String BASES = "ACGU";

    private static String random(Random r, int n, double gc) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            boolean strong = r.nextDouble() < gc;
            sb.append(strong ? (r.nextBoolean() ? 'G' : 'C') : (r.nextBoolean() ? 'A' : 'U'));
        }
        return sb.toString();
    }

    private static char complement(char c, Random r) {
        return switch (c) {
            case 'A' -> 'U';
            case 'C' -> 'G';
            case 'G' -> r.nextDouble() < 0.15 ? 'U' : 'C'; // some G-U wobbles
            default -> r.nextDouble() < 0.15 ? 'G' : 'A';
        };
    }

    private static Hairpin hairpin(Random r, String id, boolean essential, boolean humanDomain) {
        double gcShift = humanDomain ? 0.12 : 0.0;
        int flank = (essential ? 3 : 8) + r.nextInt(5) + (humanDomain ? 4 : 0);
        int loop = (essential ? 5 : 10) + r.nextInt(essential ? 5 : 14);
        String mature = random(r, 22, 0.45);
        if (essential) {
            String motif = SEED_MOTIFS[r.nextInt(SEED_MOTIFS.length)];
            mature = mature.charAt(0) + motif + mature.substring(8);
        }
        int stemExtra = 2 + r.nextInt(essential ? 3 : 10);
        String arm5 = mature + random(r, stemExtra, 0.5);
        // 3' arm: reverse complement with occasional mismatches and one optional bulge
        StringBuilder arm3 = new StringBuilder();
        for (int i = arm5.length() - 1; i >= 0; i--) {
            char c = complement(arm5.charAt(i), r);
            if (r.nextDouble() < (essential ? 0.04 : 0.12)) c = BASES.charAt(r.nextInt(4));
            arm3.append(c);
            if (!essential && r.nextDouble() < 0.03) arm3.append(BASES.charAt(r.nextInt(4)));
        }
        String seq = random(r, flank, 0.45 + gcShift) + arm5 + random(r, loop, 0.35 + gcShift) + arm3 + random(r, flank, 0.45 + gcShift);
        List<Mature> ms = new ArrayList<>();
        ms.add(new Mature(id + "-5p", mature));
        if (essential ? r.nextDouble() < 0.9 : r.nextDouble() < 0.2) {
            String star = arm3.substring(Math.min(2, arm3.length() - 22), Math.min(2, arm3.length() - 22) + 22);
            if (!star.equals(mature)) ms.add(new Mature(id + "-3p", star));
        }
        Set<String> genes = new HashSet<>();
        int nTargets = essential ? 6 + r.nextInt(10) : (r.nextDouble() < 0.5 ? 0 : 1 + r.nextInt(6));
        for (int t = 0; t < nTargets; t++) {
            boolean module = essential ? r.nextDouble() < 0.8 : r.nextDouble() < 0.15;
            int g = module ? r.nextInt(MODULE) : MODULE + r.nextInt(GENES - MODULE);
            genes.add(String.format(java.util.Locale.ROOT, "GENE%03d", g));
        }
        return new Hairpin(id, seq, ms, genes, essential);
    }
}
