package org.deephem.ensemble;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.OutputLock;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.io.RecordedPath;
import org.deephem.model.ModelConfig;
import org.deephem.train.TrainingRun;
import org.deephem.validation.MethodCatalog;
import org.deephem.zoo.EnsembleZip;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.Provenance;
import org.deephem.zoo.ReferenceScores;

/**
 * The ensemble stage ({@code ensemble}): bundles model zips, or trains members on a dataset,
 * and saves the ensemble zip in the zoo. The zip's place is checked, and held against another
 * training of the same name, before any member is read or trained.
 */
public final class EnsembleJob {
    private EnsembleJob() {}

    /**
     * What was saved: the zip, its members, and for a trained ensemble the seconds it took and
     * the mean width of the human members' range (NaN when bundled).
     */
    public record Result(Path zip, int members, double seconds, double meanWidth) {}

    /** Makes the ensemble of {@code spec}; its options were checked against each other by the caller. */
    public static Result run(EnsembleSpec spec) {
        Path zoo = spec.zoo(), zip = spec.zip();
        if (Files.exists(zoo) && !Files.isDirectory(zoo)) throw new InputError(zoo + ": is a file, but a folder is needed to save into");
        if (Files.isDirectory(zip)) throw new InputError(zip + ": is a folder, so the ensemble cannot be saved there");
        Outputs.requireFolder("--zoo", zoo); // read-only, or under a file: refused before any member is trained
        if (spec.members() != null) {
            if (spec.referenceData() != null) Outputs.requireNotInput("--name", zip, Outputs.input("--reference-data", spec.referenceData()));
            return bundle(spec);
        }
        return train(spec);
    }

    /** Held while the zip is made: a training or another ensemble of the same name is refused. */
    private static OutputLock lock(Path zip) {
        return OutputLock.acquire(zip, "training", "wait for it to finish, or choose another --name or --zoo");
    }

    private static Result bundle(EnsembleSpec spec) {
        List<Path> files = spec.members();
        Path zip = spec.zip();
        if (files.size() < 2) throw new InputError("--members: an ensemble needs at least 2 model zips, got " + files.size());
        Outputs.requireNotInput("--name", zip, files.stream().map(p -> Outputs.input("--members", p)).toArray(Outputs.Input[]::new));
        org.deephem.zoo.Backend.start();
        try (var held = lock(zip)) {
            return bundleLocked(spec);
        }
    }

    private static Result bundleLocked(EnsembleSpec spec) {
        List<Path> files = spec.members();
        List<EnsembleZip.Member> members = new ArrayList<>();
        List<Map<String, Object>> from = new ArrayList<>();
        for (Path p : files) {
            String file = String.valueOf(p.getFileName());
            String n = file.toLowerCase(Locale.ROOT).endsWith(".zip") ? file.substring(0, file.length() - 4) : file;
            if (EnsembleZip.isEnsemble(p)) throw InputError.at(p, "is itself an ensemble; list its member zips instead");
            if (members.stream().anyMatch(m -> m.name().equals(n))) throw InputError.at(p, "a member named '" + n + "' is already listed (members are named by their file names)");
            members.add(new EnsembleZip.Member(n, ModelZip.load(p)));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("member", n);
            f.put("zip", RecordedPath.of(p, null));
            f.put("sha256", Hashing.sha256(p));
            from.add(f);
        }
        EnsembleZip.requireSameMti(IntStream.range(0, members.size()).boxed().toList(), k -> String.valueOf(files.get(k)),
                k -> members.get(k).model(), "--members");
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("made_by", "ensemble --members");
        prov.put("member_zips", from);
        prov.put("software", Provenance.environment());
        ReferenceScores reference = null;
        if (spec.referenceData() != null) {
            DeepHemDataset ds = DatasetReader.read(spec.referenceData());
            reference = EnsembleZip.reference(members, ds);
            prov.put("reference", reference.what());
            Progress.say("reference: %s", reference);
        }
        EnsembleZip.save(spec.zip(), members, prov, reference);
        return new Result(spec.zip(), members.size(), Double.NaN, Double.NaN);
    }

    private static Result train(EnsembleSpec spec) {
        Path zip = spec.zip(), data = spec.data();
        Integer folds = spec.folds();
        Outputs.requireNotInput("--name", zip, Outputs.input("--data", data));
        org.deephem.zoo.Backend.start();
        DeepHemDataset ds = DatasetReader.read(data);
        if (!ds.hasFeatures()) throw new InputError(data + ": the dataset has no feature files (run build-dataset)");
        ModelConfig net = ModelConfig.defaults();
        if (spec.epochs() != null) net = net.withTraining(spec.epochs(), net.sourceBatch(), net.targetBatch(), net.learningRate(), net.seed());
        net = TrainingRun.sizedFor(net, ds);
        EnsembleMethod e = folds != null ? EnsembleMethod.ofFolds(spec.name(), MethodCatalog.create(spec.method(), net), folds)
                : EnsembleMethod.ofSeeds(spec.name(), MethodCatalog.create(spec.method(), net), spec.seeds() != null ? spec.seeds() : 5);
        if (folds != null) {
            long smaller = Math.min(IntStream.of(ds.labels()).filter(y -> y == 1).count(), IntStream.of(ds.labels()).filter(y -> y == 0).count());
            if (folds > smaller) throw new InputError("--folds " + folds + ": the smaller class of the labelled mouse has only " + smaller + " rows");
        }
        try (var held = lock(zip)) {
            return trainLocked(spec, ds, net, e);
        }
    }

    private static Result trainLocked(EnsembleSpec spec, DeepHemDataset ds, ModelConfig net, EnsembleMethod e) {
        Progress.say("training %d %s members (%s) on %d labelled mouse: %s", e.size(), spec.method(), e.kind().name().toLowerCase(Locale.ROOT),
                ds.labels().length, net.summary());
        long t0 = System.nanoTime();
        FittedEnsemble fitted;
        try (Progress.Bar bar = Progress.bar("members", e.size(), true)) {
            fitted = e.fit(ds, IntStream.range(0, ds.labels().length).toArray(), spec.seed(), member -> bar.step(member + " trained"));
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("made_by", "ensemble --data");
        prov.put("method", spec.method());
        prov.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        prov.put("members", e.size());
        prov.put("seed", spec.seed());
        prov.put("dataset", RecordedPath.of(spec.data(), null));
        prov.put("dataset_sha256", Provenance.datasetHashes(spec.data()));
        prov.put("train_seconds", (System.nanoTime() - t0) / 1e9);
        prov.put("software", Provenance.environment());
        Ensembles.save(spec.zip(), fitted, prov, ds);
        double[][] range = fitted.range(ds.target());
        double width = 0;
        for (double[] r : range) width += r[1] - r[0];
        return new Result(spec.zip(), e.size(), (System.nanoTime() - t0) / 1e9, width / range.length);
    }
}
