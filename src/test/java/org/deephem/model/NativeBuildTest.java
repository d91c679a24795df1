package org.deephem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeBuildTest {
    private static final Set<String> OLD_X86 = Set.of("sse2", "sse4_2", "avx");
    private static final Set<String> AVX2 = Set.of("sse2", "sse4_2", "avx", "avx2", "fma");
    private static final Set<String> AVX512 = Set.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl");

    @Test
    void theBestBuildInTheJarThatTheCpuCanRunIsPicked() {
        List<String> pref = List.of("-onednn-avx512", "-onednn-avx2", "-onednn", "");
        Set<String> all = Set.of("", "-onednn", "-onednn-avx2", "-onednn-avx512");
        assertEquals("-onednn-avx512", NativeBuild.pick(pref, all, AVX512));
        assertEquals("-onednn-avx2", NativeBuild.pick(pref, all, AVX2));
        assertEquals("-onednn", NativeBuild.pick(pref, all, OLD_X86), "no AVX2: the build that runs on any x86-64");
        assertEquals("", NativeBuild.pick(pref, Set.of(""), AVX512), "only the generic build in the jar");
        assertEquals("-onednn", NativeBuild.pick(pref, Set.of("-onednn"), Set.of()), "unreadable flags: nothing beyond x86-64 assumed");
        assertEquals("", NativeBuild.pick(pref, Set.of("-onednn-avx2"), OLD_X86), "no runnable build: JavaCPP's generic fallback");
    }

    @Test
    void avx512BuildsNeedTheWholeAvx512FamilyTheyAreCompiledFor() {
        assertTrue(NativeBuild.needs("-avx512").containsAll(Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl")));
        assertEquals(NativeBuild.needs("-avx512"), NativeBuild.needs("-onednn-avx512"));
        assertEquals(Set.of("avx2", "fma"), NativeBuild.needs("-onednn-avx2"));
        assertEquals(Set.of(), NativeBuild.needs("-onednn"));
        assertEquals(Set.of(), NativeBuild.needs(""));
    }

    @Test
    void cpuFlagsAreReadFromTheFirstProcessor() {
        String cpuinfo = "processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: fpu sse2 avx avx2 fma\n\nprocessor\t: 1\nflags\t\t: fpu\n";
        assertEquals(Set.of("fpu", "sse2", "avx", "avx2", "fma"), NativeBuild.parseFlags(cpuinfo));
        assertEquals(Set.of(), NativeBuild.parseFlags("processor : 0\n"));
    }

    @Test
    void theLoadedBuildIsTheFolderOfTheLoadedLibnd4j() {
        String lib = "/root/.javacpp/cache/deephem.jar/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/libnd4jcpu.so";
        assertEquals("linux-x86_64-onednn", NativeBuild.folderOf(Map.of("nd4jcpu", lib), "nd4jcpu"));
        assertNull(NativeBuild.folderOf(Map.of(), "nd4jcpu"));
    }

    @Test
    void theBuildThisProcessLoadedIsOneThatWasChosenOrTheGenericFallback() {
        org.deephem.runtime.ProcessRuntime.start(org.deephem.runtime.ProcessRuntime.Settings.standard());
        Nd4j.create(1); // loads ND4J
        String loaded = NativeBuild.loaded();
        assertNotNull(loaded, "libnd4j's CPU library is loaded on the CPU backend");
        assertTrue(loaded.equals(NativeBuild.PLATFORM + NativeBuild.chosen()) || loaded.equals(NativeBuild.PLATFORM),
                "loaded " + loaded + ", chosen '" + NativeBuild.chosen() + "'");
        // the build the pom puts in the jar (surefire passes it as JavaCPP's extension) is the one that runs
        String pom = System.getProperty(NativeBuild.EXTENSION);
        if (pom != null) assertEquals(NativeBuild.PLATFORM + pom, loaded);
        assertTrue(NativeBuild.available().contains(NativeBuild.chosen()), "the chosen build is in the class path: " + NativeBuild.available());
    }
}
