package org.deephem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeBuildsTest {
    private static final Set<String> AVX2 = Set.of("avx", "avx2", "fma");

    @Test
    void buildsComeFromTheJarOrFromTheirMavenJarsOrSayWhyNot(@TempDir Path jars) throws Exception {
        Files.writeString(jars.resolve("nd4j-native-1.0.0-M2.1-linux-x86_64-avx2.jar"), "");
        List<NativeBuilds.Build> b = NativeBuilds.resolve("shipped,generic,avx2,avx512,onednn-avx2", "-onednn", Set.of("-onednn"), jars, "1.0.0-M2.1", AVX2);
        assertEquals(List.of("onednn", "generic", "avx2", "avx512", "onednn-avx2"), b.stream().map(NativeBuilds.Build::name).toList());
        assertNull(b.get(0).jar(), "the shipped build needs no jar");
        assertNull(b.get(0).skip());
        assertEquals("linux-x86_64-onednn", b.get(0).folder());
        assertEquals("", b.get(1).extension());
        assertTrue(b.get(1).skip().contains("mvn dependency:get -Dartifact=org.nd4j:nd4j-native:1.0.0-M2.1:jar:linux-x86_64"), b.get(1).skip());
        assertEquals(jars.resolve("nd4j-native-1.0.0-M2.1-linux-x86_64-avx2.jar"), b.get(2).jar());
        assertTrue(b.get(3).skip().startsWith("this CPU lacks"), b.get(3).skip());
        assertTrue(b.get(4).skip().contains("not in"), b.get(4).skip());
        assertEquals(6, NativeBuilds.resolve("all", "", Set.of(""), jars, "1.0.0-M2.1", AVX2).size());
        assertThrows(org.deephem.io.InputError.class, () -> NativeBuilds.resolve("sse9", "", Set.of(""), jars, "v", AVX2));
    }

    @Test
    void opsAreSummedByTypeOrByInstance() {
        assertEquals("add", OpProfile.key("add_17", "add", false));
        assertEquals("add_17 (add)", OpProfile.key("add_17", "add", true));
    }
}
