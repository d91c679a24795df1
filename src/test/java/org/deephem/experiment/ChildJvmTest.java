package org.deephem.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Children inherit an explicit parent heap and keep the parent's off-heap limit (the test JVM runs with -Xmx6g). */
class ChildJvmTest {
    @Test
    void childInheritsTheExplicitHeapAndTheOffHeapLimit() {
        boolean explicit = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.startsWith("-Xmx"));
        List<String> o = ChildJvm.memoryOptions();
        long heap = Runtime.getRuntime().maxMemory();
        assertEquals(explicit ? "-Xmx" + heap : "-Xmx" + ChildJvm.CHILD_HEAP, o.get(0));
        assertEquals("-Dorg.bytedeco.javacpp.maxbytes=" + heap, o.get(1));
        List<String> cmd = ChildJvm.command(CellWorker.class.getName(), List.of("--spec", "s.json"));
        assertTrue(cmd.indexOf(o.get(0)) > 0 && cmd.indexOf(o.get(0)) < cmd.indexOf("org.deephem.experiment.CellWorker"), "JVM options come before the main class: " + cmd);
        assertEquals(List.of("--spec", "s.json"), cmd.subList(cmd.size() - 2, cmd.size()), "the arguments come last");
    }
}
