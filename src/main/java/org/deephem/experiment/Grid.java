package org.deephem.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.model.ModelConfig;
import org.deephem.zoo.ConfigCodec;

/**
 * A named grid: table rows (group, variant) that each name a method key, run over every seed.
 * Rows with the same key share cells (the full model is one cell per seed, whichever ablation
 * group lists it). Every row is compared, paired by seed, with the row keyed {@link #reference}.
 *
 * @param name      experiment name (file names, cell specs)
 * @param rows      table rows in order
 * @param reference key of the reference method (the full model)
 * @param seeds     one cell per key and seed
 * @param cvFolds   nested mouse CV folds per cell, 0 = none
 * @param cvRepeats CV repeats
 * @param cvFirstSeedOnly only each method's first seed runs the CV (one CV per method, its
 *                  network seeds varying over the folds: docs/SELECTION-PROTOCOL.md amendment 1)
 */
public record Grid(String name, List<Row> rows, String reference, List<Long> seeds, int cvFolds, int cvRepeats,
                   boolean cvFirstSeedOnly) {

    /** A grid whose every cell runs the CV asked (or none). */
    public Grid(String name, List<Row> rows, String reference, List<Long> seeds, int cvFolds, int cvRepeats) {
        this(name, rows, reference, seeds, cvFolds, cvRepeats, false);
    }

    /**
     * @param key     file-safe method key; rows with equal keys must mean the same method
     * @param method  catalog name, or the variant's name for a network config
     * @param network the network's config (sized for the dataset), null for other methods
     * @param ensembleSeeds null for one model, n for the mean of n seeds' fits (an ensemble row)
     * @param data    the dataset folder this row's cells train on, null = the run's {@code --data}
     *                (select-default round 2: the canonical-window candidates)
     */
    public record Row(String group, String variant, String key, String method, ModelConfig network, Integer ensembleSeeds, Path data) {
        public Row(String group, String variant, String key, String method, ModelConfig network) {
            this(group, variant, key, method, network, null, null);
        }

        public Row(String group, String variant, String key, String method, ModelConfig network, Integer ensembleSeeds) {
            this(group, variant, key, method, network, ensembleSeeds, null);
        }
    }

    public Grid {
        rows = List.copyOf(rows);
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) throw new IllegalArgumentException("a grid needs at least one seed");
        if (rows.stream().noneMatch(r -> r.key().equals(reference))) throw new IllegalArgumentException("no row is the reference " + reference);
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row r : rows) {
            Row first = byKey.putIfAbsent(r.key(), r);
            if (first != null && !(first.method().equals(r.method()) && java.util.Objects.equals(first.network(), r.network())
                    && java.util.Objects.equals(first.ensembleSeeds(), r.ensembleSeeds()) && java.util.Objects.equals(first.data(), r.data()))) {
                throw new IllegalArgumentException("two different methods share the key " + r.key());
            }
        }
    }

    /** The distinct method rows (first row of each key), in order. */
    public List<Row> methods() {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row r : rows) byKey.putIfAbsent(r.key(), r);
        return new ArrayList<>(byKey.values());
    }

    public static String cellId(String key, long seed) {
        return key + "-s" + seed;
    }

    /** Every cell of the grid: methods × seeds, method-major (every row on the run's dataset). */
    public List<CellSpec> cells(String dataSha256) {
        return cells(dataSha256, Map.of());
    }

    /**
     * Every cell of the grid, a row with its own {@link Row#data} carrying that folder's hash
     * from {@code rowDataSha256} (folder → {@link CellSpec#datasetSha256}), the others {@code dataSha256}.
     */
    public List<CellSpec> cells(String dataSha256, Map<Path, String> rowDataSha256) {
        List<CellSpec> out = new ArrayList<>();
        for (Row r : methods()) {
            Map<String, Object> net = r.network() == null ? null : ConfigCodec.toMap(r.network());
            String sha = r.data() == null ? dataSha256 : rowDataSha256.get(r.data());
            if (sha == null) throw new IllegalArgumentException("no dataset hash given for row " + r.key() + "'s folder " + r.data());
            for (long s : seeds) {
                boolean cv = !cvFirstSeedOnly || s == seeds.get(0);
                out.add(new CellSpec(name, cellId(r.key(), s), r.method(), net, s, cv ? cvFolds : 0, cv ? cvRepeats : 0, sha, r.ensembleSeeds()));
            }
        }
        return out;
    }

    /** The distinct dataset folders rows name for themselves ({@link Row#data}), in order. */
    public List<Path> rowData() {
        return rows.stream().map(Row::data).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The dataset folder of each cell id: its row's own, else {@code data}. */
    public Map<String, Path> cellData(Path data) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Row r : methods()) for (long s : seeds) out.put(cellId(r.key(), s), r.data() == null ? data : r.data());
        return out;
    }

    /** The grid as {@code grid.json} holds it (network configs as {@link ConfigCodec} maps), so a report can collect it later. */
    public record Saved(String name, List<SavedRow> rows, String reference, List<Long> seeds, int cvFolds, int cvRepeats,
                        Boolean cvFirstSeedOnly) {
        public Grid toGrid() {
            List<Row> rs = new ArrayList<>();
            for (SavedRow r : rows) {
                rs.add(new Row(r.group(), r.variant(), r.key(), r.method(), r.network() == null ? null : ConfigCodec.fromMap(r.network()),
                        r.ensembleSeeds(), r.data() == null ? null : Path.of(r.data())));
            }
            return new Grid(name, rs, reference, seeds, cvFolds, cvRepeats, Boolean.TRUE.equals(cvFirstSeedOnly));
        }
    }

    public record SavedRow(String group, String variant, String key, String method, Map<String, Object> network,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer ensembleSeeds,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String data) {}

    public Saved saved() {
        List<SavedRow> rs = new ArrayList<>();
        for (Row r : rows) {
            rs.add(new SavedRow(r.group(), r.variant(), r.key(), r.method(), r.network() == null ? null : ConfigCodec.toMap(r.network()), r.ensembleSeeds(),
                    r.data() == null ? null : r.data().toString()));
        }
        return new Saved(name, rs, reference, seeds, cvFolds, cvRepeats, cvFirstSeedOnly);
    }
}
