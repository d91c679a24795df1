package org.deephem.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.deephem.testutil.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/gpu-check.sh up to the point where it needs a real GPU: a stand-in nvidia-smi, first on
 * the PATH, plays a machine without a usable GPU and one with a driver too old for CUDA 11.6.
 * (The rest, builds, training and timings, can only run on a GPU host.)
 */
class GpuCheckScriptTest {
    @TempDir
    Path tmp;

    Processes.Result withFakeNvidiaSmi(String script, String... args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path smi = bin.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("scripts", "gpu-check.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        return Processes.run(pb, 60);
    }

    @Test
    void withoutAUsableGpuItSaysSoAndStopsBeforeBuildingAnything() throws Exception {
        Processes.Result r = withFakeNvidiaSmi("echo 'No devices were found'\nexit 6\n");
        assertEquals(3, r.exit(), r.out());
        assertEquals("gpu-check: nvidia-smi found no usable GPU (No devices were found); nothing to check.\n", r.out());
    }

    @Test
    void aDriverOlderThanCuda116Fails() throws Exception {
        Processes.Result r = withFakeNvidiaSmi("if [ \"$1\" = -L ]; then echo 'GPU 0: Tesla T4 (UUID: GPU-0)'; "
                + "else echo '| NVIDIA-SMI 470.57  Driver Version: 470.57  CUDA Version: 11.4 |'; fi\n");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("GPU 0: Tesla T4") && r.out().endsWith("gpu-check: FAILED: the NVIDIA driver supports CUDA 11.4 only; update the driver\n"), r.out());
    }

    @Test
    void badArgumentsAreOneLine() throws Exception {
        Processes.Result r = withFakeNvidiaSmi("exit 0\n", "--bogus");
        assertEquals(1, r.exit(), r.out());
        assertEquals("gpu-check: FAILED: unknown argument '--bogus' (use --data DIR or --help)\n", r.out());
        Processes.Result h = withFakeNvidiaSmi("exit 0\n", "--help");
        assertEquals(0, h.exit(), h.out());
        assertTrue(h.out().contains("What it checks"), h.out());
    }
}
