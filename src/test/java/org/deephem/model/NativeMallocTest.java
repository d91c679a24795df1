package org.deephem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class NativeMallocTest {
    /** On Linux with glibc and no MALLOC_* variables the allocator is tuned, and provenance says so. */
    @Test
    void glibcKeepsFreedMemoryForReuse() {
        org.deephem.runtime.ProcessRuntime.start(org.deephem.runtime.ProcessRuntime.Settings.standard());
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        assumeTrue(os.contains("linux") && System.getenv("MALLOC_MMAP_THRESHOLD_") == null && System.getenv("MALLOC_TRIM_THRESHOLD_") == null
                && System.getProperty(NativeMalloc.PROPERTY) == null, "not Linux, or the allocator was set by the user: nothing to tune");
        assumeTrue(!NativeMalloc.state().contains("not available"), "no glibc mallopt here (e.g. musl): " + NativeMalloc.state());
        assertEquals("glibc: mmap threshold 32 MiB, trim threshold 512 MiB", NativeMalloc.state());
        assertEquals(NativeMalloc.state(), org.deephem.zoo.Provenance.environment().get("native_malloc"));
    }
}
