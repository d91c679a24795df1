package org.deephem.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.deephem.io.InputError;
import org.deephem.io.Table;
import org.deephem.io.Xlsx;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {
    @TempDir
    Path tmp;

    @Test
    void demoDatasetReadsCompletely() {
        DeepHemDataset d = DatasetReader.read(TestData.demo());
        assertEquals(120, d.source().size());
        assertEquals(60, Arrays.stream(d.labels()).sum());
        assertEquals(80, d.unlabelledMouse().size());
        assertEquals(200, d.target().size());
        assertTrue(d.hasFeatures());
        assertEquals(18, d.inherentNames().size());
        assertNotNull(d.conservation());
        assertEquals(200, d.dsw().size());
        assertTrue(Inspection.summarise(d).contains("60 essential, 60 non-essential"));
    }

    /** Rewrites one sheet of a demo copy after editing its rows (cells as text). */
    private Path corrupt(String file, Consumer<List<String[]>> edit) throws IOException {
        Path dir = TestData.demoCopy(tmp);
        Path f = dir.resolve(file);
        Table t = Xlsx.read(f);
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String[] row = new String[t.header().size()];
            for (int c = 0; c < row.length; c++) row[c] = t.text(r, c);
            rows.add(row);
        }
        List<String> header = new ArrayList<>(t.header());
        rows.add(0, header.toArray(new String[0]));
        edit.accept(rows);
        String[] h = rows.remove(0);
        List<Object[]> out = new ArrayList<>();
        for (String[] r : rows) {
            Object[] o = new Object[r.length];
            for (int c = 0; c < r.length; c++) {
                try {
                    double v = Double.parseDouble(r[c]);
                    o[c] = c == 0 || !Double.isFinite(v) ? r[c] : (Object) v;
                } catch (NumberFormatException e) {
                    o[c] = r[c];
                }
            }
            out.add(o);
        }
        Xlsx.write(f, List.of(h), out);
        return dir;
    }

    private static String error(Path dir) {
        InputError e = assertThrows(InputError.class, () -> DatasetReader.read(dir));
        assertFalse(e.getMessage().contains("\n"), "error must be one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void foldingDanglesComeFromTheManifest() throws IOException {
        assertEquals(2, DatasetReader.foldingDangles(TestData.demo()), "the demo data is folded with RNAfold's default");
        Path d = TestData.demoCopy(tmp);
        Path manifest = d.resolve(Layout.MANIFEST);
        Files.writeString(manifest, "{\"builder\": \"older\"}");
        assertEquals(0, DatasetReader.foldingDangles(d), "built before the setting was recorded");
        Files.delete(manifest);
        assertEquals(0, DatasetReader.foldingDangles(d), "no manifest at all");
        Files.writeString(manifest, "{\"folding\": {\"dangles\": 1}}");
        InputError e = assertThrows(InputError.class, () -> DatasetReader.foldingDangles(d));
        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains("dangles"), e.getMessage());
        Files.writeString(manifest, "not json");
        e = assertThrows(InputError.class, () -> DatasetReader.foldingDangles(d));
        assertTrue(e.getMessage().startsWith(manifest.toString()), e.getMessage());
    }

    @Test
    void missingFile() throws IOException {
        Path dir = TestData.demoCopy(tmp);
        Files.delete(dir.resolve(Layout.LABELS));
        String m = error(dir);
        assertTrue(m.contains("mmu_label.xlsx") && m.contains("missing"), m);
    }

    @Test
    void missingColumn() throws IOException {
        Path dir = corrupt(Layout.LABELS, rows -> rows.replaceAll(r -> new String[] {r[0]}));
        String m = error(dir);
        assertTrue(m.contains("mmu_label.xlsx") && m.contains("missing column 'label'"), m);
    }

    /** Audit issue 23, WEAK: a renamed feature column said only "feature columns differ (18 vs 18)". */
    @Test
    void featureColumnsThatDifferBetweenTheSpeciesAreNamed() throws IOException {
        List<String> mmu = Xlsx.read(TestData.demo().resolve(Layout.MMU_FEATURE)).header();
        Path renamed = corrupt(Layout.HSA_FEATURE, rows -> rows.get(0)[3] = "gc");
        String m = error(renamed);
        assertTrue(m.contains("hsa_feature.xlsx, row 1: feature columns differ from mmu_feature.xlsx: column 4 is 'gc' where"
                + " mmu_feature.xlsx has '" + mmu.get(3) + "'"), m);
        assertFalse(m.contains(" vs "), m);

        Path dropped = TestData.demoCopy(Files.createTempDirectory(tmp, "dropped"));
        Table t = Xlsx.read(dropped.resolve(Layout.HSA_FEATURE));
        List<String> header = new ArrayList<>(t.header());
        header.remove(5);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < t.header().size(); c++) if (c != 5) row.add(c == 0 ? t.text(r, c) : (Object) t.number(r, c));
            rows.add(row.toArray());
        }
        Xlsx.write(dropped.resolve(Layout.HSA_FEATURE), header, rows);
        String d = error(dropped);
        assertTrue(d.contains("17 columns where mmu_feature.xlsx has 18; missing: '" + mmu.get(5) + "'"), d);
    }

    /** Audit issue 23, WEAK: a sheet of notes in front of the data gave a misleading error. */
    @Test
    void aNotesSheetInFrontOfTheDataIsNamed() throws IOException {
        Path dir = TestData.demoCopy(tmp);
        Path f = dir.resolve(Layout.LABELS);
        Table t = Xlsx.read(f);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var os = Files.newOutputStream(f)) {
            wb.createSheet("About").createRow(0).createCell(0).setCellValue("labels from the knockout screen, see sheet 2");
            var data = wb.createSheet("labels");
            var h = data.createRow(0);
            h.createCell(0).setCellValue("ID");
            h.createCell(1).setCellValue("label");
            for (int r = 0; r < t.rowCount(); r++) {
                var row = data.createRow(r + 1);
                row.createCell(0).setCellValue(t.text(r, 0));
                row.createCell(1).setCellValue(t.number(r, 1));
            }
            wb.write(os);
        }
        String m = error(dir);
        assertTrue(m.startsWith(f + ", row 1: missing column 'label'; the data is on sheet 'labels' (DeepHEM-J reads the first sheet,"
                + " 'About': move 'labels' to the front)"), m);
    }

    @Test
    void duplicateId() throws IOException {
        Path dir = corrupt(Layout.SOURCE, rows -> rows.get(3)[0] = rows.get(2)[0]);
        String m = error(dir);
        assertTrue(m.contains("source_data.xlsx, row 4, column 'ID'") && m.contains("duplicate ID") && m.contains("first at row 3"), m);
    }

    @Test
    void idMissingFromPartnerFile() throws IOException {
        Path dir = corrupt(Layout.LABELS, rows -> rows.get(5)[0] = "demo-mmu-unknown");
        String m = error(dir);
        assertTrue(m.contains("mmu_label.xlsx, row 6") && m.contains("'demo-mmu-unknown' is not in source_data.xlsx"), m);
    }

    @Test
    void nonRnaLetterAndLowerCaseDna() throws IOException {
        Path dir = corrupt(Layout.TARGET, rows -> rows.get(4)[1] = rows.get(4)[1].substring(0, 10) + "X" + rows.get(4)[1].substring(11));
        String m = error(dir);
        assertTrue(m.contains("target_data.xlsx, row 5") && m.contains("letter 'X' at position 11"), m);
        Path ok = corrupt(Layout.TARGET, rows -> rows.get(4)[1] = rows.get(4)[1].toLowerCase().replace('u', 't'));
        DeepHemDataset d = DatasetReader.read(ok);
        assertTrue(d.target().sequences().get(3).matches("[ACGU]+"));
    }

    @Test
    void emptySequence() throws IOException {
        Path dir = corrupt(Layout.SOURCE, rows -> rows.get(7)[1] = "");
        String m = error(dir);
        assertTrue(m.contains("source_data.xlsx, row 8") && m.contains("empty sequence"), m);
    }

    @Test
    void nonNumericAndNonFiniteFeatures() throws IOException {
        Path dir = corrupt(Layout.HSA_FEATURE, rows -> rows.get(9)[7] = "n/a");
        String m = error(dir);
        assertTrue(m.contains("hsa_feature.xlsx, row 10, column 'mfe'") && m.contains("'n/a' is not a number"), m);
        Path nan = corrupt(Layout.MMU_FEATURE, rows -> rows.get(2)[2] = "NaN");
        String m2 = error(nan);
        assertTrue(m2.contains("mmu_feature.xlsx, row 3, column 'gc_content'") && m2.contains("not finite"), m2);
        Path inf = corrupt(Layout.MMU_PCA, rows -> rows.get(2)[1] = "Infinity");
        assertTrue(error(inf).contains("not finite"));
    }

    @Test
    void labelOtherThanZeroOrOne() throws IOException {
        Path dir = corrupt(Layout.LABELS, rows -> rows.get(6)[1] = "2");
        String m = error(dir);
        assertTrue(m.contains("mmu_label.xlsx, row 7, column 'label'") && m.contains("'2' is not 0 or 1"), m);
    }

    @Test
    void wideMtiXlsxReadsLikeTheLongTsv() throws IOException {
        Path dir = TestData.demoCopy(tmp);
        DeepHemDataset before = DatasetReader.read(dir);
        List<String> genes = before.humanTargets().values().stream().flatMap(java.util.Set::stream).distinct().sorted().toList();
        List<String> header = new ArrayList<>(List.of("ID"));
        header.addAll(genes);
        List<Object[]> rows = new ArrayList<>();
        for (String id : before.target().ids()) {
            Object[] r = new Object[genes.size() + 1];
            r[0] = id;
            java.util.Set<String> mine = before.humanTargets().getOrDefault(id, java.util.Set.of());
            for (int g = 0; g < genes.size(); g++) r[g + 1] = mine.contains(genes.get(g)) ? 1 : 0;
            rows.add(r);
        }
        Files.delete(dir.resolve(Layout.HSA_MTI_TSV));
        Xlsx.write(dir.resolve(Layout.HSA_MTI_XLSX), header, rows);
        assertEquals(before.humanTargets(), DatasetReader.read(dir).humanTargets());
    }

    @Test
    void folderWithoutFeatureFilesReadsAndSaysWhatIsMissing() throws IOException {
        Path dir = TestData.demoCopy(tmp);
        Files.delete(dir.resolve(Layout.MMU_FEATURE));
        Files.delete(dir.resolve(Layout.HSA_FEATURE));
        DeepHemDataset d = DatasetReader.read(dir);
        assertFalse(d.hasFeatures());
        assertTrue(Inspection.summarise(d).contains("MISSING (mmu_feature.xlsx / hsa_feature.xlsx)"));
    }

    @Test
    void featureRowsMustMatchSequenceIds() throws IOException {
        Path dir = corrupt(Layout.HSA_FEATURE, rows -> rows.remove(rows.size() - 1));
        String m = error(dir);
        assertTrue(m.contains("hsa_feature.xlsx") && m.contains("has no row here"), m);
    }
}
