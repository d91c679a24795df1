package org.deephem.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.ensemble.EnsembleMethod;
import org.deephem.ensemble.Ensembles;
import org.deephem.ensemble.FittedEnsemble;
import org.deephem.eval.MemberSpread;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.model.ModelConfig;
import org.deephem.train.TrainingRun;
import org.deephem.validation.MethodCatalog;
import org.deephem.zoo.EnsembleZip;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.Provenance;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ensemble", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make an ensemble zip for the model zoo: either train several networks (different seeds, or one per left-out fold of the labelled mouse) or bundle model zips you already have.",
                "score --model <ensemble>.zip writes the mean member probability and the 2.5-97.5 %% range of the members' probabilities (score_low, score_high)."})
final class EnsembleCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--members", split = ",", description = "model zips to bundle, comma-separated (at least 2; each member is named by its file name)")
        List<Path> members;
        @Option(names = "--data", description = "dataset folder to train the members on (all labelled mouse rows)")
        Path data;
    }

    @Option(names = "--method", defaultValue = "deephem", description = "with --data: deephem or deephem-nomti (default: ${DEFAULT-VALUE})")
    String method;
    @Option(names = "--seeds", description = "with --data: this many members, each trained on all labelled mouse with its own seed (default: 5)")
    Integer seeds;
    @Option(names = "--folds", description = "with --data: instead of --seeds, one member per stratified fold, each trained without that fold")
    Integer folds;
    @Option(names = "--seed", defaultValue = "42", description = "with --data: master seed; member seeds (and folds) are drawn from it (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--epochs", description = "with --data: epochs per member (default: 100)")
    Integer epochs;
    @Option(names = "--name", required = true, description = "ensemble name: writes <zoo>/<name>.zip")
    String name;
    @Option(names = "--reference-data", description = "with --members: dataset folder whose human rows the ensemble scores and stores as its reference, so that `score` can give each score's percentile among them (with --data: that dataset, always)")
    Path referenceData;
    @Option(names = "--zoo", defaultValue = "model-zoo", description = "where the zip goes (default: ${DEFAULT-VALUE})")
    Path zoo;

    @Override
    public Integer call() {
        OptionCheck.name("--name", name);
        Path zip = zoo.resolve(name + ".zip");
        if (Files.exists(zoo) && !Files.isDirectory(zoo)) throw new InputError(zoo + ": is a file, but a folder is needed to save into");
        if (Files.isDirectory(zip)) throw new InputError(zip + ": is a folder, so the ensemble cannot be saved there");
        Outputs.requireFolder("--zoo", zoo); // read-only, or under a file: refused before any member is trained
        if (source.members == null && referenceData != null) throw new InputError("--reference-data goes with --members (with --data the ensemble's reference is that dataset)");
        if (source.members != null) {
            if (seeds != null || folds != null || epochs != null) throw new InputError("--seeds, --folds and --epochs go with --data, not --members");
            if (referenceData != null) Outputs.requireNotInput("--name", zip, Outputs.input("--reference-data", referenceData));
            return bundle(zip);
        }
        return train(zip);
    }

    /** Held while the zip is made: a training or another ensemble of the same name is refused. */
    private static org.deephem.io.OutputLock lock(Path zip) {
        return org.deephem.io.OutputLock.acquire(zip, "training", "wait for it to finish, or choose another --name or --zoo");
    }

    private int bundle(Path zip) {
        if (source.members.size() < 2) throw new InputError("--members: an ensemble needs at least 2 model zips, got " + source.members.size());
        Outputs.requireNotInput("--name", zip, source.members.stream().map(p -> Outputs.input("--members", p)).toArray(Outputs.Input[]::new));
        org.deephem.zoo.Backend.start();
        try (var held = lock(zip)) {
            return bundleLocked(zip);
        }
    }

    private int bundleLocked(Path zip) {
        List<EnsembleZip.Member> members = new ArrayList<>();
        List<Map<String, Object>> from = new ArrayList<>();
        for (Path p : source.members) {
            String file = String.valueOf(p.getFileName());
            String n = file.toLowerCase(Locale.ROOT).endsWith(".zip") ? file.substring(0, file.length() - 4) : file;
            if (EnsembleZip.isEnsemble(p)) throw InputError.at(p, "is itself an ensemble; list its member zips instead");
            if (members.stream().anyMatch(m -> m.name().equals(n))) throw InputError.at(p, "a member named '" + n + "' is already listed (members are named by their file names)");
            members.add(new EnsembleZip.Member(n, ModelZip.load(p)));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("member", n);
            f.put("zip", org.deephem.io.RecordedPath.of(p, null));
            f.put("sha256", Hashing.sha256(p));
            from.add(f);
        }
        List<Path> files = source.members;
        EnsembleZip.requireSameMti(IntStream.range(0, members.size()).boxed().toList(), k -> String.valueOf(files.get(k)),
                k -> members.get(k).model(), "--members");
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("made_by", "ensemble --members");
        prov.put("member_zips", from);
        prov.put("software", Provenance.environment());
        org.deephem.zoo.ReferenceScores reference = null;
        if (referenceData != null) {
            DeepHemDataset ds = DatasetReader.read(referenceData);
            reference = EnsembleZip.reference(members, ds);
            prov.put("reference", reference.what());
            Progress.say("reference: %s", reference);
        }
        EnsembleZip.save(zip, members, prov, reference);
        System.out.printf(Locale.ROOT, "ensemble of %d members: %s%n", members.size(), zip);
        return 0;
    }

    private int train(Path zip) {
        if (seeds != null && folds != null) throw new InputError("--seeds and --folds: give one of them");
        OptionCheck.atLeast("--seeds", seeds, 2);
        OptionCheck.atLeast("--folds", folds, 2);
        OptionCheck.epochs("--epochs", epochs);
        method = method.strip().toLowerCase(Locale.ROOT);
        if (!List.of("deephem", "deephem-nomti").contains(method)) throw new InputError("--method must be deephem or deephem-nomti, not '" + method + "'");
        Outputs.requireNotInput("--name", zip, Outputs.input("--data", source.data));
        org.deephem.zoo.Backend.start();
        DeepHemDataset ds = DatasetReader.read(source.data);
        if (!ds.hasFeatures()) throw new InputError(source.data + ": the dataset has no feature files (run build-dataset)");
        ModelConfig net = ModelConfig.defaults();
        if (epochs != null) net = net.withTraining(epochs, net.sourceBatch(), net.targetBatch(), net.learningRate(), net.seed());
        net = TrainingRun.sizedFor(net, ds);
        EnsembleMethod e = folds != null ? EnsembleMethod.ofFolds(name, MethodCatalog.create(method, net), folds)
                : EnsembleMethod.ofSeeds(name, MethodCatalog.create(method, net), seeds != null ? seeds : 5);
        if (folds != null) {
            long smaller = Math.min(IntStream.of(ds.labels()).filter(y -> y == 1).count(), IntStream.of(ds.labels()).filter(y -> y == 0).count());
            if (folds > smaller) throw new InputError("--folds " + folds + ": the smaller class of the labelled mouse has only " + smaller + " rows");
        }
        try (var held = lock(zip)) {
            return trainLocked(zip, ds, net, e);
        }
    }

    private int trainLocked(Path zip, DeepHemDataset ds, ModelConfig net, EnsembleMethod e) {
        Progress.say("training %d %s members (%s) on %d labelled mouse: %s", e.size(), method, e.kind().name().toLowerCase(Locale.ROOT),
                ds.labels().length, net.summary());
        long t0 = System.nanoTime();
        FittedEnsemble fitted;
        try (Progress.Bar bar = Progress.bar("members", e.size(), true)) {
            fitted = e.fit(ds, IntStream.range(0, ds.labels().length).toArray(), seed, member -> bar.step(member + " trained"));
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("made_by", "ensemble --data");
        prov.put("method", method);
        prov.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        prov.put("members", e.size());
        prov.put("seed", seed);
        prov.put("dataset", org.deephem.io.RecordedPath.of(source.data, null));
        prov.put("dataset_sha256", Provenance.datasetHashes(source.data));
        prov.put("train_seconds", (System.nanoTime() - t0) / 1e9);
        prov.put("software", Provenance.environment());
        Ensembles.save(zip, fitted, prov, ds);
        double[][] range = fitted.range(ds.target());
        double width = 0;
        for (double[] r : range) width += r[1] - r[0];
        System.out.printf(Locale.ROOT, "ensemble of %d members: %s (%.1f s)%n", e.size(), zip, (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "mean width of the human members' range (%s): %.4f%n", MemberSpread.DEFINITION, width / range.length);
        return 0;
    }
}
