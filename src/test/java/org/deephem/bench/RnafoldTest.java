package org.deephem.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's RNAfold runner against a stand-in script that answers in RNAfold's output format. */
class RnafoldTest {
    @TempDir
    Path tmp;

    private Path standIn(String body) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "SKIPPED: needs /bin/sh for the stand-in RNAfold");
        Path exe = tmp.resolve("RNAfold");
        Files.writeString(exe, "#!/bin/sh\n" + body);
        exe.toFile().setExecutable(true);
        return exe;
    }

    @Test
    void readsOneEnergyPerSequenceInOrder() throws IOException {
        // RNAfold prints the sequence, then "structure (energy)" with the energy right-aligned in 6 columns
        Path exe = standIn("n=0\nwhile read s; do n=$((n+1)); echo \"$s\"; echo \"((...)) ( -$n.50)\"; done\n");
        Rnafold.Run r = Rnafold.fold(exe, List.of("GGGAAACCC", "ACGUACGU", "GGGGAAAACCCC"));
        assertArrayEquals(new double[] {-1.5, -2.5, -3.5}, r.mfe(), 0.0);
        assertEquals(exe, Rnafold.find(exe));
    }

    @Test
    void aMissingOrFailingExecutableIsNotUsed() throws IOException {
        assertNull(Rnafold.find(tmp.resolve("nowhere")));
        Path broken = standIn("exit 3\n");
        assertThrows(IllegalStateException.class, () -> Rnafold.fold(broken, List.of("GGGAAACCC")));
    }
}
