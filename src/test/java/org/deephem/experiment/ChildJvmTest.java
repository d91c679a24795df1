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
        List<String> cmd = ChildJvm.command("score", "--help");
        assertTrue(cmd.indexOf(o.get(0)) > 0 && cmd.indexOf(o.get(0)) < cmd.indexOf("org.deephem.cli.Main"), "JVM options come before the main class: " + cmd);
    }
}
