package org.deephem.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.deephem.io.Hashing;

/** Where a model came from: data hashes, versions, code commit, ND4J backend. */
public final class Provenance {
    private Provenance() {}

    /** SHA-256 of every regular file of a dataset folder (name → hash), manifest included. */
    public static Map<String, String> datasetHashes(Path dir) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> m.put(p.getFileName().toString(), Hashing.sha256(p)));
        } catch (IOException e) {
            m.put("error", e.getMessage());
        }
        return m;
    }

    /**
     * The software a model was made with: versions and git commit as captured when this jar was
     * built ({@link BuildInfo}), the ND4J backend in use (and on a CPU its native build and thread count), Java and the OS.
     */
    public static Map<String, Object> environment() {
        BuildInfo b = BuildInfo.current();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deephem_j", b.version());
        m.put("nd4j", b.nd4jVersion());
        m.put("nd4j_backend", Backend.inUse());
        String build = Backend.build();
        if (build != null) m.put("nd4j_build", build); // which libnd4j (generic, -avx2, -onednn, ...): rounding can differ between them
        m.put("device", Backend.device());
        if (org.nd4j.linalg.factory.Nd4j.getEnvironment().isCPU()) m.put("nd4j_threads", org.nd4j.linalg.factory.Nd4j.getEnvironment().maxMasterThreads());
        m.put("native_malloc", org.deephem.model.NativeMalloc.state());
        m.put("executor", org.deephem.model.exec.Executor.describe());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("git_commit", b.gitCommit());
        return m;
    }
}
