package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deephem.io.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped default's translator: each bad record is left out with its kind and line, the
 * records kept are those the model reads, and their logits are the ones the model gives the same
 * sequences through {@link ZooModel#logitsOfSequences} (the path the expected scores are checked on).
 */
public class SequenceTranslatorTest {
    private static final String LET7 = "UGGGAUGAGGUAGUAGGUUGUAUAGUUUUAGGGUCACACCCACCACUGGGAGAUAACUAUACAAUCUACUGUCUUUCCUA";

    @Test
    void badRecordsAreLeftOutByKindAndTheRestScoreAsTheModelDoes(@TempDir Path tmp) throws IOException {
        Path fa = tmp.resolve("mixed.fa");
        Files.writeString(fa, ">good\n" + LET7 + "\n"
                + ">dna\n" + LET7.replace('U', 'T') + "\n"
                + ">with_N\n" + LET7.substring(0, 20) + "N" + LET7.substring(21) + "\n"
                + ">tiny\nACGUA\n"
                + ">too_long\n" + "ACGU".repeat(200) + "\n");
        Backend.start();
        ZooModel zm = ZooModel.load(ShippedModels.defaultModel());
        SequenceTranslator t = zm.translator();
        SequenceTranslator.Checked checked = t.check(SequenceTranslator.read(fa, null, true));
        assertEquals(List.of("good", "dna"), checked.ids());
        assertEquals(List.of(LET7, LET7), checked.givenSequences(), "T is read as U");
        List<SequenceTranslator.Skip> skipped = checked.skipped();
        assertEquals(List.of("with_N", "tiny", "too_long"), skipped.stream().map(SequenceTranslator.Skip::id).toList());
        assertEquals(List.of(SequenceTranslator.Kind.INVALID, SequenceTranslator.Kind.TOO_LONG_FOR_MODEL, SequenceTranslator.Kind.TOO_LONG_TO_FOLD),
                skipped.stream().map(SequenceTranslator.Skip::kind).toList());
        assertEquals(List.of(5L, 7L, 9L), skipped.stream().map(SequenceTranslator.Skip::line).toList());
        assertTrue(checked.summary().startsWith("scored 2; skipped 3 ("), checked.summary());

        SequenceTranslator.Translation tr = t.translate(checked, Map.of(), true);
        double[][] logits = tr.logits(zm);
        double[][] direct = zm.logitsOfSequences(checked.ids(), checked.givenSequences(), checked.givenMatures(), Map.of());
        assertEquals(zm.members().size(), logits.length);
        for (int k = 0; k < logits.length; k++) assertArrayEquals(direct[k], logits[k], 0.0, "member " + k);
        assertEquals(logits[0][0], logits[0][1], 0.0, "the same hairpin in DNA letters scores the same");
    }

    @Test
    void withoutSkippingTheFirstBadRecordStopsWithItsLine(@TempDir Path tmp) throws IOException {
        Path fa = tmp.resolve("short.fa");
        Files.writeString(fa, ">good\n" + LET7 + "\n>tiny\nACGUA\n");
        Backend.start();
        ZooModel zm = ZooModel.load(ShippedModels.defaultModel());
        InputError e = assertThrows(InputError.class, () -> zm.translator().check(SequenceTranslator.read(fa, null, false)));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'tiny'") && e.getMessage().contains("--skip-invalid"), e.getMessage());
    }
}
